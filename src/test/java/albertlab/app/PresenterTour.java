package albertlab.app;

import albertlab.view.common.AppContext;
import albertlab.view.common.Exports;
import albertlab.viewmodel.common.I18n;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Not a test: a tool that shows every page in high contrast and in presenter mode (with a lesson step that uses
 * a few controls), the presenter window and the blank screen, in both languages, and writes a snapshot of each.
 * Run under xvfb: {@code java -cp target/test-classes:target/classes:<deps> albertlab.app.PresenterTour shots}
 */
public final class PresenterTour {

    private static final Map<String, Set<String>> USED = Map.of(
            "explorer", Set.of("slider-L", "sharing-all"),
            "live", Set.of("sentence-a", "layer-choice"),
            "training", Set.of("training-mode-all", "training-start"));

    private final Path out;
    private final Deque<Object> steps = new ArrayDeque<>();
    private Stage stage;
    private Scene scene;
    private AppShell shell;
    private FakeNavigation nav;

    private PresenterTour(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "shots");
        Files.createDirectories(out);
        PresenterTour tour = new PresenterTour(out);
        for (Locale l : new Locale[]{I18n.ENGLISH, I18n.CHINESE}) tour.plan(l);
        Platform.startup(() -> {
            Platform.setImplicitExit(false);
            tour.next();
        });
    }

    private void plan(Locale locale) {
        String lang = locale.getLanguage();
        steps.add((Runnable) () -> open(locale));
        for (String page : new String[]{"explorer", "live", "training"}) {
            steps.add((Runnable) () -> {
                shell.select(page);
                shell.presenter().highContrastProperty().set(true);
            });
            waitIdle();
            if (page.equals("training")) {
                steps.add((Runnable) () -> ((javafx.scene.control.Button) scene.lookup("#training-step")).fire());
                steps.add((BooleanSupplier) () -> !shell.currentProperty().get().busyProperty().get());
                steps.add((Runnable) () -> { });
            }
            shot(lang + "-" + page + "-hc");
            if (page.equals("live")) {
                for (String tab : new String[]{"attention", "dynamics"}) {
                    steps.add((Runnable) () -> selectTab("tab-" + tab));
                    waitIdle();
                    shot(lang + "-live-" + tab + "-hc");
                }
            }
            steps.add((Runnable) () -> {
                nav.controls.set(USED.get(page));
                shell.presenter().enter();
            });
            shot(lang + "-" + page + "-present-hc");
            steps.add((Runnable) () -> shell.presenter().highContrastProperty().set(false));
            shot(lang + "-" + page + "-present");
            if (page.equals("live")) {
                steps.add((Runnable) () -> selectTab("tab-attention"));
                shot(lang + "-live-attention-present");
            }
            steps.add((Runnable) () -> {
                shell.presenter().leave();
                nav.controls.set(Set.of());
            });
        }
        // the View menu in high contrast: a popup, which takes the scene's sheets through its owner
        steps.add((Runnable) () -> {
            shell.presenter().highContrastProperty().set(true);
            viewMenu().show();
        });
        steps.add((Runnable) () -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w instanceof javafx.stage.PopupWindow && w.isShowing()) write(w.getScene().getRoot(),
                        lang + "-view-menu-hc");
            }
            viewMenu().hide();
        });
        steps.add((Runnable) () -> {
            shell.presenter().openWindow(false);
            shell.presenter().highContrastProperty().set(false);
        });
        steps.add((Runnable) () -> write(shell.presenter().window().stage().getScene().getRoot(),
                lang + "-presenter-window"));
        steps.add((Runnable) () -> {
            shell.presenter().highContrastProperty().set(true);
            nav.next();
        });
        steps.add((Runnable) () -> write(shell.presenter().window().stage().getScene().getRoot(),
                lang + "-presenter-window-hc"));
        steps.add((Runnable) () -> {
            shell.presenter().window().close();
            shell.presenter().enter();
            shell.presenter().toggleBlank();
        });
        shot(lang + "-blank");
        steps.add((Runnable) () -> {
            shell.presenter().leave();
            stage.close();
        });
    }

    private javafx.scene.control.Menu viewMenu() {
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) scene.lookup("#menu-bar");
        return bar.getMenus().stream().filter(m -> "menu-view".equals(m.getId())).findFirst().orElseThrow();
    }

    private void selectTab(String id) {
        for (Node n : scene.getRoot().lookupAll(".tab-pane")) {
            TabPane t = (TabPane) n;
            t.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                    .ifPresent(tab -> t.getSelectionModel().select(tab));
        }
    }

    private void waitIdle() {
        steps.add((BooleanSupplier) () -> !shell.currentProperty().get().busyProperty().get());
    }

    private void shot(String name) {
        steps.add((Runnable) () -> write(scene.getRoot(), name));
    }

    private void write(Node root, String name) {
        try {
            Path file = out.resolve(name + ".png");
            Exports.writeNodePng(root, file, 1.0);
            System.out.println("wrote " + file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void open(Locale locale) {
        I18n i18n = new I18n(locale);
        stage = new Stage();
        AppContext ctx = new AppContext(i18n, Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }), () -> stage);
        shell = new AppShell(ctx, Pages.create(ctx), stage::close);
        shell.setBaseFontSize(albertlab.view.common.LabStyles.sizeFor(1080));
        scene = new Scene(shell, 1920, 1080);
        stage.setScene(scene);
        stage.show();
        nav = new FakeNavigation("Factorized embeddings", "Sharing layers", "Attention");
        shell.navigationProperty().set(nav);
    }

    private void next() {
        Object step = steps.poll();
        if (step == null) {
            Platform.exit();
            System.exit(0);
            return;
        }
        try {
            if (step instanceof BooleanSupplier until && !until.getAsBoolean()) steps.addFirst(step);
            else if (step instanceof Runnable r) r.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        PauseTransition settle = new PauseTransition(Duration.millis(400));
        settle.setOnFinished(e -> next());
        settle.play();
    }
}
