package albertlab.app;

import albertlab.core.config.SharingMode;
import albertlab.core.model.InitialWeights;
import albertlab.core.session.DefaultState;
import albertlab.core.session.LabState;
import albertlab.core.session.LabStateFile;
import albertlab.core.session.LiveState;
import albertlab.core.train.Trainer;
import albertlab.view.common.AppContext;
import albertlab.view.common.FxWait;
import albertlab.view.common.LabPage;
import albertlab.view.explorer.ExplorerPage;
import albertlab.view.live.LiveModelPage;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.BuiltInModels;
import albertlab.viewmodel.live.FolderModels;
import albertlab.viewmodel.live.LiveModel;
import albertlab.viewmodel.live.SnapshotModels;
import albertlab.viewmodel.session.SessionFiles;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File › Open, Open Recent, Save and Save As on the real Explorer and Live pages (the Live page on the built-in
 * English model), headless; the file choosers answer from a queue. Also the start: a session file given, a
 * recovery file offered, the autosave timer, and the clean quit that deletes the recovery file.
 */
@ExtendWith(ApplicationExtension.class)
class SessionMenuTest {

    @TempDir
    Path home;
    @TempDir
    Path work;

    /** One for the class: a page of an earlier test may still hand work to it after that test. */
    private static final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "session-test-background");
        t.setDaemon(true);
        return t;
    });
    private final I18n i18n = new I18n(I18n.ENGLISH);
    /** What the file choosers answer, in turn (null: cancelled). */
    private final Deque<Path> answers = new ArrayDeque<>();
    private final List<String> suggestedNames = new java.util.ArrayList<>();
    private AppShell shell;
    private SessionFiles files;
    private SessionMenu menu;
    private LiveModelPage live;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppContext ctx = new AppContext(i18n, background, () -> stage);
        live = new LiveModelPage(ctx, FolderModels::load, () -> BuiltInModels.create(BuiltInModels.Vocabulary.ENGLISH),
                Platform::runLater);
        List<LabPage> pages = List.of(new ExplorerPage(ctx), live);
        shell = new AppShell(ctx, pages, stage::close);
        files = new SessionFiles(shell::state, shell::apply, background, Platform::runLater, home);
        menu = new SessionMenu(shell, ctx, files, new SessionMenu.Chooser() {
            @Override
            public Path open(Window owner, Path folder) {
                return answers.poll();
            }

            @Override
            public Path save(Window owner, Path folder, String suggestedName) {
                suggestedNames.add(suggestedName);
                return answers.poll();
            }
        });
        stage.titleProperty().bind(menu.title(i18n.bind("app.title")));
        stage.setScene(new Scene(shell, 1280, 800));
        stage.show();
        shell.show("explorer");
    }

    @org.junit.jupiter.api.AfterEach
    void unbindTitle() throws Exception {
        // the primary stage is shared with the next test class
        org.testfx.api.FxToolkit.setupFixture(() -> stage.titleProperty().unbind());
    }

    // --- helpers ---

    private void waitForLiveModel(FxRobot robot) {
        robot.clickOn("#nav-live");
        FxWait.until(60, () -> !robot.lookup("#token-chips").queryAs(FlowPane.class).getChildren().isEmpty());
    }

    private LabState state(FxRobot robot) {
        AtomicReference<LabState> s = new AtomicReference<>();
        robot.interact(() -> s.set(shell.state()));
        return s.get();
    }

    private DialogPane dialog(FxRobot robot, String id) {
        FxWait.until(20, () -> robot.lookup("#" + id).tryQuery().isPresent());
        return robot.lookup("#" + id).queryAs(DialogPane.class);
    }

    private void press(FxRobot robot, DialogPane pane, String button) {
        Button b = robot.from(pane).lookup(button).queryAs(Button.class);
        robot.clickOn(b);
        FxWait.until(10, () -> pane.getScene() == null || !pane.getScene().getWindow().isShowing());
    }

    /** Sets the explorer's L, the sharing mode, and the Live page's sentence, mode, repeat factor and mask. */
    private LabState changeInputs(FxRobot robot) {
        robot.clickOn("#nav-explorer");
        TextField layers = robot.lookup("#field-L").queryAs(TextField.class);
        robot.clickOn(layers);
        robot.interact(layers::selectAll);
        robot.write("6").type(KeyCode.ENTER);
        robot.clickOn("#sharing-attention");
        waitForLiveModel(robot);
        robot.interact(() -> robot.lookup("#sentence-a").queryAs(TextField.class).setText("the dog ran home"));
        FxWait.until(20, () -> dogChip(robot) > 0);
        robot.clickOn("#mode-none");
        robot.interact(() -> robot.lookup("#repeat-factor").<Spinner<Integer>>query().getValueFactory().setValue(3));
        // the chips are drawn again with each result: click one of the last
        FxWait.until(20, () -> !live.busyProperty().get());
        int dog = dogChip(robot);
        robot.clickOn(chips(robot).get(dog));
        FxWait.until(20, () -> chips(robot).get(dog).getText().equals("[MASK]"));
        return state(robot);
    }

    /** The chip of "dog" (the tokenizer may mark the word start), or -1 before the sentence is shown. */
    private static int dogChip(FxRobot robot) {
        List<Label> chips = chips(robot);
        for (int i = 0; i < chips.size(); i++) if (chips.get(i).getText().contains("dog")) return i;
        return -1;
    }

    private static List<Label> chips(FxRobot robot) {
        return robot.lookup("#token-chips").queryAs(FlowPane.class).getChildren().stream().map(n -> (Label) n).toList();
    }

    // --- tests ---

    @Test
    void savingThenOpeningGivesTheSameStateBack(FxRobot robot) throws Exception {
        LabState at = state(robot);
        LabState before = changeInputs(robot);
        // the inputs did change, so the comparison at the end means something
        assertEquals(6, before.explorer().layers());
        assertEquals(SharingMode.SHARED_ATTENTION, before.explorer().sharing());
        int dog = before.live().maskedPosition();
        assertTrue(dog > 0, "a token is masked");
        assertEquals(new LiveState(LiveState.ENGLISH, null, SharingMode.NOT_SHARED, "the dog ran home", "", dog, 3),
                before.live().withView(LiveState.DEFAULT_TAB, 0, 0));
        assertNotEquals(at, before);

        // Save the first time is Save As; the extension is added
        answers.add(work.resolve("week3"));
        robot.clickOn("File").clickOn("Save");
        Path saved = work.resolve("week3.albertlab");
        FxWait.until(20, () -> saved.equals(files.currentProperty().get()));
        assertEquals(List.of("session.albertlab"), suggestedNames);
        assertEquals("week3.albertlab — ALBERT Lab", stage.getTitle());
        assertEquals(before, LabStateFile.read(saved));

        // open another session in between (Ctrl+O)
        LabState other = DefaultState.of("en").withPage("explorer").withExplorer(DefaultState.explorer("albert-large-v2"))
                .withLive(LiveState.builtIn(LiveState.ENGLISH, SharingMode.ALL_SHARED, "a cat sat", "it slept", -1, 1));
        Path otherFile = work.resolve("other.albertlab");
        LabStateFile.write(otherFile, other);
        answers.add(otherFile);
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        FxWait.until(20, () -> otherFile.equals(files.currentProperty().get()));
        assertEquals(other, state(robot));
        assertEquals("other.albertlab — ALBERT Lab", stage.getTitle());

        // then the saved one, from Open Recent (newest first: other, then week3)
        robot.clickOn("File").clickOn("Open Recent");
        MenuItem first = recentItem(0);
        assertTrue(first.getText().startsWith("other.albertlab"), first.getText());
        robot.clickOn(recentItem(1).getText());
        FxWait.until(20, () -> saved.equals(files.currentProperty().get()));
        assertEquals(before, state(robot));
        // and the Live page shows it: the sentence with its mask
        robot.clickOn("#nav-live");
        FxWait.until(20, () -> chips(robot).size() > dog && chips(robot).get(dog).getText().equals("[MASK]"));
    }

    private MenuItem recentItem(int i) {
        Menu recent = (Menu) shell.fileMenu().getItems().stream().filter(m -> "menu-recent".equals(m.getId()))
                .findFirst().orElseThrow();
        return recent.getItems().get(i);
    }

    @Test
    void badTruncatedAndNewerFilesSayWhichFileAndFieldAndChangeNothing(FxRobot robot) throws Exception {
        LabState before = changeInputs(robot);
        LabStateFile.write(work.resolve("good.albertlab"), DefaultState.of("en").withLive(LiveState.builtIn(
                LiveState.ENGLISH, SharingMode.ALL_SHARED, "a cat sat", "", 3, 2)));
        String text = Files.readString(work.resolve("good.albertlab"));
        Path bad = work.resolve("bad.albertlab");
        Files.writeString(bad, text.replace("\"hidden\": 768", "\"hidden\": \"wide\""));
        Path truncated = work.resolve("truncated.albertlab");
        Files.write(truncated, text.substring(0, text.length() - 40).getBytes(StandardCharsets.UTF_8));
        Path newer = work.resolve("newer.albertlab");
        Files.writeString(newer, text.replace("\"formatVersion\": 1", "\"formatVersion\": 2"));

        List<String> expected = List.of("bad.albertlab: explorer.hidden must be a whole number, got \"wide\"",
                "truncated.albertlab: is not JSON (",
                "newer.albertlab: was written by a newer ALBERT Lab (formatVersion 2; this one reads up to 1)");
        List<Path> tried = List.of(bad, truncated, newer);
        for (int i = 0; i < tried.size(); i++) {
            answers.add(tried.get(i));
            robot.clickOn("File").clickOn("Open…");
            DialogPane error = dialog(robot, "session-open-failed");
            assertEquals("The session could not be opened", error.getHeaderText());
            assertTrue(error.getContentText().startsWith(expected.get(i)), error.getContentText());
            assertTrue(error.getContentText().endsWith("Nothing was changed: the lab still shows what it showed before."),
                    error.getContentText());
            press(robot, error, "OK");
            assertEquals(before, state(robot), tried.get(i).getFileName() + " changed the app");
        }
        assertEquals(null, files.currentProperty().get());
        assertEquals("ALBERT Lab", stage.getTitle());
    }

    @Test
    void aMissingRecentFileShowsDisabledAndClearRecentEmptiesTheList(FxRobot robot) throws Exception {
        Path a = work.resolve("a.albertlab");
        Path b = work.resolve("b.albertlab");
        for (Path p : List.of(a, b)) {
            answers.add(p);
            robot.interact(menu::saveAs);
            FxWait.until(20, () -> p.equals(files.currentProperty().get()));
        }
        Files.delete(a);
        robot.clickOn("File").clickOn("Open Recent");
        assertFalse(recentItem(0).isDisable(), "b is there");
        assertTrue(recentItem(1).isDisable(), "a is gone");
        // into the submenu first, then down inside it (a diagonal path crosses Save and closes the submenu)
        robot.moveTo(recentItem(0).getText());
        robot.clickOn("Clear recent");
        assertEquals(List.of(), files.recent());
        robot.clickOn("File");
        Menu recent = (Menu) shell.fileMenu().getItems().get(1);
        assertTrue(recent.isDisable());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void savingWhileTheLivePageShowsATrainingSnapshotKeepsTheLivePartAsLastOpenedAndSaysSo(FxRobot robot)
            throws Exception {
        LabState at = state(robot);
        LabState before = changeInputs(robot);
        LiveModel snapshot = snapshot();
        robot.interact(() -> live.open(snapshot));
        FxWait.until(20, () -> live.showsUnsavable());
        answers.add(work.resolve("with-snapshot.albertlab"));
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        DialogPane note = dialog(robot, "session-note");
        assertEquals("Saved, with one part left out", note.getHeaderText());
        assertTrue(note.getContentText().startsWith("The page Live Model shows a Training snapshot."),
                note.getContentText());
        press(robot, note, "OK");
        LabState saved = LabStateFile.read(work.resolve("with-snapshot.albertlab"));
        // the snapshot has no file: the Live part is the one the app started with; the rest is as shown
        assertEquals(at.live(), saved.live());
        assertEquals(before.explorer(), saved.explorer());
    }

    private static LiveModel snapshot() {
        var tokenizer = BuiltInModels.family(BuiltInModels.Vocabulary.ENGLISH).member(SharingMode.ALL_SHARED)
                .tokenizer();
        var shape = BuiltInModels.shape(tokenizer.vocabSize());
        List<SharingMode> modes = List.of(SharingMode.ALL_SHARED);
        List<Trainer.Snapshot> snaps = List.of(new Trainer.Snapshot(50, InitialWeights.draw(shape, 3, 0.05)));
        return SnapshotModels.create(modes, snaps, SharingMode.ALL_SHARED, tokenizer);
    }

    @Test
    void aStartWithARecoveryFileOffersItAndRestoreShowsIt(FxRobot robot) throws Exception {
        waitForLiveModel(robot);
        LabState crashed = DefaultState.of("en").withPage("live").withExplorer(DefaultState.explorer("albert-xlarge-v2"))
                .withLive(LiveState.builtIn(LiveState.ENGLISH, SharingMode.SHARED_FFN, "the red bird sang", "", 3, 2));
        Path recovery = home.resolve("recovery.albertlab");
        LabStateFile.write(recovery, crashed);
        robot.interact(() -> menu.start(null, true, Duration.millis(200)));
        DialogPane ask = dialog(robot, "session-recovery");
        assertEquals("Restore unsaved work?", ask.getHeaderText());
        press(robot, ask, "Restore");
        FxWait.until(20, () -> crashed.equals(state(robot)));
        assertEquals(null, files.currentProperty().get(), "restored work is unsaved work");

        // the autosave timer writes the next change, and only a change
        Files.setLastModifiedTime(recovery, java.nio.file.attribute.FileTime.fromMillis(1_000));
        Thread.sleep(600);
        assertEquals(1_000, Files.getLastModifiedTime(recovery).toMillis(), "nothing changed: not written");
        robot.interact(() -> robot.lookup("#sentence-a").queryAs(TextField.class).setText("the blue bird sang"));
        FxWait.until(20, () -> {
            try {
                return LabStateFile.read(recovery).live().sentenceA().equals("the blue bird sang");
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals(state(robot), LabStateFile.read(recovery));

        // a clean quit deletes it
        AtomicReference<Boolean> quit = new AtomicReference<>();
        robot.interact(() -> quit.set(shell.confirmQuit()));
        assertTrue(quit.get());
        assertFalse(Files.exists(recovery));
        Thread.sleep(500);
        assertFalse(Files.exists(recovery), "the stopped timer writes nothing more");
    }

    @Test
    void discardDeletesTheRecoveryFileAndKeepsTheApp(FxRobot robot) throws Exception {
        LabState at = state(robot);
        Path recovery = home.resolve("recovery.albertlab");
        LabStateFile.write(recovery, DefaultState.of("en").withExplorer(DefaultState.explorer("albert-large-v2")));
        robot.interact(() -> menu.start(null, true, Duration.minutes(1)));
        press(robot, dialog(robot, "session-recovery"), "Discard");
        FxWait.until(20, () -> !Files.exists(recovery));
        assertEquals(at, state(robot));
    }

    @Test
    void anUnreadableRecoveryFileIsReportedAndMovedAside(FxRobot robot) throws Exception {
        Path recovery = home.resolve("recovery.albertlab");
        Files.writeString(recovery, "{\"formatVersion\": 1,");
        robot.interact(() -> menu.start(null, true, Duration.minutes(1)));
        DialogPane bad = dialog(robot, "session-recovery-bad");
        assertTrue(bad.getContentText().startsWith("recovery.albertlab: is not JSON"), bad.getContentText());
        assertTrue(bad.getContentText().contains("The file was kept as " + home.resolve("recovery.albertlab.bad")),
                bad.getContentText());
        press(robot, bad, "OK");
        assertEquals("{\"formatVersion\": 1,", Files.readString(home.resolve("recovery.albertlab.bad")));
    }

    @Test
    void aSessionFileGivenAtStartOpensAndALeftoverRecoveryFileIsKeptNotOffered(FxRobot robot) throws Exception {
        LabState given = DefaultState.of("en").withPage("explorer").withExplorer(DefaultState.explorer("albert-large-v2"))
                .withLive(LiveState.builtIn(LiveState.ENGLISH, SharingMode.ALL_SHARED, "a cat sat", "", -1, 1));
        Path file = work.resolve("given.albertlab");
        LabStateFile.write(file, given);
        LabState crashed = given.withExplorer(DefaultState.explorer("albert-xlarge-v2"));
        LabStateFile.write(home.resolve("recovery.albertlab"), crashed);
        StartOptions options = StartOptions.parse(List.of("--lang", "en", file.toString()));
        robot.interact(() -> menu.start(options.sessionFile(), true, Duration.minutes(1)));
        FxWait.until(20, () -> file.equals(files.currentProperty().get()));
        assertEquals(given, state(robot));
        assertEquals("given.albertlab — ALBERT Lab", stage.getTitle());
        DialogPane note = dialog(robot, "session-note");
        assertTrue(note.getContentText().contains(home.resolve("recovery-kept.albertlab").toString()),
                note.getContentText());
        press(robot, note, "OK");
        assertFalse(robot.lookup("#session-recovery").tryQuery().isPresent(), "not offered");
        assertEquals(crashed, LabStateFile.read(home.resolve("recovery-kept.albertlab")));
    }

    @Test
    void theSessionItemsComeBeforeQuitInTheOrderOfTheFileMenu(FxRobot robot) {
        List<String> ids = shell.fileMenu().getItems().stream()
                .map(m -> m instanceof javafx.scene.control.SeparatorMenuItem ? "-" : m.getId()).toList();
        assertEquals(List.of("menu-open", "menu-recent", "-", "menu-save", "menu-save-as", "-", "menu-quit"), ids);
        assertEquals("Shortcut+O", shell.fileMenu().getItems().get(0).getAccelerator().getName());
        assertEquals("Shortcut+S", shell.fileMenu().getItems().get(3).getAccelerator().getName());
        assertEquals("Shift+Shortcut+S", shell.fileMenu().getItems().get(4).getAccelerator().getName());
        robot.interact(() -> i18n.setLocale(I18n.CHINESE));
        assertEquals("另存为(_A)…", shell.fileMenu().getItems().get(4).getText());
        robot.interact(() -> i18n.setLocale(I18n.ENGLISH));
    }

    @Test
    void saveAsKeepsAnExtensionGivenAndAddsAMissingOne() {
        assertEquals(Path.of("a", "b.albertlab"), SessionMenu.withExtension(Path.of("a", "b")));
        assertEquals(Path.of("a", "b.ALBERTLAB"), SessionMenu.withExtension(Path.of("a", "b.ALBERTLAB")));
        assertEquals(Path.of("a", "b.json.albertlab"), SessionMenu.withExtension(Path.of("a", "b.json")));
    }
}
