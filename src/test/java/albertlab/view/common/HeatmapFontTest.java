package albertlab.view.common;

import albertlab.view.common.LabStyles;
import albertlab.viewmodel.common.HeatmapData;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heatmap's token labels and cell values follow the page's text size, as Ctrl+= in the shell sets it. */
@ExtendWith(ApplicationExtension.class)
class HeatmapFontTest {

    private HeatmapView heatmap;
    private Scene scene;

    @Start
    void start(Stage stage) {
        heatmap = new HeatmapView(true);
        heatmap.dataProperty().set(new HeatmapData(new double[][]{{0.9, 0.1}, {0.3, 0.7}},
                List.of("\u2581capital", "\u2581france"), List.of("\u2581capital", "\u2581france"),
                new int[]{1, 5}, new int[]{1, 5}, 0, 1, false));
        scene = new Scene(new StackPane(heatmap), 700, 600);
        LabStyles.install(scene, LabStyles.DEFAULT_SIZE);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void labelsAndValuesGrowWithTheTextSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, heatmap.labelFontSize(), 1e-9, "12 px labels at the default 15 px text");
        assertEquals(13, heatmap.valueFontSize(), 1e-9);
        Point2D firstCell = heatmap.cellCenter(0, 0);

        robot.interact(() -> LabStyles.install(scene, 25));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(20, heatmap.labelFontSize(), 1e-9);
        assertEquals(25 * 13.0 / 15, heatmap.valueFontSize(), 1e-9);
        // the drawing uses it: wider row labels push the first cell to the right
        Point2D grown = heatmap.cellCenter(0, 0);
        assertTrue(grown.getX() > firstCell.getX() + 10, firstCell + " -> " + grown);
    }
}
