package albertlab.view.common;

import albertlab.view.common.LabStyles;
import albertlab.viewmodel.common.HeatmapData;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
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

    @Test
    void labelsTurnWhiteOnTheBlackOfHighContrastAndBackAndExportsStayOnWhite(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.BLACK, heatmap.ink().text());
        robot.interact(() -> LabStyles.setHighContrast(scene, true));
        assertEquals(Color.WHITE, heatmap.ink().text());
        assertEquals(Color.YELLOW, heatmap.ink().accent(), "the hovered row and column");
        // a text-size change reinstalls the sheets and keeps high contrast
        robot.interact(() -> LabStyles.install(scene, 20));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.WHITE, heatmap.ink().text());
        assertEquals(16, heatmap.labelFontSize(), 1e-9);
        // a PNG for a handout is drawn on white with black labels, whatever the screen shows: the row labels'
        // strip left of the first cell has dark ink in it
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = heatmap.renderForExport(1).snapshot(null, null));
        Point2D cell = heatmap.cellCenter(0, 0);
        double darkest = 1;
        for (int x = 2; x < cell.getX() - 40; x++) {
            for (int y = (int) cell.getY() - 6; y < cell.getY() + 6; y++) {
                darkest = Math.min(darkest, image[0].getPixelReader().getColor(x, y).getBrightness());
            }
        }
        assertTrue(darkest < 0.3, "no dark label ink in the export: " + darkest);
        assertEquals(Color.WHITE, image[0].getPixelReader().getColor(1, 1));
        robot.interact(() -> LabStyles.setHighContrast(scene, false));
        assertEquals(Color.BLACK, heatmap.ink().text());
    }
}
