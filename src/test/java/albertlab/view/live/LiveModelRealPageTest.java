package albertlab.view.live;

import albertlab.view.common.FxWait;
import albertlab.view.common.HeatmapView;
import albertlab.view.common.AppContext;
import albertlab.core.config.SharingMode;
import albertlab.core.io.ModelFolder;
import albertlab.core.model.AlbertModel;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.BuiltInModels;
import albertlab.viewmodel.live.LiveResult;
import albertlab.viewmodel.live.ModelFamily;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live page on the real built-in random mini ALBERT, tokenizer and model-folder loader. */
@ExtendWith(ApplicationExtension.class)
class LiveModelRealPageTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-real-test-background");
        t.setDaemon(true);
        return t;
    });
    private LiveModelPage page;

    @Start
    void start(Stage stage) {
        // the random built-in models alone: the trained ones have a test of their own (LiveTrainedModelsTest)
        page = new LiveModelPage(new AppContext(new I18n(I18n.ENGLISH), background, () -> stage),
                albertlab.viewmodel.live.FolderModels::load,
                () -> BuiltInModels.create(BuiltInModels.Vocabulary.ENGLISH), javafx.application.Platform::runLater);
        stage.setScene(new Scene((Parent) page.content(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void waitUntil(BooleanSupplier condition) {
        FxWait.until(60, condition);
    }

    private LiveResult result() {
        return page.viewModel().resultProperty().get();
    }

    @Test
    void theBuiltInModelRunsTheDefaultSentenceAndHoverShowsItsAttention(FxRobot robot) {
        waitUntil(() -> result() != null);
        assertEquals(List.of("[CLS]", "\u2581the", "\u2581capital", "\u2581of", "\u2581france", "\u2581is",
                "\u2581paris", ".", "[SEP]"), result().input().tokens());
        assertTrue(robot.lookup("#untrained-badge").queryAs(Label.class).isVisible());
        assertEquals(SharingMode.ALL_SHARED, result().model().sharingMode());

        TextField field = robot.lookup("#sentence-a").queryAs(TextField.class);
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write("A cat sat.");
        waitUntil(() -> result().input().tokens().equals(List.of("[CLS]", "\u2581a", "\u2581cat", "\u2581sat", ".",
                "[SEP]")));
        robot.interact(() -> {
            page.viewModel().attention().layerProperty().set(4);
            page.viewModel().attention().headProperty().set(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapView heatmap = robot.lookup("#attention-heatmap").queryAs(HeatmapView.class);
        Point2D cell = heatmap.cellCenter(3, 1);
        assertNotNull(cell);
        robot.moveTo(heatmap.localToScreen(cell));
        WaitForAsyncUtils.waitForFxEvents();
        float want = result().trace().attentions().get(4)[2][3][1];
        assertEquals("query 3 “\u2581sat” → key 1 “\u2581a”: " + HeatmapView.format(want, 4),
                robot.lookup("#attention-hover").queryAs(Label.class).getText());
    }

    @Test
    void theGridHasSixLayersTimesFourHeads(FxRobot robot) {
        waitUntil(() -> result() != null);
        robot.interact(() -> page.view().tabs().getSelectionModel().select(1));
        waitUntil(() -> !robot.lookup(".grid-cell").queryAll().isEmpty());
        assertEquals(6 * 4, robot.lookup(".grid-cell").queryAll().size());
        robot.interact(() -> page.viewModel().sharingModeProperty().set(SharingMode.NOT_SHARED));
        waitUntil(() -> result().model().sharingMode() == SharingMode.NOT_SHARED
                && page.viewModel().attention().gridProperty().get() != null
                && !robot.lookup(".slot-5").queryAll().isEmpty());
        // not shared: six weight sets, six colours
        for (int slot = 0; slot < 6; slot++) assertEquals(1, robot.lookup(".slot-" + slot).queryAll().size());
        assertEquals(6, page.view().dynamics().l2Dataset().getItemCount(0));
        assertEquals(2, page.view().dynamics().l2Dataset().getSeriesCount(), "this model and all shared");
    }

    @Test
    void aCorruptFolderShowsTheProblemAndTheBuiltInModelStays(FxRobot robot, @TempDir Path dir) throws Exception {
        waitUntil(() -> result() != null);
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"albert\", \"hidden_size\": ");
        Files.write(dir.resolve("model.safetensors"), new byte[]{1, 2, 3});
        ModelFamily before = page.viewModel().familyProperty().get();
        LiveResult resultBefore = result();
        robot.interact(() -> page.view().setFolderChooser(owner -> dir));
        robot.clickOn("#open-folder");
        waitUntil(() -> dialog().isPresent());
        DialogPane pane = dialog().orElseThrow();
        assertTrue(pane.getContentText().endsWith("config.json: is not valid JSON (End of input at line 1 column 41 "
                + "path $.hidden_size)"), pane.getContentText());
        assertFalse(pane.getContentText().contains("Exception"), "one clear line, not a stack trace");
        assertSame(before, page.viewModel().familyProperty().get());
        assertSame(resultBefore, result());
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
    }

    @Test
    void aCheckpointWithoutHeadsLoadsAndSaysWhyItsPanelsAreHidden(FxRobot robot, @TempDir Path dir)
            throws Exception {
        waitUntil(() -> result() != null);
        // a real folder: random weights of the built-in shape saved without heads, with albert-base-v2's spiece.model
        Path spm = Path.of("src/test/resources/real/albert-base-v2-spm/spiece.model");
        AlbertModel bare = AlbertModel.random(BuiltInModels.shape(30000).toBuilder()
                .sharingMode(SharingMode.ALL_SHARED).build(), 7, false);
        Path folder = dir.resolve("bare-albert");
        ModelFolder.save(folder, bare.weights(), spm);
        robot.interact(() -> page.view().setFolderChooser(owner -> folder));
        robot.clickOn("#open-folder");
        waitUntil(() -> result() != null && !result().model().untrained());
        assertEquals("bare-albert (loaded folder)",
                robot.lookup("#model-picker").queryAs(javafx.scene.control.ComboBox.class).getButtonCell().getText());
        assertFalse(robot.lookup("#untrained-badge").queryAs(Label.class).isVisible());
        robot.interact(() -> page.view().tabs().getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        Node mlmMissing = robot.lookup("#mlm-missing").query();
        Node sopMissing = robot.lookup("#sop-missing").query();
        assertTrue(mlmMissing.isVisible());
        assertTrue(sopMissing.isVisible());
        assertTrue(((Label) mlmMissing).getText().contains("no MLM head"));
        assertEquals(1, page.view().dynamics().l2Dataset().getSeriesCount(), "no same-weight siblings to overlay");
    }

    private static Optional<DialogPane> dialog() {
        return Window.getWindows().stream()
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane d && "load-error".equals(d.getId()))
                .map(r -> (DialogPane) r)
                .findFirst();
    }
}
