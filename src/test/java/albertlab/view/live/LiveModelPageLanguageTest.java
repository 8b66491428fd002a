package albertlab.view.live;

import albertlab.view.common.FxWait;
import albertlab.view.common.AppContext;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.BuiltInModels;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The built-in model's language is the one shown when the page is built, read on the JavaFX thread. */
@ExtendWith(ApplicationExtension.class)
class LiveModelPageLanguageTest {

    private final QueuedExecutor background = new QueuedExecutor();
    private final I18n i18n = new I18n(I18n.CHINESE);
    private LiveModelPage page;

    @Start
    void start(Stage stage) {
        page = new LiveModelPage(new AppContext(i18n, background, () -> stage));
        stage.setScene(new Scene((javafx.scene.Parent) page.content(), 800, 600));
        stage.show();
    }

    @Test
    void switchingTheLanguageWhileTheBuiltInModelLoadsKeepsTheLanguageThePageOpenedIn(FxRobot robot) {
        robot.interact(() -> i18n.setLocale(I18n.ENGLISH));
        background.drain(); // the load runs now, on this (non-JavaFX) thread, after the switch
        FxWait.until(10, () -> !page.viewModel().families().isEmpty());
        var families = page.viewModel().families();
        // the trained Chinese ALBERT first, and the random Chinese model before the English one
        var first = families.get(0).member(families.get(0).defaultMode());
        assertEquals("zh", first.card().language());
        var random = families.stream().filter(f -> f.member(f.defaultMode()).untrained()).findFirst().orElseThrow();
        assertEquals(BuiltInModels.Vocabulary.CHINESE.nameKey(), random.nameKey());
    }
}
