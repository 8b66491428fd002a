package albertlab.view.common;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which groups of controls a lesson step keeps, and that hiding them is undone exactly. */
@ExtendWith(ApplicationExtension.class)
class LessonControlsTest {

    private VBox root;
    private Label heading;
    private Slider sliderH;
    private Label nameH;
    private TextField fieldH;
    private Slider sliderL;
    private Label nameL;
    private GridPane grid;
    private VBox preset;
    private TitledPane advanced;
    private Label bound;
    private Label outputs;
    private TabPane tabs;
    private VBox inTab;

    @Start
    void start(Stage stage) {
        heading = new Label("Sizes");
        grid = new GridPane();
        nameH = new Label("H");
        sliderH = new Slider();
        sliderH.setId("slider-H");
        fieldH = new TextField();
        fieldH.setId("field-H");
        nameL = new Label("L");
        sliderL = new Slider();
        sliderL.setId("slider-L");
        grid.addRow(0, nameH, sliderH, fieldH);
        grid.addRow(1, nameL, sliderL);
        LessonControls.tagTogether(nameH, sliderH, fieldH); // one grid row
        LessonControls.tagTogether(nameL, sliderL);
        LessonControls.tagTogether(heading, grid); // the section around both rows

        preset = LessonControls.tag(new VBox(new Label("Preset")));
        preset.setId("preset");
        Slider groups = new Slider();
        groups.setId("slider-G");
        advanced = LessonControls.tag(new TitledPane("Advanced", groups)); // content reached without a skin
        bound = LessonControls.tag(new Label("only for trained models"));
        bound.visibleProperty().bind(new SimpleBooleanProperty(true));
        outputs = new Label("12M parameters");
        Slider inTabSlider = new Slider();
        inTabSlider.setId("slider-tab");
        inTab = LessonControls.tag(new VBox(inTabSlider));
        tabs = new TabPane(new Tab("first", new Label("first")), new Tab("second", inTab));

        root = new VBox(heading, grid, preset, advanced, bound, outputs, tabs);
        stage.setScene(new Scene(root, 600, 500));
        stage.show();
    }

    @Test
    void aStepKeepsTheGroupsItsIdsAreInAndWithinThemOnlyTheRowsItUses(FxRobot robot) {
        robot.interact(() -> LessonControls.showOnly(root, Set.of("slider-L")));
        assertTrue(shown(heading) && shown(grid), "the section of the used slider");
        assertTrue(shown(nameL) && shown(sliderL), "its row, the label with it");
        assertFalse(shown(nameH) || shown(sliderH) || shown(fieldH), "the other row of the same section");
        assertFalse(shown(preset));
        assertFalse(shown(advanced));
        assertFalse(shown(inTab));
        assertTrue(shown(outputs), "what is not tagged is never hidden");
        assertFalse(preset.isManaged(), "hidden groups give their room away");

        robot.interact(() -> LessonControls.showOnly(root, Set.of("slider-G", "slider-tab")));
        assertTrue(shown(advanced), "an id inside a titled pane's content");
        assertTrue(inTab.isVisible() && inTab.isManaged(), "an id inside a tab that is not selected");
        assertFalse(shown(heading));
    }

    @Test
    void showAllPutsBackWhatWasThereBeforeAndNoIdsMeansNothingHidden(FxRobot robot) {
        robot.interact(() -> preset.setVisible(false)); // the page had hidden it for reasons of its own
        List<Node> hidden = new java.util.ArrayList<>();
        robot.interact(() -> hidden.addAll(LessonControls.showOnly(root, Set.of("slider-L"))));
        robot.interact(() -> hidden.addAll(LessonControls.showOnly(root, Set.of("nothing-here"))));
        assertFalse(shown(heading) || shown(sliderL));
        robot.interact(() -> LessonControls.showAll(hidden));
        assertFalse(preset.isVisible(), "as the page had it, not shown by the lesson's leaving");
        assertTrue(preset.isManaged());
        assertTrue(heading.isVisible() && heading.isManaged() && grid.isVisible() && sliderH.isVisible()
                && nameL.isVisible() && advanced.isVisible() && inTab.isVisible());

        robot.interact(() -> LessonControls.showOnly(root, Set.of()));
        assertTrue(shown(heading) && shown(sliderH) && shown(advanced));
    }

    @Test
    void aGroupWhoseVisibilityThePageBindsIsLeftAlone(FxRobot robot) {
        List<Node>[] hidden = new List[1];
        robot.interact(() -> hidden[0] = LessonControls.showOnly(root, Set.of("slider-L")));
        assertTrue(bound.isVisible());
        assertFalse(hidden[0].contains(bound));
        assertTrue(hidden[0].contains(preset));
    }

    @Test
    void groupsAreFoundOnceEachWithAllTheirMembers() {
        List<List<Node>> groups = LessonControls.groups(root);
        assertEquals(7, groups.size(), groups.toString());
        assertTrue(groups.contains(List.of(nameH, sliderH, fieldH)));
        assertTrue(groups.contains(List.of(heading, grid)));
    }

    private static boolean shown(Node n) {
        for (; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }
}
