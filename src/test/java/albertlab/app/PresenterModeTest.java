package albertlab.app;

import albertlab.view.common.AppContext;
import albertlab.view.common.HeatmapView;
import albertlab.view.common.LabPage;
import albertlab.view.common.LabStyles;
import albertlab.view.explorer.ParameterExplorerView;
import albertlab.viewmodel.common.HeatmapData;
import albertlab.viewmodel.common.I18n;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.Color;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presenter mode as a teacher with a clicker uses it: F5 and Esc, the clicker's keys with and without a lesson,
 * blanking, high contrast, the controls a step does not use, and the presenter window.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {

    private Stage stage;
    private Scene scene;
    private AppShell shell;
    private I18n i18n;
    private HeatmapView heatmap;
    private TextField typing;

    /** A second page with a heatmap and a text field, as the Live page has. */
    private final class HeatmapPage implements LabPage {
        @Override
        public String id() {
            return "heatmap";
        }

        @Override
        public String titleKey() {
            return "live.title";
        }

        @Override
        public Node content() {
            heatmap.dataProperty().set(new HeatmapData(new double[][]{{0.9, 0.1}, {0.3, 0.7}},
                    List.of("\u2581capital", "\u2581france"), List.of("\u2581capital", "\u2581france"),
                    new int[]{1, 5}, new int[]{1, 5}, 0, 1, false));
            typing.setId("typing");
            return new VBox(8, typing, heatmap);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        heatmap = new HeatmapView(true);
        typing = new TextField();
        i18n = new I18n(I18n.ENGLISH);
        AppContext ctx = new AppContext(i18n, Executors.newSingleThreadExecutor(), () -> stage);
        shell = new AppShell(ctx, List.of(Pages.create(ctx).get(0), new HeatmapPage()), stage::close);
        scene = new Scene(shell, 1000, 700);
        stage.setScene(scene);
        stage.show();
        shell.show("explorer");
    }

    @AfterEach
    void leave(FxRobot robot) {
        robot.interact(() -> {
            shell.presenter().leave();
            if (shell.presenter().window() != null) shell.presenter().window().close();
        });
    }

    private PresenterMode presenter() {
        return shell.presenter();
    }

    private ParameterExplorerView explorer() {
        return (ParameterExplorerView) scene.lookup("#explorer");
    }

    @Test
    void f5GoesFullScreenWithLargerTextAndEscPutsBothBack(FxRobot robot) {
        assertEquals(LabStyles.DEFAULT_SIZE, shell.fontSizeProperty().get());
        robot.type(KeyCode.F5);
        assertTrue(presenter().activeProperty().get());
        assertTrue(stage.isFullScreen());
        assertEquals("", stage.getFullScreenExitHint(), "no 'Press ESC' banner over the lesson");
        assertEquals(LabStyles.DEFAULT_SIZE * PresenterMode.SCALE, shell.fontSizeProperty().get(), 1e-9);
        // the charts follow the larger text
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LabStyles.DEFAULT_SIZE * PresenterMode.SCALE, explorer().chartStyle().fontSize(), 1e-9);

        robot.type(KeyCode.ESCAPE);
        assertFalse(presenter().activeProperty().get());
        assertFalse(stage.isFullScreen());
        assertEquals(LabStyles.DEFAULT_SIZE, shell.fontSizeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LabStyles.DEFAULT_SIZE, explorer().chartStyle().fontSize(), 1e-9);

        // F5 again leaves too, and takes the window out of full screen itself
        robot.type(KeyCode.F5);
        assertTrue(stage.isFullScreen());
        robot.type(KeyCode.F5);
        assertFalse(presenter().activeProperty().get());
        assertFalse(stage.isFullScreen());
        assertEquals(LabStyles.DEFAULT_SIZE, shell.fontSizeProperty().get());
    }

    @Test
    void leavingFullScreenAnyOtherWayEndsPresenterModeToo(FxRobot robot) {
        robot.interact(() -> {
            shell.fontSizeProperty().set(19);
            presenter().enter();
        });
        assertEquals(24.5, shell.fontSizeProperty().get(), 1e-9, "19 × 1.3, to the half pixel");
        robot.interact(() -> stage.setFullScreen(false)); // as JavaFX's own Esc handling does
        assertFalse(presenter().activeProperty().get());
        assertEquals(19, shell.fontSizeProperty().get());
    }

    @Test
    void theClickersKeysDriveTheLessonOnlyWhilePresenting(FxRobot robot) {
        FakeNavigation nav = new FakeNavigation("one", "two", "three", "four");
        robot.interact(() -> shell.navigationProperty().set(nav));
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(0, nav.nexts, "not presenting: Page Down is not a clicker");

        robot.interact(() -> presenter().enter());
        robot.type(KeyCode.PAGE_DOWN).type(KeyCode.RIGHT).type(KeyCode.SPACE);
        assertEquals(3, nav.nexts);
        assertEquals(0, nav.backs);
        robot.type(KeyCode.PAGE_UP).type(KeyCode.LEFT);
        assertEquals(2, nav.backs);
        assertEquals(3, nav.nexts);
        assertEquals("explorer", shell.currentProperty().get().id(), "with a lesson, the keys do not turn pages");
    }

    @Test
    void withoutALessonTheClickerTurnsPages(FxRobot robot) {
        robot.interact(() -> presenter().enter());
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals("heatmap", shell.currentProperty().get().id());
        robot.type(KeyCode.LEFT);
        assertEquals("explorer", shell.currentProperty().get().id());
        robot.type(KeyCode.SPACE);
        assertEquals("heatmap", shell.currentProperty().get().id());
        robot.type(KeyCode.PAGE_UP);
        assertEquals("explorer", shell.currentProperty().get().id());
    }

    @Test
    void aFocusedTextFieldKeepsArrowsSpaceAndBButNotPageDown(FxRobot robot) {
        FakeNavigation nav = new FakeNavigation("one", "two", "three");
        robot.interact(() -> {
            shell.navigationProperty().set(nav);
            shell.show("heatmap");
            presenter().enter();
            typing.setText("ab");
            typing.requestFocus();
            typing.positionCaret(0);
        });
        robot.type(KeyCode.RIGHT).type(KeyCode.SPACE).type(KeyCode.B).type(KeyCode.LEFT);
        assertEquals(0, nav.nexts);
        assertEquals(0, nav.backs);
        assertFalse(presenter().blankedProperty().get());
        assertEquals("a bb", typing.getText(), "Right moved the caret, Space and B were typed");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1, nav.nexts, "Page Down always navigates");
    }

    @Test
    void bBlanksTheScreenBlackAndBOrDotShowsItAgain(FxRobot robot) {
        FakeNavigation nav = new FakeNavigation("one", "two");
        robot.interact(() -> {
            shell.navigationProperty().set(nav);
            presenter().enter();
        });
        Node blank = presenter().blankNode();
        assertFalse(shell.getChildren().contains(blank));
        robot.type(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(presenter().blankedProperty().get());
        assertSame(blank, shell.getChildren().get(shell.getChildren().size() - 1), "drawn over everything");
        assertTrue(blank.isVisible());
        Bounds b = blank.localToScene(blank.getLayoutBounds());
        assertEquals(0, b.getMinX(), 1e-9);
        assertEquals(0, b.getMinY(), 1e-9);
        assertEquals(scene.getWidth(), b.getWidth(), 1e-9);
        assertEquals(scene.getHeight(), b.getHeight(), 1e-9);
        javafx.scene.paint.Paint fill = ((Region) blank).getBackground().getFills().get(0).getFill();
        assertEquals(javafx.scene.paint.Color.BLACK, fill);

        robot.type(KeyCode.B);
        assertFalse(presenter().blankedProperty().get());
        assertFalse(shell.getChildren().contains(blank));

        robot.type(KeyCode.PERIOD); // what some clickers send for "blank"
        assertTrue(presenter().blankedProperty().get());
        robot.type(KeyCode.PAGE_DOWN);
        assertFalse(presenter().blankedProperty().get(), "forward on a blank screen shows it again");
        assertEquals(0, nav.nexts, "... without passing a step unseen");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1, nav.nexts);
    }

    @Test
    void highContrastAddsItsSheetLastAndRestylesTheChartsInAndOutOfPresenterMode(FxRobot robot) {
        JFreeChart chart = explorer().charts().get(0).chart();
        assertEquals(Color.WHITE, chart.getBackgroundPaint());
        robot.clickOn("View").clickOn("High contrast");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(scene.getStylesheets().contains(LabStyles.HIGH_CONTRAST_CSS));
        assertTrue(explorer().chartStyle().highContrast());
        assertEquals(Color.BLACK, chart.getBackgroundPaint());

        // a new text size reinstalls the sheets: high contrast stays, and stays last (it must win over lab.css)
        robot.interact(() -> presenter().enter());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> sheets = scene.getStylesheets();
        assertEquals(LabStyles.HIGH_CONTRAST_CSS, sheets.get(sheets.size() - 1));
        assertTrue(explorer().chartStyle().highContrast());
        assertEquals(LabStyles.DEFAULT_SIZE * PresenterMode.SCALE, explorer().chartStyle().fontSize(), 1e-9);
        robot.interact(() -> presenter().leave());

        robot.clickOn("View").clickOn("High contrast");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(scene.getStylesheets().contains(LabStyles.HIGH_CONTRAST_CSS));
        assertFalse(explorer().chartStyle().highContrast());
        assertEquals(Color.WHITE, chart.getBackgroundPaint());
    }

    @Test
    void aStepShowsOnlyTheControlsItUsesWhilePresenting(FxRobot robot) {
        FakeNavigation nav = new FakeNavigation("layers", "sharing");
        nav.controls.set(Set.of("slider-L"));
        robot.interact(() -> shell.navigationProperty().set(nav));
        assertTrue(visible("#presetBox"), "not presenting: nothing is hidden");

        robot.interact(() -> presenter().enter());
        assertTrue(visible("#slider-L"));
        assertTrue(visible("#field-L"), "the slider's row stays whole");
        assertFalse(visible("#slider-H"), "another size's row is hidden");
        assertFalse(visible("#presetBox"));
        assertFalse(visible("#sharing"));
        assertFalse(visible("#advanced"));
        assertFalse(visible("#projection"));
        assertFalse(visible("#lockFfn"));
        assertTrue(visible("#readouts"), "outputs are never hidden");
        assertTrue(visible("#charts"));

        robot.interact(() -> nav.controls.set(Set.of("sharing-all"))); // the next step
        assertTrue(visible("#sharing"));
        assertTrue(visible("#sharing-none"), "the whole group of the used control");
        assertFalse(visible("#slider-L"));

        robot.interact(() -> nav.controls.set(Set.of()));
        assertTrue(visible("#presetBox"), "a step that names no controls hides none");
        assertTrue(visible("#slider-H"));

        robot.interact(() -> nav.controls.set(Set.of("advanced")));
        assertFalse(visible("#presetBox"));
        robot.interact(() -> presenter().leave());
        for (String id : List.of("#presetBox", "#slider-H", "#slider-L", "#sharing", "#advanced", "#projection")) {
            assertTrue(visible(id), id + " is back after presenting");
            assertTrue(scene.lookup(id).isManaged(), id + " takes its room again");
        }
    }

    /** Visible on screen: itself and every parent. */
    private boolean visible(String id) {
        Node n = scene.lookup(id);
        assertNotNull(n, id);
        for (; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    @Test
    void thePresenterWindowShowsTheNotesAndTheNextStepAndFollowsTheLesson(FxRobot robot) {
        FakeNavigation nav = new FakeNavigation("Factorized embeddings", "Sharing layers");
        robot.interact(() -> shell.navigationProperty().set(nav));
        robot.clickOn("View").clickOn("Presenter window");
        PresenterWindow w = presenter().window();
        assertTrue(w.isShowing());
        assertEquals("Step 1 of 2 · Factorized embeddings", w.positionText());
        assertEquals("Notes for Factorized embeddings", w.notesText());
        assertEquals("Sharing layers", w.nextText());
        assertEquals("Not presenting. F5 starts.", w.statusText());

        robot.interact(() -> presenter().enter());
        assertEquals("Presenting. Esc stops.", w.statusText());
        robot.interact(() -> presenter().forward());
        assertEquals("Step 2 of 2 · Sharing layers", w.positionText());
        assertEquals("This is the last step.", w.nextText());
        robot.interact(() -> nav.notes.set(""));
        assertEquals("(This step has no notes.)", w.notesText());
        robot.interact(() -> presenter().toggleBlank());
        assertEquals("The projector is blanked. Press B to show it again.", w.statusText());

        // without a lesson it names the pages, in the UI language
        robot.interact(() -> {
            presenter().toggleBlank();
            shell.navigationProperty().set(null);
            i18n.setLocale(I18n.CHINESE);
        });
        assertEquals("页面：参数探索器", w.positionText());
        assertEquals("没有打开课程：前进和后退在各页面之间切换。", w.notesText());
        assertTrue(w.nextText().startsWith("下一页："), w.nextText());
        robot.interact(() -> i18n.setLocale(I18n.ENGLISH));

        robot.interact(() -> presenter().leave());
        assertFalse(w.isShowing(), "it closes when presenting ends");
    }

    @Test
    void heatmapLabelsAndCellValuesGrowWithThePresenterText(FxRobot robot) {
        robot.interact(() -> shell.show("heatmap"));
        WaitForAsyncUtils.waitForFxEvents();
        double before = heatmap.labelFontSize();
        assertEquals(0.8 * LabStyles.DEFAULT_SIZE, before, 1e-9);
        robot.interact(() -> presenter().enter());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.8 * LabStyles.DEFAULT_SIZE * PresenterMode.SCALE, heatmap.labelFontSize(), 1e-9);
        assertEquals(13.0 / 15 * LabStyles.DEFAULT_SIZE * PresenterMode.SCALE, heatmap.valueFontSize(), 1e-9);
        robot.interact(() -> presenter().leave());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, heatmap.labelFontSize(), 1e-9);
    }
}
