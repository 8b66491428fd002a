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
        GridPane libs = new GridPane();
        libs.setId("about-libraries");
        libs.setHgap(16);
        libs.setVgap(4);
        libs.addRow(0, bold(i18n.get("app.about.library")), bold(i18n.get("app.about.version")),
                bold(i18n.get("app.about.license")));
        int row = 1;
        for (AppInfo.Library l : AppInfo.LIBRARIES) {
            libs.addRow(row++, new Label(l.name()), new Label(l.version()), new Label(l.license()));
        }
        Label thanks = new Label(i18n.get("app.about.licenses"));
        thanks.setWrapText(true);
        GridPane corpora = new GridPane();
        corpora.setId("about-corpora");
        corpora.setHgap(16);
        corpora.setVgap(4);
        corpora.addRow(0, bold(i18n.get("app.about.corpus")), bold(i18n.get("app.about.package")),
                bold(i18n.get("app.about.license")));
        int r = 1;
        for (PreparedCorpusSummary c : CORPORA.get()) {
            corpora.addRow(r++, new Label(i18n.get("app.about.corpus." + c.source())),
                    new Label("npm " + c.packageName() + " " + c.version()), new Label(c.licence()));
        }
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

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
