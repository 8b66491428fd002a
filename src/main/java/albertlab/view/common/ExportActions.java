package albertlab.view.common;

import albertlab.viewmodel.common.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Asks where to save, writes, and on failure shows one dialog naming the file and the problem (never a stack
 * trace). The writing itself takes a path, so tests call it without a file chooser.
 */
public final class ExportActions {

    public interface Writer {
        void write(Path target) throws IOException;
    }

    private final I18n i18n;
    private final Supplier<Window> owner;
    private File lastFolder;

    public ExportActions(I18n i18n, Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    public void chooseAndWrite(String titleKey, String fileName, String filterKey, String extension, Writer writer) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get(filterKey), "*." + extension));
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) return;
        lastFolder = file.getParentFile();
        Path target = file.toPath();
        if (!file.getName().contains(".")) target = target.resolveSibling(file.getName() + "." + extension);
        try {
            writer.write(target);
        } catch (IOException | RuntimeException e) {
            showError(target, e);
        }
    }

    void showError(Path target, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Alert alert = new Alert(Alert.AlertType.ERROR, i18n.get("explorer.export.failed", target, reason),
                new ButtonType(i18n.get("app.ok"), ButtonBar.ButtonData.OK_DONE));
        alert.setHeaderText(i18n.get("explorer.export.failedHeader"));
        alert.setTitle(i18n.get("app.title"));
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
            LabStyles.style(alert.getDialogPane(), w.getScene());
        }
        alert.showAndWait();
    }
}
