package albertlab.viewmodel.session;

import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import albertlab.core.session.DefaultState;
import albertlab.core.session.LabState;
import albertlab.core.session.LabStateFile;
import albertlab.core.session.LiveState;
import albertlab.core.session.RecentSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saved sessions without a toolkit: the "app" is one state field, and both executors run tasks at once, so every
 * outcome is there when a call returns.
 */
class SessionFilesTest {

    @TempDir
    Path home;
    @TempDir
    Path work;

    private static final LabState START = DefaultState.of("en");
    private static final LabState CHANGED = START.withPage("live").withLive(LiveState.builtIn(LiveState.ENGLISH,
            SharingMode.NOT_SHARED, "The cat sat.", "It slept.", 2, 3));

    /** What the app shows; shown states land here. */
    private final AtomicReference<LabState> app = new AtomicReference<>(START);
    private final List<String> failures = new ArrayList<>();

    private SessionFiles files() {
        return new SessionFiles(app::get, app::set, Runnable::run, Runnable::run, home);
    }

    private Path recovery() {
        return home.resolve(SessionFiles.RECOVERY_FILE);
    }

    private void open(SessionFiles f, Path file) {
        f.open(file, () -> { }, e -> failures.add(e.error().getMessage()));
    }

    private void save(SessionFiles f, Path file) {
        f.save(file, () -> { }, e -> failures.add(e.getMessage()));
    }

    @Test
    void autosaveWritesTheRecoveryFileWhenTheStateChangedAndNotWhenItDidNot() throws Exception {
        SessionFiles f = files();
        f.findRecovery(found -> assertNull(found));
        assertFalse(f.autosave(), "nothing changed since the start");
        assertFalse(Files.exists(recovery()));
        app.set(CHANGED);
        assertTrue(f.autosave());
        assertEquals(CHANGED, LabStateFile.read(recovery()));
        // unchanged since the last autosave: no write (the file's time would move otherwise)
        Files.setLastModifiedTime(recovery(), java.nio.file.attribute.FileTime.fromMillis(1_000));
        assertFalse(f.autosave());
        assertEquals(1_000, Files.getLastModifiedTime(recovery()).toMillis());
        LabState again = CHANGED.withPage("explorer");
        app.set(again);
        assertTrue(f.autosave());
        assertEquals(again, LabStateFile.read(recovery()));
    }

    @Test
    void aCleanQuitDeletesTheRecoveryFileAndNothingIsAutosavedAfterIt() {
        SessionFiles f = files();
        f.findRecovery(found -> { });
        app.set(CHANGED);
        f.autosave();
        assertTrue(Files.exists(recovery()));
        f.quit();
        assertFalse(Files.exists(recovery()));
        app.set(CHANGED.withPage("explorer"));
        f.autosave();
        assertFalse(Files.exists(recovery()), "a late autosave must not bring it back");
    }

    @Test
    void aStartAfterACrashFindsTheStateAndRestoreShowsIt() throws Exception {
        LabStateFile.write(recovery(), CHANGED);
        SessionFiles f = files();
        AtomicReference<SessionFiles.Recovery> found = new AtomicReference<>();
        f.findRecovery(found::set);
        assertEquals(CHANGED, found.get().state());
        assertEquals(START, app.get(), "offered, not yet shown");
        f.restore(found.get().state());
        assertEquals(CHANGED, app.get());
        assertFalse(f.autosave(), "the recovery file already holds it");
        assertTrue(Files.exists(recovery()), "still unsaved work, still recoverable");
    }

    @Test
    void discardDeletesTheRecoveryFile() throws Exception {
        LabStateFile.write(recovery(), CHANGED);
        SessionFiles f = files();
        f.findRecovery(found -> assertNotNull(found.state()));
        f.discardRecovery();
        assertFalse(Files.exists(recovery()));
        assertEquals(START, app.get());
    }

    @Test
    void anUnreadableRecoveryFileIsMovedAsideNotLost() throws Exception {
        Files.writeString(recovery(), "{\"formatVersion\": 1, \"page\": \"live\", \"lang");
        SessionFiles f = files();
        AtomicReference<SessionFiles.Recovery> found = new AtomicReference<>();
        f.findRecovery(found::set);
        assertNull(found.get().state());
        assertTrue(found.get().problem().getMessage().startsWith("recovery.albertlab: is not JSON"),
                found.get().problem().getMessage());
        Path aside = home.resolve("recovery.albertlab.bad");
        assertEquals(aside, found.get().movedTo());
        assertEquals("{\"formatVersion\": 1, \"page\": \"live\", \"lang", Files.readString(aside));
        assertFalse(Files.exists(recovery()));
        // a second bad one does not replace the first
        f.quit();
        Files.writeString(recovery(), "not json");
        SessionFiles g = files();
        g.findRecovery(found::set);
        assertEquals(home.resolve("recovery.albertlab.2.bad"), found.get().movedTo());
        assertTrue(Files.exists(aside));
    }

    @Test
    void withASessionFileToOpenALeftoverRecoveryFileIsKeptAsASessionOfItsOwn() throws Exception {
        LabStateFile.write(recovery(), CHANGED);
        SessionFiles f = files();
        AtomicReference<Path> kept = new AtomicReference<>();
        f.keepRecoveryAside(kept::set);
        assertEquals(home.resolve("recovery-kept.albertlab"), kept.get());
        assertEquals(CHANGED, LabStateFile.read(kept.get()));
        app.set(CHANGED.withPage("explorer"));
        assertTrue(f.autosave(), "autosave goes on, into a fresh recovery file");
        assertEquals(CHANGED.withPage("explorer"), LabStateFile.read(recovery()));
        assertEquals(CHANGED, LabStateFile.read(kept.get()));
    }

    @Test
    void aSecondAppNeitherAutosavesNorDeletesTheFirstOnesRecoveryFile() throws Exception {
        SessionFiles first = files();
        first.findRecovery(found -> { });
        app.set(CHANGED);
        first.autosave();
        SessionFiles second = files();
        AtomicReference<SessionFiles.Recovery> found = new AtomicReference<>(
                new SessionFiles.Recovery(null, null, null));
        second.findRecovery(found::set);
        assertNull(found.get(), "the first app owns the recovery file: nothing is offered to the second");
        app.set(CHANGED.withPage("explorer"));
        assertFalse(second.autosave());
        second.quit();
        assertEquals(CHANGED, LabStateFile.read(recovery()), "the first app's recovery file is untouched");
        first.quit();
        assertFalse(Files.exists(recovery()));
    }

    @Test
    void savingThenOpeningShowsTheSameState() throws Exception {
        SessionFiles f = files();
        app.set(CHANGED);
        Path file = work.resolve("week3.albertlab");
        save(f, file);
        assertEquals(List.of(), failures);
        assertEquals(file, f.currentProperty().get());
        assertFalse(f.hasUnsavedChanges());
        app.set(START);
        assertTrue(f.hasUnsavedChanges());
        open(f, file);
        assertEquals(CHANGED, app.get());
        assertFalse(f.hasUnsavedChanges());
    }

    @Test
    void aSaveOrAnOpenDeletesTheRecoveryFileSinceTheFileHoldsTheWork() throws Exception {
        SessionFiles f = files();
        f.findRecovery(found -> { });
        app.set(CHANGED);
        f.autosave();
        assertTrue(Files.exists(recovery()));
        save(f, work.resolve("a.albertlab"));
        assertFalse(Files.exists(recovery()));
        assertFalse(f.autosave(), "nothing changed since the save");
    }

    @Test
    void badTruncatedAndNewerFilesNameTheFileAndTheFieldAndChangeNothing() throws Exception {
        SessionFiles f = files();
        Path good = work.resolve("good.albertlab");
        app.set(CHANGED);
        save(f, good);
        app.set(START);
        String text = Files.readString(good);

        Path bad = work.resolve("bad.albertlab");
        Files.writeString(bad, text.replace("\"repeatFactor\": 3", "\"repeatFactor\": \"three\""));
        Path truncated = work.resolve("truncated.albertlab");
        Files.write(truncated, text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8));
        Path newer = work.resolve("newer.albertlab");
        Files.writeString(newer, text.replace("\"formatVersion\": 1", "\"formatVersion\": 7"));

        open(f, bad);
        open(f, truncated);
        open(f, newer);
        assertEquals(List.of("bad.albertlab: live.repeatFactor must be a whole number, got \"three\"",
                failures.get(1), // Gson's own words after the prefix; checked below
                "newer.albertlab: was written by a newer ALBERT Lab (formatVersion 7; this one reads up to 1)"),
                failures);
        assertTrue(failures.get(1).startsWith("truncated.albertlab: is not JSON ("), failures.get(1));
        assertEquals(START, app.get(), "nothing was shown");
        assertEquals(good, f.currentProperty().get(), "the current file is still the one opened before");
        assertEquals(List.of(good), f.recent(), "a file that failed is not added to the recent list");
    }

    @Test
    void theRecentListIsPersistedNewestFirstAndReloaded() throws Exception {
        SessionFiles f = files();
        List<Path> saved = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Path p = work.resolve("s" + i + ".albertlab");
            save(f, p);
            saved.add(0, p);
        }
        open(f, work.resolve("s5.albertlab"));
        assertEquals(List.of(), failures);
        List<Path> expected = new ArrayList<>(saved.subList(0, 8));
        expected.remove(work.resolve("s5.albertlab"));
        expected.add(0, work.resolve("s5.albertlab"));
        assertEquals(expected, f.recent());
        assertEquals(expected, RecentSessions.read(home.resolve(SessionFiles.RECENT_FILE)));
        assertEquals(expected, files().recent(), "the next start reads the same list");
        f.clearRecent();
        assertEquals(List.of(), files().recent());
    }

    @Test
    void aRecentFileThatIsGoneIsDroppedWhenChosen() throws Exception {
        SessionFiles f = files();
        Path a = work.resolve("a.albertlab");
        Path b = work.resolve("b.albertlab");
        save(f, a);
        save(f, b);
        Files.delete(a);
        AtomicReference<SessionFiles.Failure> failure = new AtomicReference<>();
        f.open(a, () -> { }, failure::set);
        assertEquals("a.albertlab: file not found", failure.get().error().getMessage());
        assertTrue(failure.get().droppedFromRecent());
        assertEquals(List.of(b), f.recent());
        assertEquals(List.of(b), files().recent());
    }

    @Test
    void aFailedSaveKeepsTheFileAsItWasAndSaysWhy() throws Exception {
        SessionFiles f = files();
        Path file = work.resolve("s.albertlab");
        save(f, file);
        byte[] before = Files.readAllBytes(file);
        // an impossible explorer (768 not divisible by 7 heads) is refused before anything is written
        var e = START.explorer();
        app.set(START.withExplorer(new albertlab.core.session.ExplorerState(e.vocab(), e.embedding(), e.hidden(),
                e.layers(), 7, e.intermediate(), e.ffnLockedTo4H(), e.sharing(), e.groups(), e.projection(),
                e.preset())));
        save(f, file);
        assertEquals(List.of("s.albertlab: explorer: hidden_size 768 is not divisible by num_attention_heads 7"),
                failures);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
    }

    @Test
    void anUnreadableRecentListStartsEmptyAndSaysSo() throws Exception {
        Files.writeString(home.resolve(SessionFiles.RECENT_FILE), "{oops");
        SessionFiles f = files();
        assertEquals(List.of(), f.recent());
        assertTrue(f.problemProperty().get().startsWith("recent-sessions.json: is not valid JSON"),
                f.problemProperty().get());
    }

    @Test
    void openingTheRecoveryFileByHandIsAnOrdinaryOpen() throws CheckpointException {
        // recovery-kept.albertlab is opened like any session: its state shows and it becomes the current file
        Path kept = home.resolve("recovery-kept.albertlab");
        LabStateFile.write(kept, CHANGED);
        SessionFiles f = files();
        open(f, kept);
        assertEquals(CHANGED, app.get());
        assertEquals(kept, f.currentProperty().get());
    }
}
