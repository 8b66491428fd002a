package albertlab.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the small text files the app opens (config.json, session files), with one-line errors. */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * The whole file as strict UTF-8 text.
     *
     * @param maxBytes a size no real file of this kind reaches, so a wrong file is refused before it is read
     * @param kind     what the file should be, for the message ("a config", "a session")
     */
    public static String readUtf8(Path file, long maxBytes, String kind) throws CheckpointException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) throw new CheckpointException(file, "is " + size + " bytes, too large to be " + kind);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, "file not found");
        } catch (AccessDeniedException e) {
            throw new CheckpointException(file, "permission denied");
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read (" + CheckpointException.firstLine(e) + ")", e);
        }
        return StrictJson.utf8(file, bytes, 0, bytes.length, "the file");
    }
}
