package albertlab.app;

import albertlab.view.common.AppContext;
import albertlab.view.common.LabPage;
import albertlab.view.common.Exports;
import albertlab.view.common.LabStyles;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.session.SessionFiles;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The desktop app: {@code ./mvnw javafx:run} or {@code java -jar albert-lab.jar}. Options are in
 * {@link StartOptions}; {@code --self-test} shows every page once and exits 0, or 1 when a page fails.
 */
public final class AlbertLabApp extends Application {

    /** Threads for long work (forward passes, model loading); daemons, so they never keep the JVM alive. */
    private static final int BACKGROUND_THREADS = 2;

    private ExecutorService background;

    public static void launchApp(String[] args) {
        launch(AlbertLabApp.class, args);
    }

    public static void main(String[] args) {
        launchApp(args);
    }

    @Override
    public void start(Stage stage) {
        StartOptions options;
        try {
            options = StartOptions.parse(List.copyOf(getParameters().getRaw()));
        } catch (StartOptions.BadOption e) {
            System.err.println("albert-lab: " + e.getMessage());
            exit(2);
            return;
        }
        I18n i18n = options.language() != null ? new I18n(options.language()) : I18n.forSystemLocale();
        background = Executors.newFixedThreadPool(BACKGROUND_THREADS, daemonThreads());
        AppContext context = new AppContext(i18n, background, () -> stage);
        AppShell shell = new AppShell(context, Pages.create(context), () -> {
            stage.close();
            Platform.exit();
        });
        SessionMenu sessions = new SessionMenu(shell, context, SessionFiles.atAppHome(shell::state, shell::apply,
                background, Platform::runLater), SessionMenu.fileChoosers(i18n));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        int w = options.widthOr((int) Math.min(StartOptions.DEFAULT_WIDTH, screen.getWidth()));
        int h = options.heightOr((int) Math.min(StartOptions.DEFAULT_HEIGHT, screen.getHeight()));
        shell.setBaseFontSize(LabStyles.sizeFor(h));
        Scene scene = new Scene(shell, w, h);
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        // closing the window asks like File › Quit does, and stops a training run cleanly
        stage.setOnCloseRequest(e -> {
            if (!shell.confirmQuit()) e.consume();
        });
        stage.titleProperty().bind(sessions.title(i18n.bind(() -> shell.currentProperty().get() == null
                        ? i18n.get("app.title")
                        : i18n.get("app.title") + " — " + i18n.get(shell.currentProperty().get().titleKey()),
                shell.currentProperty())));

        String first = shell.pages().get(0).id();
        if (options.page() != null) {
            if (shell.hasPage(options.page())) {
                first = options.page();
            } else {
                System.err.println("albert-lab: no page '" + options.page() + "'; pages: "
                        + String.join(", ", shell.pages().stream().map(LabPage::id).toList()));
                if (options.selfTest() || options.snapshot() != null) {
                    exit(2);
                    return;
                }
            }
        }
        stage.show();
        if (options.selfTest()) {
            new SelfTest(shell, scene, System.out, this::exit).start();
            return;
        }
        shell.select(first);
        if (options.highContrast()) shell.presenter().highContrastProperty().set(true);
        if (options.present()) shell.presenter().enter();
        if (options.lesson() != null) openLesson(shell, options);
        // a double-clicked session file opens; else a crash's recovery file is offered (not for screenshots)
        sessions.start(options.sessionFile(), options.snapshot() == null, SessionMenu.AUTOSAVE_EVERY);
        if (options.snapshot() != null) {
            // let fonts, layout and the charts' first drawing settle, and the page finish its work (a forward
            // pass), before taking the picture
            PauseTransition settle = new PauseTransition(Duration.millis(800));
            settle.setOnFinished(e -> WhenIdle.run(shell.currentProperty().get().busyProperty(),
                    Duration.seconds(30), () -> {
                        try {
                            Exports.writeNodePng(scene.getRoot(), options.snapshot(), 1.0);
                            System.out.println("snapshot: " + options.snapshot().toAbsolutePath());
                            exit(0);
                        } catch (IOException | RuntimeException ex) {
                            System.err.println("albert-lab: cannot write " + options.snapshot() + ": "
                                    + ex.getMessage());
                            exit(1);
                        }
                    }, () -> {
                        System.err.println("albert-lab: the page was still busy after 30 s; no snapshot");
                        exit(1);
                    }));
            settle.play();
        }
    }

    /** Opens the lesson of --lesson at --step once the lessons are read; an unknown one is an error for scripts. */
    private void openLesson(AppShell shell, StartOptions options) {
        var vm = shell.lessons().viewModel();
        Runnable open = () -> {
            if (!vm.open(options.lesson(), options.step())) {
                System.err.println("albert-lab: no lesson '" + options.lesson() + "'; lessons: " + String.join(", ",
                        vm.lessons().stream().map(albertlab.viewmodel.lesson.LessonEntry::name).toList()));
                if (options.snapshot() != null) exit(2);
            }
        };
        if (!vm.loadingProperty().get()) {
            open.run();
            return;
        }
        vm.loadingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    vm.loadingProperty().removeListener(this);
                    open.run();
                }
            }
        });
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
            try {
                background.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void exit(int status) {
        stop();
        Platform.exit();
        System.exit(status);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "albertlab-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
