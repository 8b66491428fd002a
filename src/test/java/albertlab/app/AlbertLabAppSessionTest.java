package albertlab.app;

import albertlab.core.config.SharingMode;
import albertlab.core.io.AppHome;
import albertlab.core.session.DefaultState;
import albertlab.core.session.LabState;
import albertlab.core.session.LabStateFile;
import albertlab.core.session.LiveState;
import albertlab.view.common.FxWait;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole app started the way a double-click starts it, with the session file as its one plain argument: the
 * file opens (its state shows, its name is in the title) and no recovery question comes up.
 */
class AlbertLabAppSessionTest {

    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void aSessionFileGivenOnTheCommandLineOpens() throws Exception {
        LabState given = DefaultState.of("en").withPage("explorer").withExplorer(DefaultState.explorer("albert-large-v2"))
                .withLive(LiveState.trained(DefaultState.ENGLISH_MODEL, SharingMode.ALL_SHARED,
                        "The jury met in the old hall.", "", -1, 2));
        Path file = work.resolve("week3.albertlab");
        LabStateFile.write(file, given);
        System.setProperty(AppHome.PROPERTY, home.toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = null;
        try {
            app = FxToolkit.setupApplication(AlbertLabApp.class, "--lang", "en", "--size", "1024x700",
                    file.toString());
            FxWait.until(60, () -> stage.getTitle() != null && stage.getTitle().startsWith("week3.albertlab — "));
            assertEquals("week3.albertlab — ALBERT Lab — Parameter Explorer", stage.getTitle());
            AppShell shell = (AppShell) stage.getScene().getRoot();
            AtomicReference<LabState> shown = new AtomicReference<>();
            new FxRobot().interact(() -> shown.set(shell.state()));
            assertEquals(given, shown.get());
            assertFalse(new FxRobot().lookup("#session-recovery").tryQuery().isPresent());
            // a clean quit: the autosave timer stops and leaves no recovery file in this test's home folder
            AtomicReference<Boolean> quit = new AtomicReference<>();
            new FxRobot().interact(() -> quit.set(shell.confirmQuit()));
            assertTrue(quit.get());
            assertFalse(Files.exists(home.resolve("recovery.albertlab")));
        } finally {
            FxToolkit.setupFixture(() -> {
                stage.titleProperty().unbind();
                stage.setOnCloseRequest(null);
            });
            if (app != null) FxToolkit.cleanupApplication(app);
            System.clearProperty(AppHome.PROPERTY);
        }
    }
}
