package albertlab.core.io;

import java.nio.file.Path;

/**
 * A file that cannot be used as a model, a tokenizer or a config. The message is one line that names the file
 * and the problem, ready to show a user as it is.
 */
public class CheckpointException extends Exception {

    private final transient Path file;

    public CheckpointException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
