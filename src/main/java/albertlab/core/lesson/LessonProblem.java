package albertlab.core.lesson;

import java.nio.file.Path;

/** A lesson file that cannot be used: the file, the line (1-based; 0 for the file as a whole) and what is wrong. */
public final class LessonProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String problem;

    public LessonProblem(Path file, int line, String problem) {
        super(file.getFileName() + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
