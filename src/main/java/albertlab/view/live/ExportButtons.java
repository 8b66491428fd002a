package albertlab.view.live;

import albertlab.view.common.HeatmapView;
import albertlab.view.common.ExportActions;
import albertlab.view.common.Exports;
import albertlab.viewmodel.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** The Live page's "PNG…" and "CSV…" buttons under a heatmap or a chart; the saving is {@link ExportActions}'. */
final class ExportButtons {

    private final I18n i18n;
    private final ExportActions exports;

    ExportButtons(I18n i18n, ExportActions exports) {
        this.i18n = i18n;
        this.exports = exports;
    }

    ExportActions actions() {
        return exports;
    }

    /** Buttons exporting a heatmap as PNG (drawn again at 2×) and its matrix as CSV. */
    HBox forHeatmap(HeatmapView view, String name, Supplier<List<List<String>>> csv) {
        return buttons(name, path -> writeCanvas(view, path), table(csv), false);
    }

    /** Buttons exporting any node as a PNG snapshot at 2× and a table as CSV. */
    HBox forNode(Node node, String name, Supplier<List<List<String>>> csv) {
        return buttons(name, path -> Exports.writeNodePng(node, path, Exports.PNG_SCALE), table(csv), false);
    }

    /**
     * The same for a CSV too large to build in memory: {@code csv} gives a writer that streams it (null when there
     * is nothing yet), and the writing runs off the JavaFX thread.
     */
    HBox forNodeStreamed(Node node, String name, Supplier<ExportActions.Writer> csv) {
        return buttons(name, path -> Exports.writeNodePng(node, path, Exports.PNG_SCALE), csv, true);
    }

    /** Buttons exporting a chart as PNG (drawn at 2×) and its data as CSV. */
    HBox forChart(Supplier<JFreeChart> chart, Supplier<double[]> size, String name,
                  Supplier<List<List<String>>> csv) {
        return buttons(name, path -> {
            double[] wh = size.get();
            Exports.writeChartPng(chart.get(), (int) Math.max(400, wh[0]), (int) Math.max(300, wh[1]),
                    Exports.PNG_SCALE, path);
        }, table(csv), false);
    }

    /** The rows are taken on the JavaFX thread when the button is pressed; null means nothing to save yet. */
    private static Supplier<ExportActions.Writer> table(Supplier<List<List<String>>> csv) {
        return () -> {
            List<List<String>> rows = csv.get();
            return rows == null ? null : path -> Exports.writeCsv(rows, path);
        };
    }

    private HBox buttons(String name, ExportActions.Writer png, Supplier<ExportActions.Writer> csv,
                         boolean csvInBackground) {
        Button pngButton = new Button();
        pngButton.textProperty().bind(i18n.bind("live.export.png"));
        pngButton.getStyleClass().add("export");
        pngButton.setOnAction(e -> exports.chooseAndWrite("app.export.pngTitle", name + ".png",
                "app.export.pngFilter", "png", png));
        Button csvButton = new Button();
        csvButton.textProperty().bind(i18n.bind("live.export.csv"));
        csvButton.getStyleClass().add("export");
        csvButton.setOnAction(e -> {
            ExportActions.Writer writer = csv.get();
            if (writer == null) {
                exports.showNothingToExport(); // never a chooser that then silently writes nothing
            } else if (csvInBackground) {
                exports.chooseAndWriteInBackground("app.export.csvTitle", name + ".csv", "app.export.csvFilter",
                        "csv", writer);
            } else {
                exports.chooseAndWrite("app.export.csvTitle", name + ".csv", "app.export.csvFilter", "csv", writer);
            }
        });
        HBox box = new HBox(4, pngButton, csvButton);
        box.getStyleClass().add("export-bar");
        return box;
    }

    /** The heatmap drawn again at 2× into its own canvas (a snapshot of the screen canvas would be blurry). */
    private static void writeCanvas(HeatmapView view, Path path) throws IOException {
        Exports.writeNodePng(view.renderForExport(Exports.PNG_SCALE), path, 1.0);
    }
}
