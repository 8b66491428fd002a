package albertlab.view.live;

import albertlab.view.common.Exports;
import albertlab.viewmodel.common.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** "PNG…" and "CSV…" buttons for a heatmap or a chart; files are written atomically by {@link Exports}. */
final class ExportActions {

    /** Where the file goes; the app asks with a FileChooser, tests answer directly. */
    interface Target {
        Path choose(Window owner, String suggestedName, String extension);
    }

    static final Target FILE_CHOOSER = (owner, name, ext) -> {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name + "." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(), "*." + ext));
        File f = chooser.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    };

    private final I18n i18n;
    private final Supplier<Window> owner;
    private Target target = FILE_CHOOSER;

    ExportActions(I18n i18n, Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    void setTarget(Target target) {
        this.target = target;
    }

    /** Buttons exporting a heatmap as PNG (drawn again at 2×) and its matrix as CSV. */
    HBox forHeatmap(HeatmapView view, String name, Supplier<List<List<String>>> csv) {
        return buttons(name, path -> writeCanvas(view, path), csv);
    }

    /** Buttons exporting any node as a PNG snapshot at 2× and a table as CSV. */
    HBox forNode(javafx.scene.Node node, String name, Supplier<List<List<String>>> csv) {
        return buttons(name, path -> Exports.writeNodePng(node, path, Exports.PNG_SCALE), csv);
    }

    /** Buttons exporting a chart as PNG (drawn at 2×) and its data as CSV. */
    HBox forChart(Supplier<JFreeChart> chart, Supplier<double[]> size, String name,
                  Supplier<List<List<String>>> csv) {
        return buttons(name, path -> {
            double[] wh = size.get();
            Exports.writeChartPng(chart.get(), (int) Math.max(400, wh[0]), (int) Math.max(300, wh[1]),
                    Exports.PNG_SCALE, path);
        }, csv);
    }

    private interface PngWriter {
        void write(Path path) throws IOException;
    }

    private HBox buttons(String name, PngWriter png, Supplier<List<List<String>>> csv) {
        Button pngButton = new Button();
        pngButton.textProperty().bind(i18n.bind("live.export.png"));
        pngButton.getStyleClass().add("export");
        pngButton.setOnAction(e -> save(name, "png", png));
        Button csvButton = new Button();
        csvButton.textProperty().bind(i18n.bind("live.export.csv"));
        csvButton.getStyleClass().add("export");
        csvButton.setOnAction(e -> save(name, "csv", path -> {
            List<List<String>> rows = csv.get();
            if (rows != null) Exports.writeCsv(rows, path);
        }));
        HBox box = new HBox(4, pngButton, csvButton);
        box.getStyleClass().add("export-bar");
        return box;
    }

    private void save(String name, String ext, PngWriter writer) {
        Path path = target.choose(owner.get(), name, ext);
        if (path == null) return;
        try {
            writer.write(path);
        } catch (IOException | RuntimeException ex) {
            Alert alert = new Alert(Alert.AlertType.ERROR, i18n.get("live.export.failed", path.getFileName(),
                    ex.getMessage()));
            if (owner.get() != null) alert.initOwner(owner.get());
            alert.show();
        }
    }

    /** The heatmap drawn again at 2× into its own canvas (a snapshot of the screen canvas would be blurry). */
    private static void writeCanvas(HeatmapView view, Path path) throws IOException {
        Exports.writeNodePng(view.renderForExport(Exports.PNG_SCALE), path, 1.0);
    }
}
