package albertlab.viewmodel.session;

import albertlab.core.io.AppHome;
import albertlab.core.io.CheckpointException;
import albertlab.core.session.LabState;
import albertlab.core.session.LabStateFile;
import albertlab.core.session.RecentSessions;
import albertlab.core.session.RecoveryFile;
import albertlab.viewmodel.common.LatestOnlyRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Saved sessions without the dialogs: the file open now, whether the app still shows what it holds, the recent
 * list, and the autosave to the recovery file. Reading and writing run on the background executor, one write
 * after another in the order asked (so an older save never lands over a newer one); outcomes come back on the UI
 * executor. States are captured and shown on the UI thread: every public method is called there.
 * <p>
 * A save or an open also replaces the recovery file's purpose: the file then holds the work, so the recovery file
 * is deleted, and the next autosave comes with the next change.
 */
public final class SessionFiles {

    public static final String RECENT_FILE = "recent-sessions.json";
    public static final String RECOVERY_FILE = "recovery" + LabStateFile.EXTENSION;

    /** Why an open failed; {@code droppedFromRecent} when the file is gone and so left the recent list. */
    public record Failure(CheckpointException error, boolean droppedFromRecent) {
    }

    /**
     * What start-up found in the recovery file: a state to offer ({@code state}), or a file that could not be read
     * ({@code problem}), renamed to {@code movedTo} (null when even that failed: then it is left where it is and
     * nothing autosaves over it).
     */
    public record Recovery(LabState state, CheckpointException problem, Path movedTo) {
    }

    private final Supplier<LabState> capture;
    private final Consumer<LabState> show;
    private final Executor uiThread;
    private final Serial writer;
    private final LatestOnlyRunner reader;
    private final Path recentFile;
    private final RecoveryFile recovery;

    private final ReadOnlyObjectWrapper<Path> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    /** What the current file holds (the state at start while there is none). */
    private LabState saved;
    /** What the recovery file holds, or what was last saved or opened; an autosave happens when the app differs. */
    private LabState autosaved;
    /** This app owns the recovery file: it autosaves, offers it at start and deletes it on a clean quit. */
    private volatile boolean ownsRecovery;

    /** Guards {@link #closed} against a recovery write in flight while the app quits. */
    private final Object recoveryLock = new Object();
    private boolean closed;

    /**
     * @param capture    what the app shows now ({@code AppShell::state})
     * @param show       shows a state ({@code AppShell::apply})
     * @param background where files are read and written
     * @param uiThread   where outcomes are applied ({@code Platform::runLater} in the app)
     * @param home       the folder of the recent list and the recovery file ({@link AppHome#folder()})
     */
    public SessionFiles(Supplier<LabState> capture, Consumer<LabState> show, Executor background, Executor uiThread,
                        Path home) {
        this.capture = capture;
        this.show = show;
        this.uiThread = uiThread;
        this.writer = new Serial(background);
        this.reader = new LatestOnlyRunner(background, uiThread);
        this.recentFile = home.resolve(RECENT_FILE);
        this.recovery = new RecoveryFile(home.resolve(RECOVERY_FILE));
        this.saved = capture.get();
        this.autosaved = saved;
        if (Files.exists(recentFile)) {
            try {
                recent.setAll(RecentSessions.read(recentFile));
            } catch (CheckpointException e) {
                // only a list of names: start it again rather than refuse to start
                problem.set(e.getMessage() + " (the recent list starts empty)");
            }
        }
    }

    /** In the app's home folder ({@link AppHome}). */
    public static SessionFiles atAppHome(Supplier<LabState> capture, Consumer<LabState> show, Executor background,
                                         Executor uiThread) {
        return new SessionFiles(capture, show, background, uiThread, AppHome.folder());
    }

    /** The session file open now (absolute), or null before the first save or open. */
    public ReadOnlyObjectProperty<Path> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Newest first, at most {@link RecentSessions#MAX}. */
    public ObservableList<Path> recent() {
        return recentView;
    }

    /** The last problem of background work nobody waits for (an autosave, the recent list), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Path recoveryFile() {
        return recovery.file();
    }

    /** True when the app shows something other than what the current file holds (or, with none, the start). */
    public boolean hasUnsavedChanges() {
        return !capture.get().equals(saved);
    }

    // --- open and save ---

    /**
     * Reads {@code file} in the background, then shows it and makes it the current file; on failure shows nothing,
     * changes nothing and hands the one-line problem to {@code onFailed}. A newer open supersedes an older one.
     */
    public void open(Path file, Runnable onOpened, Consumer<Failure> onFailed) {
        Path target = file.toAbsolutePath().normalize();
        record Read(LabState state, CheckpointException error, boolean missing) {
        }
        reader.submit(() -> {
            try {
                return new Read(LabStateFile.read(target), null, false);
            } catch (CheckpointException e) {
                return new Read(null, e, !Files.exists(target));
            }
        }, r -> {
            if (r.error() != null) {
                boolean dropped = r.missing() && recent.contains(target);
                if (dropped) setRecent(RecentSessions.remove(recent, target));
                onFailed.accept(new Failure(r.error(), dropped));
                return;
            }
            show.accept(r.state());
            nowHolds(target, r.state());
            onOpened.run();
        }, e -> onFailed.accept(new Failure(new CheckpointException(target, "cannot be read ("
                + CheckpointException.firstLine(e) + ")"), false)));
    }

    /**
     * Writes what the app shows now to {@code file} (atomically, in the background), which then becomes the
     * current file. On failure the file on disk is as it was and {@code onFailed} gets the problem.
     */
    public void save(Path file, Runnable onSaved, Consumer<CheckpointException> onFailed) {
        Path target = file.toAbsolutePath().normalize();
        LabState state = capture.get();
        writer.execute(() -> {
            try {
                LabStateFile.write(target, state);
            } catch (CheckpointException e) {
                uiThread.execute(() -> onFailed.accept(e));
                return;
            }
            uiThread.execute(() -> {
                nowHolds(target, state);
                onSaved.run();
            });
        });
    }

    public void clearRecent() {
        setRecent(List.of());
    }

    private void nowHolds(Path file, LabState state) {
        current.set(file);
        saved = state;
        setRecent(RecentSessions.add(recent, file));
        // the work is in the file now; a crash from here on loses nothing the file does not have
        autosaved = state;
        if (ownsRecovery) writer.execute(() -> withRecovery(this::deleteRecovery));
    }

    private void setRecent(List<Path> list) {
        if (list.equals(recent)) return;
        recent.setAll(list);
        List<Path> copy = List.copyOf(list);
        writer.execute(() -> {
            try {
                RecentSessions.write(recentFile, copy);
            } catch (CheckpointException e) {
                report(e.getMessage());
            }
        });
    }

    // --- autosave and recovery ---

    /**
     * At start, before any autosave: claims the recovery file and reads it if there is one. {@code then} gets null
     * when there is nothing to offer (or another app owns the recovery file), else what was found.
     */
    public void findRecovery(Consumer<Recovery> then) {
        ownsRecovery = recovery.claim();
        if (!ownsRecovery || !recovery.exists()) {
            uiThread.execute(() -> then.accept(null));
            return;
        }
        writer.execute(() -> {
            Recovery found;
            try {
                found = new Recovery(recovery.read(), null, null);
            } catch (CheckpointException e) {
                Path aside = null;
                try {
                    aside = recovery.moveAside("bad");
                } catch (IOException x) {
                    ownsRecovery = false; // never autosave over a file nobody has looked at
                }
                found = new Recovery(null, e, aside);
            }
            Recovery f = found;
            uiThread.execute(() -> then.accept(f));
        });
    }

    /** Shows a recovered state; it stays in the recovery file (unsaved) until the next autosave or a save. */
    public void restore(LabState state) {
        show.accept(state);
        autosaved = state;
    }

    /** Deletes the recovery file found at start. */
    public void discardRecovery() {
        if (ownsRecovery) writer.execute(() -> withRecovery(this::deleteRecovery));
    }

    /**
     * At start with a session file to open: a recovery file left by a crash is not offered but renamed to a
     * session file of its own ({@code recovery-kept.albertlab}), so that autosaving never overwrites it.
     * {@code then} gets the new name, or null when there was none (or another app owns the recovery file).
     */
    public void keepRecoveryAside(Consumer<Path> then) {
        ownsRecovery = recovery.claim();
        if (!ownsRecovery || !recovery.exists()) {
            uiThread.execute(() -> then.accept(null));
            return;
        }
        writer.execute(() -> {
            Path kept;
            try {
                kept = recovery.keepAsSession();
            } catch (IOException e) {
                ownsRecovery = false;
                report(recovery.file().getFileName() + ": cannot be renamed (" + CheckpointException.firstLine(e)
                        + "); nothing autosaves over it");
                kept = null;
            }
            Path k = kept;
            uiThread.execute(() -> then.accept(k));
        });
    }

    /**
     * Writes what the app shows to the recovery file in the background, when it differs from what was last
     * autosaved, saved or opened; true when a write was started. Call it on the UI thread (a timer).
     */
    public boolean autosave() {
        if (!ownsRecovery) return false;
        LabState now = capture.get();
        if (now.equals(autosaved)) return false;
        autosaved = now;
        writer.execute(() -> withRecovery(() -> {
            try {
                recovery.write(now);
            } catch (CheckpointException e) {
                // the recovery file keeps the last state that could be written; try again next time
                uiThread.execute(() -> {
                    if (autosaved == now) autosaved = null;
                });
                report(e.getMessage());
            }
        }));
        return true;
    }

    /**
     * A clean quit: waits briefly for saves still being written, then deletes the recovery file (nothing is lost)
     * and lets go of it. No autosave runs afterwards.
     */
    public void quit() {
        writer.awaitIdle(2, TimeUnit.SECONDS);
        synchronized (recoveryLock) {
            closed = true;
            if (ownsRecovery) deleteRecovery();
        }
        recovery.release();
    }

    private void withRecovery(Runnable r) {
        synchronized (recoveryLock) {
            if (!closed) r.run();
        }
    }

    private void deleteRecovery() {
        try {
            recovery.delete();
        } catch (IOException e) {
            report(recovery.file().getFileName() + ": cannot be deleted (" + CheckpointException.firstLine(e) + ")");
        }
    }

    private void report(String message) {
        uiThread.execute(() -> problem.set(message));
    }

    /** Runs tasks on an executor one at a time, in the order given. */
    private static final class Serial implements Executor {
        private final Executor target;
        private final java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
        private boolean running;

        Serial(Executor target) {
            this.target = target;
        }

        @Override
        public void execute(Runnable task) {
            boolean start;
            synchronized (this) {
                tasks.add(task);
                start = !running;
                running = true;
            }
            if (!start) return;
            try {
                target.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the app is closing and its executor is shut down: nothing more runs
                synchronized (this) {
                    tasks.clear();
                    running = false;
                    notifyAll();
                }
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        notifyAll();
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    e.printStackTrace(); // a bug of ours; the next task still runs
                }
            }
        }

        synchronized void awaitIdle(long timeout, TimeUnit unit) {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            try {
                while (running) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return;
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
