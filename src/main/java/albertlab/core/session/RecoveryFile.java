package albertlab.core.session;

import albertlab.core.io.CheckpointException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The autosave file ({@code recovery.albertlab}): the last state of a session, written while the app runs and
 * deleted when it quits cleanly, so that one found at start-up means the app did not quit cleanly.
 * <p>
 * Only one running app may own it: a second window opened by a double-click would otherwise overwrite the first
 * one's recovery file and delete it when it quits. {@link #claim} takes a lock on a file beside it, held until
 * {@link #release} or the end of the process (the system drops the lock of a crashed process too).
 */
public final class RecoveryFile {

    private final Path file;
    private FileChannel lockChannel;
    private FileLock lock;

    public RecoveryFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** True when this process now owns the recovery file (or already did); false when another app holds it. */
    public synchronized boolean claim() {
        if (lock != null) return true;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // another owner in this same process (tests)
            }
            if (l == null) {
                channel.close();
                return false;
            }
            lockChannel = channel;
            lock = l;
            return true;
        } catch (IOException e) {
            // a read-only home folder: no recovery file at all rather than one shared by accident
            return false;
        }
    }

    public synchronized void release() {
        try {
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException ignored) {
            // the process ends soon; the system drops the lock then
        }
        lock = null;
        lockChannel = null;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    public LabState read() throws CheckpointException {
        return LabStateFile.read(file);
    }

    public void write(LabState state) throws CheckpointException {
        LabStateFile.write(file, state);
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Renames the recovery file to the first free name of {@code recovery.albertlab.bad},
     * {@code recovery.albertlab.2.bad}, ... ({@code suffix} "bad"), so it is kept for a look and never read again.
     *
     * @return the new path
     */
    public Path moveAside(String suffix) throws IOException {
        String name = file.getFileName().toString();
        for (int n = 1; ; n++) {
            Path aside = file.resolveSibling(n == 1 ? name + "." + suffix : name + "." + n + "." + suffix);
            if (Files.exists(aside)) continue;
            return Files.move(file, aside);
        }
    }

    /**
     * Renames the recovery file to the first free name of {@code recovery-kept.albertlab},
     * {@code recovery-kept-2.albertlab}, ...: still a session file, which File › Open reads.
     */
    public Path keepAsSession() throws IOException {
        String name = file.getFileName().toString();
        String stem = name.endsWith(LabStateFile.EXTENSION)
                ? name.substring(0, name.length() - LabStateFile.EXTENSION.length()) : name;
        for (int n = 1; ; n++) {
            Path kept = file.resolveSibling(stem + "-kept" + (n == 1 ? "" : "-" + n) + LabStateFile.EXTENSION);
            if (Files.exists(kept)) continue;
            return Files.move(file, kept);
        }
    }

    private Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }
}
