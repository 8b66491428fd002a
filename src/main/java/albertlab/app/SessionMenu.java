package albertlab.app;

import albertlab.core.io.CheckpointException;
import albertlab.core.session.LabState;
import albertlab.core.session.LabStateFile;
import albertlab.view.common.AppContext;
import albertlab.view.common.LabPage;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.session.SessionFiles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * File › Open…, Open Recent, Save and Save As… for {@code .albertlab} session files, the dialogs they need, the
 * autosave timer, and what happens to a session file or a recovery file at start. The file work itself is in
 * {@link SessionFiles}. Unsaved session changes are not asked about on quit: the autosave keeps them over a crash,
 * and a session is a few inputs, quickly set again (a long training run is asked about, by its page).
 */
public final class SessionMenu {

    /** The app autosaves this often. */
    public static final Duration AUTOSAVE_EVERY = Duration.minutes(1);

    /** Where the file choosers are; tests answer without a native dialog. Null means cancelled. */
    public interface Chooser {
        Path open(Window owner, Path folder);

        Path save(Window owner, Path folder, String suggestedName);
    }

    private final AppShell shell;
    private final I18n i18n;
    private final AppContext context;
    private final SessionFiles files;
    private final Chooser chooser;
    private final Menu recentMenu;
    private Timeline autosave;

    /** Puts the session items at the top of the shell's File menu and deletes the recovery file on a clean quit. */
    public SessionMenu(AppShell shell, AppContext context, SessionFiles files, Chooser chooser) {
        this.shell = shell;
        this.context = context;
        this.i18n = context.i18n();
        this.files = files;
        this.chooser = chooser;

        MenuItem open = item("app.menu.open", "menu-open");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> openChosen());
        recentMenu = new Menu();
        recentMenu.setId("menu-recent");
        recentMenu.textProperty().bind(i18n.bind("app.menu.openRecent"));
        MenuItem save = item("app.menu.save", "menu-save");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> save());
        MenuItem saveAs = item("app.menu.saveAs", "menu-save-as");
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        saveAs.setOnAction(e -> saveAs());
        shell.fileMenu().getItems().addAll(0, List.of(open, recentMenu, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem()));
        files.recent().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        // a file deleted since the list was built shows disabled the next time the menu opens
        shell.fileMenu().addEventHandler(Menu.ON_SHOWING, e -> recentMenu.getItems().forEach(item -> {
            if (item.getUserData() instanceof Path p) item.setDisable(!Files.isRegularFile(p));
        }));
        rebuildRecent();
        files.problemProperty().addListener((obs, old, p) -> {
            if (p != null) System.err.println("albert-lab: " + p);
        });
        shell.addQuitHook(this::quit);
    }

    /** The real file choosers, with the {@code *.albertlab} filter. */
    public static Chooser fileChoosers(I18n i18n) {
        return new Chooser() {
            @Override
            public Path open(Window owner, Path folder) {
                File f = chooser(i18n, "app.session.openTitle", folder).showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path save(Window owner, Path folder, String suggestedName) {
                FileChooser c = chooser(i18n, "app.session.saveTitle", folder);
                c.setInitialFileName(suggestedName);
                File f = c.showSaveDialog(owner);
                return f == null ? null : f.toPath();
            }
        };
    }

    private static FileChooser chooser(I18n i18n, String titleKey, Path folder) {
        FileChooser c = new FileChooser();
        c.setTitle(i18n.get(titleKey));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("app.session.filter"),
                "*" + LabStateFile.EXTENSION));
        if (folder != null && Files.isDirectory(folder)) c.setInitialDirectory(folder.toFile());
        return c;
    }

    /** {@code base} followed by the current session file's name, when there is one (the window title). */
    public StringBinding title(ObservableStringValue base) {
        return Bindings.createStringBinding(() -> files.currentProperty().get() == null ? base.get()
                : files.currentProperty().get().getFileName() + " — " + base.get(), base, files.currentProperty());
    }

    /**
     * After the window is shown: opens {@code sessionFile} when the app was given one; else, with
     * {@code recovery}, offers a recovery file left by a crash. Then, with {@code recovery}, autosaves every
     * {@code every}. (The self-test and screenshots pass {@code recovery} false: they neither offer nor autosave.)
     */
    public void start(Path sessionFile, boolean recovery, Duration every) {
        if (sessionFile != null) {
            open(sessionFile);
            if (recovery) files.keepRecoveryAside(kept -> {
                if (kept != null) inform("app.session.recoveryKeptHeader", i18n.get("app.session.recoveryKept", kept));
                startAutosave(every);
            });
            return;
        }
        if (!recovery) return;
        files.findRecovery(found -> {
            if (found == null) {
                startAutosave(every);
            } else if (found.state() != null) {
                offer(found.state(), every);
            } else {
                String where = found.movedTo() != null ? i18n.get("app.session.recoveryMoved", found.movedTo())
                        : i18n.get("app.session.recoveryLeft");
                Alert bad = alert(Alert.AlertType.WARNING, "session-recovery-bad",
                        i18n.get("app.session.recoveryBadHeader"), found.problem().getMessage() + "\n" + where);
                bad.show();
                startAutosave(every);
            }
        });
    }

    private void offer(LabState state, Duration every) {
        ButtonType restore = new ButtonType(i18n.get("app.session.restore"), ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType(i18n.get("app.session.discard"), ButtonBar.ButtonData.OTHER);
        Alert ask = alert(Alert.AlertType.CONFIRMATION, "session-recovery", i18n.get("app.session.recoveryHeader"),
                i18n.get("app.session.recoveryBody"));
        ask.getButtonTypes().setAll(restore, discard);
        // no cancel button, so Esc and the close box cannot dismiss the question: the work is restored or discarded
        ask.setOnHidden(e -> {
            if (ask.getResult() == discard) files.discardRecovery();
            else files.restore(state);
            startAutosave(every);
        });
        ask.show();
    }

    private void startAutosave(Duration every) {
        if (autosave != null) return;
        autosave = new Timeline(new KeyFrame(every, e -> files.autosave()));
        autosave.setCycleCount(Animation.INDEFINITE);
        autosave.play();
    }

    private void quit() {
        if (autosave != null) autosave.stop();
        files.quit();
    }

    // --- the menu's actions ---

    void openChosen() {
        Path chosen = chooser.open(context.owner().get(), folder());
        if (chosen != null) open(chosen);
    }

    /** Opens a session file; on failure says why and changes nothing. */
    public void open(Path file) {
        files.open(file, () -> { }, failure -> {
            String text = failure.error().getMessage() + "\n" + i18n.get("app.session.unchanged");
            if (failure.droppedFromRecent()) text += "\n" + i18n.get("app.session.droppedFromRecent");
            alert(Alert.AlertType.ERROR, "session-open-failed", i18n.get("app.session.openFailedHeader"), text)
                    .show();
        });
    }

    /** File › Save: the current file, or Save As the first time. */
    public void save() {
        Path current = files.currentProperty().get();
        if (current == null) saveAs();
        else saveTo(current);
    }

    /** File › Save As…: asks for a name, adding {@code .albertlab} when it is missing. */
    public void saveAs() {
        Path current = files.currentProperty().get();
        String name = current != null ? current.getFileName().toString()
                : i18n.get("app.session.defaultName") + LabStateFile.EXTENSION;
        Path chosen = chooser.save(context.owner().get(), folder(), name);
        if (chosen == null) return;
        Path target = withExtension(chosen);
        // the system dialog asked about replacing the name chosen, not the one with the extension added
        if (!target.equals(chosen) && Files.exists(target) && !confirmReplace(target)) return;
        saveTo(target);
    }

    static Path withExtension(Path chosen) {
        String name = chosen.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(LabStateFile.EXTENSION) ? chosen
                : chosen.resolveSibling(name + LabStateFile.EXTENSION);
    }

    private void saveTo(Path target) {
        List<String> left = shell.pages().stream().filter(LabPage::showsUnsavable)
                .map(p -> i18n.get(p.titleKey())).toList();
        files.save(target, () -> {
            if (!left.isEmpty()) {
                inform("app.session.partlySavedHeader", i18n.get("app.session.partlySaved", String.join(", ", left)));
            }
        }, this::saveFailed);
    }

    private void saveFailed(CheckpointException e) {
        alert(Alert.AlertType.ERROR, "session-save-failed", i18n.get("app.session.saveFailedHeader"),
                e.getMessage() + "\n" + i18n.get("app.session.notWritten")).show();
    }

    private boolean confirmReplace(Path target) {
        ButtonType replace = new ButtonType(i18n.get("app.session.replace"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("app.session.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = alert(Alert.AlertType.CONFIRMATION, "session-replace",
                i18n.get("app.session.replaceHeader", target.getFileName()), i18n.get("app.session.replaceBody"));
        ask.getButtonTypes().setAll(replace, cancel);
        return ask.showAndWait().orElse(cancel) == replace;
    }

    /** Where the choosers start: the current file's folder, else the newest recent file's. */
    private Path folder() {
        Path f = files.currentProperty().get();
        if (f == null && !files.recent().isEmpty()) f = files.recent().get(0);
        return f == null ? null : f.getParent();
    }

    private void rebuildRecent() {
        List<MenuItem> items = new java.util.ArrayList<>();
        List<Path> list = files.recent();
        for (int i = 0; i < list.size(); i++) {
            Path p = list.get(i);
            MenuItem item = new MenuItem(p.getFileName() + "   " + (p.getParent() == null ? "" : p.getParent()));
            item.setId("recent-" + i);
            item.setMnemonicParsing(false); // file names may hold underscores
            item.setUserData(p);
            item.setDisable(!Files.isRegularFile(p));
            item.setOnAction(e -> open(p));
            items.add(item);
        }
        MenuItem clear = item("app.menu.clearRecent", "menu-clear-recent");
        clear.setOnAction(e -> files.clearRecent());
        if (!items.isEmpty()) items.addAll(List.of(new SeparatorMenuItem(), clear));
        recentMenu.getItems().setAll(items);
        recentMenu.setDisable(items.isEmpty());
    }

    private void inform(String headerKey, String text) {
        alert(Alert.AlertType.INFORMATION, "session-note", i18n.get(headerKey), text).show();
    }

    private Alert alert(Alert.AlertType type, String id, String header, String text) {
        Alert a = new Alert(type, text, ButtonType.OK);
        if (type != Alert.AlertType.CONFIRMATION) {
            a.getButtonTypes().setAll(new ButtonType(i18n.get("app.ok"), ButtonBar.ButtonData.OK_DONE));
        }
        a.getDialogPane().setId(id);
        a.setTitle(i18n.get("app.title"));
        a.setHeaderText(header);
        Window owner = context.owner().get();
        if (owner != null) a.initOwner(owner);
        return a;
    }

    private MenuItem item(String key, String id) {
        return MenuItems.labelled(new MenuItem(), i18n, key, id);
    }
}
