package albertlab.view.live;

import albertlab.view.common.FxWait;
import albertlab.view.common.HeatmapView;
import albertlab.view.common.AppContext;
import albertlab.core.io.CheckpointException;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.KnownTraces;
import albertlab.viewmodel.live.LiveResult;
import albertlab.viewmodel.live.ModelFamily;
import albertlab.viewmodel.live.ModelLoader;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
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

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live page headless (Monocle), on hand-built traces whose numbers the assertions recompute. */
@ExtendWith(ApplicationExtension.class)
class LiveModelPageTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-test-background");
        t.setDaemon(true);
        return t;
    });
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private LiveModelPage page;
    private Stage stage;

    /** Fails the load the way a corrupt folder does; replaced by the real ModelFolder once it exists. */
    private static final ModelLoader CORRUPT = folder -> {
        throw new CheckpointException(folder.resolve("model.safetensors"), "header length 9999999 exceeds the file");
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppContext ctx = new AppContext(i18n, background, () -> stage);
        page = new LiveModelPage(ctx, CORRUPT, () -> List.of(KnownTraces.family(new AtomicInteger())),
                Platform::runLater);
        stage.setScene(new Scene((javafx.scene.Parent) page.content(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void waitUntil(BooleanSupplier condition) {
        FxWait.until(10, condition);
    }

    private LiveResult result() {
        return page.viewModel().resultProperty().get();
    }

    private void typeSentence(FxRobot robot, String text) {
        robot.interact(() -> robot.lookup("#sentence-a").queryAs(TextField.class).setText(text));
        waitUntil(() -> result() != null && result().input().tokens().size() == text.split(" ").length + 2
                && String.join(" ", result().input().tokens()).contains(text.split(" ")[0].toLowerCase()));
    }

    @Test
    void typingASentenceUpdatesTheTokensAndTheHeatmap(FxRobot robot) {
        waitUntil(() -> result() != null);
        TextField field = robot.lookup("#sentence-a").queryAs(TextField.class);
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write("the dog ran home");
        waitUntil(() -> result() != null && result().input().length() == 6);
        List<String> chipTexts = robot.lookup("#token-chips").queryAs(javafx.scene.layout.FlowPane.class)
                .getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("[CLS]", "the", "dog", "ran", "home", "[SEP]"), chipTexts);
        HeatmapView heatmap = robot.lookup("#attention-heatmap").queryAs(HeatmapView.class);
        assertEquals(chipTexts, heatmap.dataProperty().get().colLabels());
        assertEquals(6, heatmap.dataProperty().get().rows());
    }

    @Test
    void unknownWordsAndTruncationAreVisible(FxRobot robot) {
        waitUntil(() -> result() != null);
        robot.interact(() -> robot.lookup("#sentence-a").queryAs(TextField.class)
                .setText("the zebra " + "cat ".repeat(30)));
        waitUntil(() -> result() != null && result().input().encoding().truncated());
        Label unk = robot.lookup("#unknown-note").queryAs(Label.class);
        assertTrue(unk.isVisible());
        assertTrue(unk.getText().startsWith("1 unknown"), unk.getText());
        Label cut = robot.lookup("#truncated-note").queryAs(Label.class);
        assertTrue(cut.isVisible());
        assertTrue(cut.getText().contains(Integer.toString(KnownTraces.POSITIONS)), cut.getText());
        assertEquals(1, robot.lookup(".chip.unk").queryAll().size());
    }

    @Test
    void hoveringACellShowsTheValueTheTraceHolds(FxRobot robot) {
        typeSentence(robot, "the cat sat on mat");
        robot.interact(() -> {
            page.viewModel().attention().layerProperty().set(1);
            page.viewModel().attention().headProperty().set(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapView heatmap = robot.lookup("#attention-heatmap").queryAs(HeatmapView.class);
        Point2D cell = heatmap.cellCenter(2, 4);
        assertNotNull(cell);
        robot.moveTo(heatmap.localToScreen(cell));
        WaitForAsyncUtils.waitForFxEvents();
        float want = result().trace().attentions().get(1)[1][2][4];
        assertEquals(KnownTraces.probability(1, 1, 2, 4, 7), want);
        String hover = robot.lookup("#attention-hover").queryAs(Label.class).getText();
        assertEquals("query 2 “cat” → key 4 “on”: " + HeatmapView.format(want, 4), hover);
    }

    @Test
    void theGridsCsvStreamsEveryProbabilityOffTheFxThread(FxRobot robot, @TempDir Path dir) throws Exception {
        typeSentence(robot, "the cat sat");
        Path file = dir.resolve("attention-grid.csv");
        robot.interact(() -> page.view().setExportTarget((owner, title, name, filter, ext) -> dir.resolve(name)));
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn(robot.from(page.view().grid()).lookup(".export").nth(1).queryButton());
        waitUntil(() -> java.nio.file.Files.exists(file));
        List<String> csv = java.nio.file.Files.readAllLines(file);
        int s = 5; // [CLS] the cat sat [SEP]
        assertEquals(1 + KnownTraces.LAYERS * KnownTraces.HEADS * s * s, csv.size());
        assertEquals("\uFEFFlayer,head,query,key,probability", csv.get(0));
        // layer 2, head 2, query 2 "cat", key 4 "[SEP]": row 1 + ((1·A + 1)·S + 2)·S + 4
        String[] row = csv.get(1 + ((KnownTraces.HEADS + 1) * s + 2) * s + 4).split(",");
        assertEquals(List.of("2", "2", "2:cat", "4:[SEP]"), List.of(row).subList(0, 4));
        assertEquals(KnownTraces.probability(1, 1, 2, 4, s), Float.parseFloat(row[4]), 1e-7);
    }

    @Test
    void theGridIsNotBuiltWhileItsTabIsHidden(FxRobot robot) {
        typeSentence(robot, "the cat sat");
        typeSentence(robot, "the dog ran home");
        assertEquals(0, page.view().grid().grid().getChildren().size(), "thumbnails of a hidden tab");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        waitUntil(() -> robot.lookup(".grid-cell").queryAll().size() == KnownTraces.LAYERS * KnownTraces.HEADS);
        robot.interact(() -> tabs.getSelectionModel().select(0));
        typeSentence(robot, "the cat");
        assertEquals(0, page.view().grid().grid().getChildren().size(), "a stale grid is dropped, not kept hidden");
    }

    @Test
    void theGridHasOneThumbnailPerLayerAndHeadAndOpensOneLarge(FxRobot robot) {
        typeSentence(robot, "the cat sat");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        waitUntil(() -> !robot.lookup(".grid-cell").queryAll().isEmpty());
        assertEquals(KnownTraces.LAYERS * KnownTraces.HEADS, robot.lookup(".grid-cell").queryAll().size());
        assertEquals(KnownTraces.LAYERS + KnownTraces.HEADS + 1, robot.lookup(".grid-mean").queryAll().size());
        // all shared: every layer runs weight set #0
        assertEquals(KnownTraces.LAYERS, robot.lookup(".slot-0").queryAll().size());

        Node thumb = robot.lookup(".grid-cell").queryAll().stream().toList().get(KnownTraces.HEADS * 2 + 1);
        robot.clickOn(thumb);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex());
        assertEquals(2, page.viewModel().attention().layerProperty().get());
        assertEquals(1, page.viewModel().attention().headProperty().get());
    }

    @Test
    void theDynamicsChartHasOnePointPerLayerApplication(FxRobot robot) {
        typeSentence(robot, "the cat sat");
        DynamicsPane dynamics = page.view().dynamics();
        assertEquals(2, dynamics.l2Dataset().getSeriesCount(), "this model and the not-shared overlay");
        assertEquals(KnownTraces.LAYERS, dynamics.l2Dataset().getItemCount(0));
        assertEquals(KnownTraces.l2(albertlab.core.config.SharingMode.ALL_SHARED, 2),
                dynamics.l2Dataset().getYValue(0, 2));

        @SuppressWarnings("unchecked")
        Spinner<Integer> repeat = robot.lookup("#repeat-factor").queryAs(Spinner.class);
        robot.interact(() -> repeat.getValueFactory().setValue(4));
        waitUntil(() -> result().dynamics().layerSummaries().size() == 4 * KnownTraces.LAYERS);
        assertEquals(4 * KnownTraces.LAYERS, dynamics.l2Dataset().getItemCount(0));
        assertEquals(4 * KnownTraces.LAYERS, dynamics.angleDataset().getItemCount(1));
        assertEquals(4 * KnownTraces.LAYERS + 1, dynamics.cosineHeatmap().dataProperty().get().rows());
    }

    @Test
    void clickingAChipMasksItAndTheMlmHeadGuesses(FxRobot robot) {
        typeSentence(robot, "the cat sat");
        Node chip = robot.lookup(".chip").queryAll().stream().toList().get(2);
        robot.clickOn(chip);
        waitUntil(() -> result().input().maskedPosition() == 2);
        assertEquals(1, robot.lookup(".chip.masked").queryAll().size());
        assertEquals("sat", page.viewModel().predictionsProperty().get().get(0).token());
    }

    @Test
    void aCorruptModelFolderShowsAnErrorAndKeepsThePreviousModel(FxRobot robot) {
        typeSentence(robot, "the cat");
        ModelFamily before = page.viewModel().familyProperty().get();
        LiveResult resultBefore = result();
        robot.interact(() -> page.view().setFolderChooser(owner -> Path.of("/tmp/broken-albert")));
        robot.clickOn("#open-folder");
        waitUntil(() -> dialog().isPresent());
        DialogPane pane = dialog().orElseThrow();
        assertTrue(pane.getContentText().contains("model.safetensors: header length 9999999 exceeds the file"),
                pane.getContentText());
        assertEquals("This folder cannot be used as a model. The model you had before is still loaded.",
                pane.getHeaderText());
        assertSame(before, page.viewModel().familyProperty().get());
        assertSame(before, robot.lookup("#model-picker").queryAs(ComboBox.class).getValue());
        assertSame(resultBefore, result());
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
    }

    private static Optional<DialogPane> dialog() {
        return Window.getWindows().stream()
                .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane d && "load-error".equals(d.getId()))
                .map(r -> (DialogPane) r)
                .findFirst();
    }

    @Test
    void theHeatmapExportsAsA2xPngAndItsMatrixAsCsv(FxRobot robot, @TempDir Path dir) throws Exception {
        typeSentence(robot, "the cat");
        robot.interact(() -> page.view().setExportTarget((owner, title, name, filter, ext) -> dir.resolve(name)));
        HeatmapView heatmap = robot.lookup("#attention-heatmap").queryAs(HeatmapView.class);
        Node attentionTab = page.view().attention();
        robot.clickOn(robot.from(attentionTab).lookup(".export").nth(0).queryButton());
        robot.clickOn(robot.from(attentionTab).lookup(".export").nth(1).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("attention.png").toFile());
        assertEquals(Math.ceil(heatmap.getWidth() * 2), png.getWidth(), 1);
        List<String> csv = java.nio.file.Files.readAllLines(dir.resolve("attention.csv"));
        assertEquals("\uFEFFquery\\key,0:[CLS],1:the,2:cat,3:[SEP]", csv.get(0));
        float p = result().trace().attentions().get(0)[0][1][2];
        assertEquals(p, Float.parseFloat(csv.get(2).split(",")[3]), 1e-7);
        assertEquals(5, csv.size());
    }

    @Test
    void switchingTheLanguageRetranslatesThePage(FxRobot robot) {
        typeSentence(robot, "the cat");
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Attention", tabs.getTabs().get(0).getText());
        robot.interact(() -> i18n.setLocale(I18n.CHINESE));
        assertEquals("注意力", tabs.getTabs().get(0).getText());
        assertEquals("4 个词元", robot.lookup("#token-count").queryAs(Label.class).getText());
    }
}
