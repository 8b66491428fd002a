package albertlab.view.live;

import albertlab.view.common.FxWait;
import albertlab.core.config.SharingMode;
import albertlab.core.train.CardExamples;
import albertlab.core.train.TrainedModelCard;
import albertlab.view.common.AppContext;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.DynamicsCurve;
import albertlab.viewmodel.live.LiveResult;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Live page as the app opens it, in both languages: it starts on the trained ALBERT that ships in
 * assets/models for the UI's language, on one of its card's held-out examples, names the measured heads, and
 * compares the hidden states with the trained twin.
 */
@ExtendWith(ApplicationExtension.class)
class LiveTrainedModelsTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-trained-test-background");
        t.setDaemon(true);
        return t;
    });
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private Stage stage;
    private LiveModelPage page;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void open(FxRobot robot, java.util.Locale locale) {
        robot.interact(() -> {
            i18n.setLocale(locale);
            page = new LiveModelPage(new AppContext(i18n, background, () -> stage));
            stage.setScene(new Scene((Parent) page.content(), 1280, 800));
            stage.show();
        });
        FxWait.until(60, () -> result() != null && result().model().card() != null
                && !page.viewModel().computingProperty().get()
                && result().request().first().equals(page.viewModel().firstProperty().get())
                && (result().input().maskedPosition() >= 0 || !result().model().card().examples().get(0).correct()));
    }

    private LiveResult result() {
        return page.viewModel().resultProperty().get();
    }

    @Test
    void englishStartsOnTheTrainedAlbertAndAnExampleItGetsRight(FxRobot robot) {
        open(robot, I18n.ENGLISH);
        startsOnTrainedModel(robot, "en", "Brown");
    }

    @Test
    void chineseStartsOnTheTrainedAlbertAndAnExampleItGetsRight(FxRobot robot) {
        open(robot, I18n.CHINESE);
        startsOnTrainedModel(robot, "zh", "古典诗词");
    }

    private void startsOnTrainedModel(FxRobot robot, String language, String corpusWord) {
        TrainedModelCard card = result().model().card();
        assertEquals(language, card.language());
        assertEquals(SharingMode.ALL_SHARED, result().model().sharingMode());
        assertFalse(robot.lookup("#untrained-badge").queryAs(Label.class).isVisible());
        Label badge = robot.lookup("#trained-badge").queryAs(Label.class);
        assertTrue(badge.isVisible());
        assertTrue(badge.getText().contains(corpusWord), badge.getText());
        // the first example, when the model gets one right: it opens on it, its word masked and its guess on top
        CardExamples.Example first = card.examples().get(0);
        if (first.correct()) {
            assertEquals(first.a(), page.viewModel().firstProperty().get());
            assertEquals(first.position(), result().input().maskedPosition());
            assertEquals(first.guess(), page.viewModel().predictionsProperty().get().get(0).token());
        } else {
            // a model that gets none right opens on the page's own sentence, never on a wrong one
            assertTrue(card.examples().stream().noneMatch(CardExamples.Example::correct));
            String shown = page.viewModel().firstProperty().get();
            assertTrue(LiveModelPage.CHINESE_SENTENCE.equals(shown) || LiveModelPage.ENGLISH_SENTENCE.equals(shown),
                    shown);
        }
        ComboBox<?> examples = robot.lookup("#examples").queryAs(ComboBox.class);
        assertTrue(examples.isVisible());
        assertEquals(card.examples().size(), examples.getItems().size());

        // a wrong example: picking it shows the guess the card recorded
        CardExamples.Example wrong = card.examples().stream().filter(e -> !e.correct()).findFirst().orElseThrow();
        robot.interact(() -> page.viewModel().applyExample(wrong));
        FxWait.until(30, () -> result().input().maskedPosition() == wrong.position()
                && wrong.a().equals(result().request().first()) && !page.viewModel().computingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(wrong.guess(), page.viewModel().predictionsProperty().get().get(0).token());

        // the measured heads: one button each, a click shows that head and its measured pattern; a model with
        // none says so
        List<Button> buttons = robot.lookup(".named-head-button").queryAllAs(Button.class).stream().toList();
        assertEquals(card.namedHeads().size(), buttons.size());
        assertTrue(robot.lookup("#named-heads").query().isVisible());
        if (card.namedHeads().isEmpty()) {
            assertTrue(robot.lookup("#named-heads").lookup(".label").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText().equals(i18n.get("live.attention.namedNone"))));
        } else {
            TrainedModelCard.NamedHead h = card.namedHeads().get(card.namedHeads().size() - 1);
            robot.interact(() -> buttons.get(buttons.size() - 1).fire());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(h.application(), page.viewModel().attention().layerProperty().get());
            assertEquals(h.head(), page.viewModel().attention().headProperty().get());
            Label named = robot.lookup("#named-head").queryAs(Label.class);
            assertTrue(named.isVisible());
            assertTrue(named.getText().contains(i18n.get("live.pattern." + h.pattern())), named.getText());
            assertTrue(named.getText().contains(String.format(java.util.Locale.ROOT, "%.0f", 100 * h.mass())),
                    named.getText());
        }

        // the hidden-state curves: this model's, and its trained twin's (not shared)
        List<DynamicsCurve> curves = page.viewModel().curvesProperty().get();
        assertEquals(2, curves.size());
        assertEquals(SharingMode.NOT_SHARED, curves.get(1).mode());
        assertNotNull(result().overlays().get(SharingMode.NOT_SHARED));
        screenshots(robot, language);
    }

    /** With -Dalbertlab.screenshots=DIR, a picture of every tab, to look at as a student would. */
    private void screenshots(FxRobot robot, String language) {
        String dir = System.getProperty("albertlab.screenshots");
        if (dir == null) return;
        ComboBox<?> picker = robot.lookup("#model-picker").queryAs(ComboBox.class);
        robot.interact(picker::show);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (!(w instanceof javafx.stage.PopupWindow) || w.getScene() == null) continue;
                try {
                    albertlab.view.common.Exports.writeNodePng(w.getScene().getRoot(),
                            java.nio.file.Path.of(dir, "live-trained-" + language + "-picker.png"), 1.0);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            picker.hide();
        });
        robot.interact(() -> page.viewModel().applyExample(page.viewModel().examplesProperty().get().get(0)));
        FxWait.until(30, () -> !page.viewModel().computingProperty().get());
        for (int t = 0; t < page.view().tabs().getTabs().size(); t++) {
            int tab = t;
            robot.interact(() -> page.view().tabs().getSelectionModel().select(tab));
            FxWait.until(30, () -> !page.viewModel().attention().gridComputingProperty().get());
            WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
            robot.interact(() -> {
                try {
                    albertlab.view.common.Exports.writeNodePng(stage.getScene().getRoot(),
                            java.nio.file.Path.of(dir, "live-trained-" + language + "-" + tab + ".png"), 1.0);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
