package albertlab.app;

import albertlab.view.common.AppContext;
import albertlab.view.common.Exports;
import albertlab.view.explorer.ParameterExplorerView;
import albertlab.viewmodel.explorer.ExplorerTopic;
import albertlab.viewmodel.common.I18n;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * Not a test: a tool that walks the explorer through its states in both languages and two window sizes and
 * writes a snapshot of each, for people to look at. Each step gets a few real pulses to lay out before its picture.
 * Run under xvfb: {@code java -cp target/test-classes:target/classes:<deps> albertlab.app.ScreenshotTour shots}
 */
public final class ScreenshotTour {

    private final Path out;
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private Stage stage;
    private Scene scene;
    private AppShell shell;
    private ParameterExplorerView view;
    private javafx.scene.control.Alert about;
    private I18n i18nNow;

    private ScreenshotTour(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "shots");
        Files.createDirectories(out);
        ScreenshotTour tour = new ScreenshotTour(out);
        for (String size : new String[]{"1280x800", "1920x1080"}) {
            for (Locale l : new Locale[]{I18n.ENGLISH, I18n.CHINESE}) tour.plan(size, l);
        }
        Platform.startup(() -> {
            Platform.setImplicitExit(false); // windows close between sizes and languages
            tour.next();
        });
    }

    private void plan(String size, Locale locale) {
        String stem = "explorer-" + locale.getLanguage() + "-" + size;
        steps.add(() -> open(size, locale));
        String[] tabs = {"breakdown", "layers", "compute"};
        for (int i = 0; i < tabs.length; i++) {
            int tab = i;
            steps.add(() -> view.chartTabs().getSelectionModel().select(tab));
            shot(stem + "-" + tabs[i]);
        }
        steps.add(() -> {
            view.chartTabs().getSelectionModel().select(0);
            view.viewModel().heads().set(7);
        });
        shot(stem + "-invalid");
        steps.add(() -> {
            view.viewModel().heads().set(12);
            view.viewModel().embedding().set(1024);
        });
        shot(stem + "-warning");
        steps.add(() -> {
            view.viewModel().embedding().set(128);
            view.viewModel().topicProperty().set(ExplorerTopic.FACTORIZATION);
        });
        shot(stem + "-explanation");
        steps.add(() -> {
            view.viewModel().topicProperty().set(null);
            shell.fontSizeProperty().set(shell.fontSizeProperty().get() + 6);
            view.chartTabs().getSelectionModel().select(1);
        });
        shot(stem + "-large-text");
        if (size.startsWith("1280")) {
            steps.add(() -> {
                shell.fontSizeProperty().set(shell.fontSizeProperty().get() - 6);
                about = AboutDialog.create(shell.pages().isEmpty() ? null : i18n(), stage);
                about.show();
            });
            steps.add(() -> {
                windowShot(about.getDialogPane().getScene(), stem + "-about");
                about.close();
                ((javafx.scene.control.ComboBox<?>) scene.lookup("#presetBox")).show();
            });
            steps.add(() -> {
                for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                    if (w instanceof javafx.stage.PopupWindow && w.isShowing()) windowShot(w.getScene(), stem + "-presets");
                }
                ((javafx.scene.control.ComboBox<?>) scene.lookup("#presetBox")).hide();
            });
        }
        steps.add(() -> stage.close());
    }

    private I18n i18n() {
        return i18nNow;
    }

    private void windowShot(Scene s, String name) {
        try {
            Path file = out.resolve(name + ".png");
            Exports.writeNodePng(s.getRoot(), file, 1.0);
            System.out.println("wrote " + file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void shot(String name) {
        steps.add(() -> {
            try {
                Path file = out.resolve(name + ".png");
                Exports.writeNodePng(scene.getRoot(), file, 1.0);
                System.out.println("wrote " + file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void open(String size, Locale locale) {
        String[] wh = size.split("x");
        I18n i18n = new I18n(locale);
        i18nNow = i18n;
        stage = new Stage();
        AppContext ctx = new AppContext(i18n, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }), () -> stage);
        shell = new AppShell(ctx, Pages.create(ctx), stage::close);
        shell.setBaseFontSize(albertlab.view.common.LabStyles.sizeFor(Integer.parseInt(wh[1])));
        scene = new Scene(shell, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        stage.setScene(scene);
        stage.show();
        shell.show("explorer");
        view = (ParameterExplorerView) scene.lookup("#explorer");
    }

    private void next() {
        Runnable step = steps.poll();
        if (step == null) {
            Platform.exit();
            System.exit(0);
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        PauseTransition settle = new PauseTransition(Duration.millis(250));
        settle.setOnFinished(e -> next());
        settle.play();
    }
}
