package albertlab.app;

import albertlab.core.corpus.PreparedCorpusSummary;
import albertlab.core.io.AppResources;
import albertlab.core.ops.Kernels;
import albertlab.view.common.LabFonts;
import albertlab.view.common.LabStyles;
import albertlab.viewmodel.common.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help ▸ About: version, the paper, the runtime, and every shipped library with its licence. */
final class AboutDialog {

    /** The prepared corpora that ship in assets/corpora, read once (two small files). */
    private static final java.util.function.Supplier<java.util.List<PreparedCorpusSummary>> CORPORA =
            new java.util.function.Supplier<>() {
                private java.util.List<PreparedCorpusSummary> read;

                @Override
                public synchronized java.util.List<PreparedCorpusSummary> get() {
                    if (read == null) read = PreparedCorpusSummary.all(AppResources.assets().resolve("corpora"));
                    return read;
                }
            };

    private AboutDialog() {
    }

    static Alert create(I18n i18n, Window owner) {
        // our own button text: JavaFX would label its stock buttons in the JVM's language, not the app's
        Alert alert = new Alert(Alert.AlertType.NONE, null,
                new ButtonType(i18n.get("app.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.setTitle(i18n.get("app.about.title"));
        alert.setHeaderText(i18n.get("app.title") + " " + AppInfo.VERSION);
        Label blurb = new Label(i18n.get("app.about.blurb"));
        blurb.setWrapText(true);
        Label runtime = new Label(i18n.get("app.about.runtime", System.getProperty("java.version"),
                String.valueOf(System.getProperty("javafx.runtime.version")), LabFonts.family(), Kernels.description()));
        runtime.setId("about-runtime");
        runtime.setWrapText(true);
        java.util.List<String[]> libraryRows = new java.util.ArrayList<>();
        for (AppInfo.Library l : AppInfo.LIBRARIES) libraryRows.add(new String[] {l.name(), l.version(), l.license()});
        GridPane libs = table("about-libraries", libraryRows, i18n.get("app.about.library"),
                i18n.get("app.about.version"), i18n.get("app.about.license"));
        Label thanks = new Label(i18n.get("app.about.licenses"));
        thanks.setWrapText(true);
        java.util.List<String[]> corpusRows = new java.util.ArrayList<>();
        for (PreparedCorpusSummary c : CORPORA.get()) {
            corpusRows.add(new String[] {i18n.get("app.about.corpus." + c.source()),
                    "npm " + c.packageName() + " " + c.version(), c.licence()});
        }
        GridPane corpora = table("about-corpora", corpusRows, i18n.get("app.about.corpus"),
                i18n.get("app.about.package"), i18n.get("app.about.license"));
        Label provenance = new Label(i18n.get("app.about.corpora"));
        provenance.setWrapText(true);
        VBox box = new VBox(12, blurb, libs, thanks, corpora, provenance, runtime);
        box.setPrefWidth(560);
        alert.getDialogPane().setContent(box);
        alert.getDialogPane().setId("about");
        if (owner != null) {
            alert.initOwner(owner);
            LabStyles.style(alert.getDialogPane(), owner.getScene());
        }
        return alert;
    }

    /** A grid with a bold header row, then one row per entry. */
    private static GridPane table(String id, java.util.List<String[]> rows, String... headers) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(16);
        grid.setVgap(4);
        Label[] head = new Label[headers.length];
        for (int i = 0; i < headers.length; i++) head[i] = bold(headers[i]);
        grid.addRow(0, head);
        int r = 1;
        for (String[] row : rows) {
            Label[] cells = new Label[row.length];
            for (int i = 0; i < row.length; i++) cells[i] = new Label(row[i]);
            grid.addRow(r++, cells);
        }
        return grid;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
