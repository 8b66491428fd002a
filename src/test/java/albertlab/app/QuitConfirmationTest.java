package albertlab.app;

import albertlab.view.common.AppContext;
import albertlab.view.common.LabPage;
import albertlab.viewmodel.common.I18n;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quitting with unsaved training asks first; "Keep working" keeps the app, "Quit anyway" stops every page. */
@ExtendWith(ApplicationExtension.class)
class QuitConfirmationTest {

    private final AtomicInteger shutdowns = new AtomicInteger();
    private final AtomicReference<String> unsaved = new AtomicReference<>("3:12 of training is not saved.");
    private AppShell shell;

    private final class Busy implements LabPage {
        @Override
        public String id() {
            return "busy";
        }

        @Override
        public String titleKey() {
            return "training.title";
        }

        @Override
        public Node content() {
            return new Label("training");
        }

        @Override
        public String unsavedWork() {
            return unsaved.get();
        }

        @Override
        public void shutdown() {
            shutdowns.incrementAndGet();
        }
    }

    @Start
    void start(Stage stage) {
        AppContext ctx = new AppContext(new I18n(I18n.ENGLISH), Executors.newSingleThreadExecutor(), () -> stage);
        shell = new AppShell(ctx, List.of(new Busy()), stage::close);
        stage.setScene(new Scene(shell, 800, 600));
        stage.show();
        shell.show("busy");
    }

    private boolean ask(FxRobot robot, String answer) throws Exception {
        AtomicBoolean result = new AtomicBoolean();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            result.set(shell.confirmQuit());
            done.countDown();
        });
        if (answer != null) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(answer).tryQuery().isPresent());
            assertTrue(robot.lookup("3:12 of training is not saved.").tryQuery().isPresent());
            robot.clickOn(robot.lookup(answer).queryAs(Button.class));
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        return result.get();
    }

    @Test
    void keepWorkingKeepsTheAppAndQuitAnywayStopsEveryPage(FxRobot robot) throws Exception {
        assertFalse(ask(robot, "Keep working"));
        assertEquals(0, shutdowns.get());
        assertTrue(ask(robot, "Quit anyway"));
        assertEquals(1, shutdowns.get());
        // nothing unsaved: no question, and the pages are still stopped
        unsaved.set(null);
        assertTrue(ask(robot, null));
        assertEquals(2, shutdowns.get());
    }
}
