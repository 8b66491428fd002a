package albertlab.core.io;

import java.nio.file.Path;

/**
 * A file that cannot be used as a model, a tokenizer or a config. The message is one line that names the file
 * and the problem, ready to show a user as it is.
 */
public class CheckpointException extends Exception {

    private final transient Path file;

    private final String problem;

    public CheckpointException(Path file, String problem) {
        super(oneLine(file, problem));
        this.problem = problem;
        this.file = file;
    }

    public CheckpointException(Path file, String problem, Throwable cause) {
        super(oneLine(file, problem), cause);
        this.problem = problem;
        this.file = file;
    }

    /** What is wrong, without the file's name. */
    public String problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    /** The first line of a library's message (Gson appends a "See https://..." line), never null. */
    public static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    // a caller's problem text may quote file content; a user must still see exactly one line
    private static String oneLine(Path file, String problem) {
        Path name = file == null ? null : file.getFileName();
        String text = problem == null ? "unknown problem" : problem.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
        return (name == null ? String.valueOf(file) : name.toString()) + ": " + text;
    }
}
