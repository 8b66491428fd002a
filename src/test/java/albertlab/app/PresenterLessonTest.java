package albertlab.app;

import albertlab.view.common.AppContext;
import albertlab.view.common.FxWait;
import albertlab.viewmodel.common.I18n;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A teacher presents a shipped lesson: F5, the clicker walks its steps (not the pages), the controls the step does
 * not use are hidden, and Esc gives the full page back.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterLessonTest {

    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "presenter-lesson-test");
        t.setDaemon(true);
        return t;
    });
    private Stage stage;
    private AppShell shell;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppContext ctx = new AppContext(new I18n(I18n.ENGLISH), background, () -> stage);
        shell = new AppShell(ctx, Pages.create(ctx), stage::close);
        stage.setScene(new Scene(shell, 1280, 800));
        stage.show();
        shell.select("explorer");
    }

    // the pool is not shut down after a test: its daemon threads end with the JVM, and a page of this test
    // that is still loading would otherwise hand work to a closed pool while the next test runs

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    @Test
    void theClickerWalksTheLessonAndUnusedControlsHide(FxRobot robot) {
        var vm = shell.lessons().viewModel();
        FxWait.until(30, () -> !vm.loadingProperty().get());
        robot.interact(() -> vm.open("01-where-bert-keeps-its-parameters", 1));
        FxWait.until(30, () -> shell.navigationProperty().get() != null);
        Node lockFfn = robot.lookup("#lockFfn").query();
        Node preset = robot.lookup("#presetBox").query();
        assertTrue(shown(lockFfn));

        robot.interact(() -> shell.presenter().enter());
        FxWait.until(10, () -> !shown(lockFfn));
        assertTrue(shown(preset), "step 1 uses the preset box");

        robot.type(KeyCode.PAGE_DOWN);
        FxWait.until(10, () -> vm.stepIndexProperty().get() == 1);
        assertEquals("explorer", shell.currentProperty().get().id(), "the clicker moves steps, not pages");
        assertEquals("Step 2 of 6", robot.lookup("#lesson-position").queryAs(Label.class).getText());
        robot.type(KeyCode.PAGE_UP);
        FxWait.until(10, () -> vm.stepIndexProperty().get() == 0);

        robot.type(KeyCode.ESCAPE);
        FxWait.until(10, () -> shown(lockFfn));
        assertFalse(stage.isFullScreen());
        robot.interact(vm::close);
        FxWait.until(10, () -> shell.navigationProperty().get() == null);
    }
}
