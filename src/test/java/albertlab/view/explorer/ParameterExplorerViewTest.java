package albertlab.view.explorer;

import albertlab.view.common.ChartStyle;
import albertlab.view.common.LabStyles;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.Presets;
import albertlab.core.config.SharingMode;
import albertlab.core.params.ParameterCounter;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.common.Numbers;
import albertlab.viewmodel.explorer.ParameterExplorerViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer on a (headless) screen: what a student does, and what the readouts then say. */
@ExtendWith(ApplicationExtension.class)
class ParameterExplorerViewTest {

    private ParameterExplorerViewModel vm;
    private ParameterExplorerView view;

    @Start
    void start(Stage stage) {
        vm = new ParameterExplorerViewModel(new I18n(I18n.ENGLISH));
        view = new ParameterExplorerView(vm, ChartStyle.forUi(LabStyles.DEFAULT_SIZE), () -> stage);
        Scene scene = new Scene(view, 1280, 800);
        LabStyles.install(scene, LabStyles.DEFAULT_SIZE);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void movingTheLayersSliderUpdatesTheReadoutsToTheCoresNumbers(FxRobot robot) {
        robot.clickOn("#sharing-none");
        Slider layers = robot.lookup("#slider-L").queryAs(Slider.class);
        robot.interact(layers::requestFocus);
        robot.type(KeyCode.RIGHT);

        AlbertConfig expected = Presets.require("albert-base-v2").config().toBuilder()
                .numHiddenLayers(13).sharingMode(SharingMode.NOT_SHARED).build();
        var counted = ParameterCounter.count(expected);
        assertEquals("13", field(robot, "L").getText());
        assertEquals(Numbers.grouped(counted.total()), label(robot, "#total"));
        assertEquals("96,738,048", label(robot, "#total"), "89,650,176 + one layer of 7,087,872");
        assertEquals(Numbers.flops(counted.flops().perToken()), label(robot, "#flops"));
    }

    @Test
    void aChartOnAHiddenTabCatchesUpWhenItsTabIsChosen(FxRobot robot) {
        Slider layers = robot.lookup("#slider-L").queryAs(Slider.class);
        robot.interact(layers::requestFocus);
        robot.type(KeyCode.RIGHT, 3);
        robot.clickOn("Adding layers");
        XYPlot params = ((CombinedDomainXYPlot) view.charts().get(1).chart().getXYPlot()).getSubplots().get(0);
        ValueMarker marker = (ValueMarker) params.getDomainMarkers(Layer.BACKGROUND).iterator().next();
        assertEquals(15.0, marker.getValue());
    }

    @Test
    void draggingTheVocabularySliderChangesTheFormulaAndTotal(FxRobot robot) {
        String before = label(robot, "#total");
        robot.drag("#slider-V .thumb").moveBy(-60, 0).drop();
        int v = vm.vocab().get();
        assertNotEquals(30_000, v);
        // albert-base-v2 has 11,683,584 parameters at V = 30,000; each vocabulary row is E = 128 of them
        assertEquals(Numbers.grouped(11_683_584L + (v - 30_000L) * 128), label(robot, "#total"));
        assertNotEquals(before, label(robot, "#total"));
        assertTrue(label(robot, "#factorized").startsWith("V × E + E × H = " + Numbers.grouped(v) + " × 128"));
    }

    @Test
    void choosingAPresetSetsEveryControl(FxRobot robot) {
        robot.clickOn("#presetBox");
        robot.clickOn("BERT large (bert-large-uncased)");
        assertEquals("30,522", field(robot, "V").getText());
        assertEquals("1,024", field(robot, "E").getText());
        assertEquals("1,024", field(robot, "H").getText());
        assertEquals("24", field(robot, "L").getText());
        assertEquals("16", field(robot, "A").getText());
        assertEquals("4,096", field(robot, "I").getText());
        assertTrue(robot.lookup("#sharing-none").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#projection-original").queryAs(RadioButton.class).isSelected());
        assertEquals("335,141,888", label(robot, "#total"));
        assertEquals("334M", label(robot, "#paperLabel"));
    }

    @Test
    void headsThatDoNotDivideHAreRejectedWithAVisibleMessage(FxRobot robot) {
        robot.doubleClickOn("#field-A").write("7").type(KeyCode.ENTER);
        Label problem = robot.lookup("#problem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertTrue(problem.getText().replace('\u00a0', ' ').startsWith("H = 768 cannot be split into A = 7 heads"), problem.getText());
        assertTrue(robot.lookup("#stale").queryAs(Label.class).isVisible());
        assertEquals("11,683,584", label(robot, "#total"), "the last good number stays");
        assertTrue(field(robot, "A").getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName()
                .equals("invalid")));

        robot.doubleClickOn("#field-A").write("16").type(KeyCode.ENTER);
        assertTrue(!problem.isVisible());
    }

    @Test
    void textThatIsNotANumberIsRejectedAndSaysSo(FxRobot robot) {
        robot.doubleClickOn("#field-H").write("big").type(KeyCode.ENTER);
        assertEquals("H: \"big\" is not a whole number. Type digits only, for example 768.", label(robot, "#problem"));
        assertEquals(768, vm.hidden().get());
    }

    @Test
    void theChartExportsAsAPngAtTwiceItsSize(FxRobot robot, @TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        Path csv = dir.resolve("numbers.csv");
        robot.interact(() -> {
            try {
                view.exportChartPng(png);
                view.exportCsv(csv);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 1800 && image.getHeight() >= 1120, image.getWidth() + "x" + image.getHeight());
        assertTrue(distinctColours(image) > 10, "the image has a drawn chart, not a blank");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("Total parameters,,11683584,109081344"), text);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 13) {
            for (int x = 0; x < image.getWidth(); x += 13) seen.add(image.getRGB(x, y));
        }
        return seen.size();
    }

    private static TextField field(FxRobot robot, String symbol) {
        return robot.lookup("#field-" + symbol).queryAs(TextField.class);
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText().replace('\u00a0', ' ');
    }
}
