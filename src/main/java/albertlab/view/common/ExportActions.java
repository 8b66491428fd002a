package albertlab.view.common;

import albertlab.viewmodel.common.I18n;
import javafx.concurrent.Task;
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
 * The one way every page saves a file: asks where (translated title and filter, the folder used last time, the
 * extension added when the name has none), writes, and on failure shows one translated dialog naming the file and
 * the problem (never a stack trace, never "null"). The asking is a {@link Target}, so tests answer it directly.
 */
public final class ExportActions {

    public interface Writer {
        void write(Path target) throws IOException;
    }

    /** Where the file goes, or null when the user cancels. */
    public interface Target {
        Path choose(Window owner, String title, String fileName, String filterName, String extension);
    }

    private final I18n i18n;
    private final Supplier<Window> owner;
    private File lastFolder;
    private Target target = this::fileChooser;

    public ExportActions(I18n i18n, Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    /** Tests: skip the file chooser. */
    public void setTarget(Target target) {
        this.target = target;
    }

    /** Asks for a file and writes it on the JavaFX thread (small files: a chart, a table of a few rows). */
    public void chooseAndWrite(String titleKey, String fileName, String filterKey, String extension, Writer writer) {
        Path path = choose(titleKey, fileName, filterKey, extension);
        if (path == null) return;
        try {
            writer.write(path);
        } catch (IOException | RuntimeException e) {
            showError(path, e);
        }
    }

    /**
     * Asks for a file on the JavaFX thread, then writes it on a background thread (large files: every attention
     * matrix of a model); a failure comes back to the JavaFX thread as the same dialog.
     */
    public void chooseAndWriteInBackground(String titleKey, String fileName, String filterKey, String extension,
                                           Writer writer) {
        Path path = choose(titleKey, fileName, filterKey, extension);
        if (path == null) return;
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                writer.write(path);
                return null;
            }
        };
        task.setOnFailed(e -> showError(path, task.getException()));
        Thread thread = new Thread(task, "export " + path.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    /** Says that there is nothing to save yet (a CSV button before the first result). */
    public void showNothingToExport() {
        alert(Alert.AlertType.INFORMATION, i18n.get("app.export.nothingHeader"), i18n.get("app.export.nothing"));
    }

    private Path choose(String titleKey, String fileName, String filterKey, String extension) {
        Path path = target.choose(owner.get(), i18n.get(titleKey), fileName, i18n.get(filterKey), extension);
        if (path == null) return null;
        lastFolder = path.toAbsolutePath().getParent() == null ? null : path.toAbsolutePath().getParent().toFile();
        String name = path.getFileName().toString();
        return name.contains(".") ? path : path.resolveSibling(name + "." + extension);
    }

    private Path fileChooser(Window w, String title, String fileName, String filterName, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, "*." + extension));
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File file = chooser.showSaveDialog(w);
        return file == null ? null : file.toPath();
    }

    void showError(Path target, Throwable e) {
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? i18n.get("app.internalError")
                : e.getMessage();
        alert(Alert.AlertType.ERROR, i18n.get("app.export.failedHeader"), i18n.get("app.export.failed", target,
                reason));
    }

    private void alert(Alert.AlertType type, String header, String text) {
        Alert alert = new Alert(type, text, new ButtonType(i18n.get("app.ok"), ButtonBar.ButtonData.OK_DONE));
        alert.setHeaderText(header);
        alert.setTitle(i18n.get("app.title"));
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
            LabStyles.style(alert.getDialogPane(), w.getScene());
        }
        alert.show();
    }
}
