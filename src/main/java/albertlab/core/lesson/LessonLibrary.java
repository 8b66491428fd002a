package albertlab.core.lesson;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lessons of a folder ({@code lessons/} of the app, or a teacher's): every {@code *.md} but README.md, by file
 * name. A broken file becomes a problem in the list; every other lesson still loads.
 */
public final class LessonLibrary {

    /** @param lessons each lesson in both languages ("en", "zh"), in file-name order */
    public record Loaded(List<Map<String, Lesson>> lessons, List<LessonProblem> problems) {
        public Loaded {
            lessons = List.copyOf(lessons);
            problems = List.copyOf(problems);
        }
    }

    private LessonLibrary() {
    }

    public static Loaded load(Path folder, Set<String> pageIds) {
        List<Map<String, Lesson>> lessons = new ArrayList<>();
        List<LessonProblem> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*" + LessonFile.EXTENSION)) {
            for (Path p : dir) {
                if (!p.getFileName().toString().equalsIgnoreCase("README.md") && Files.isRegularFile(p)) files.add(p);
            }
        } catch (IOException e) {
            problems.add(new LessonProblem(folder, 0, "cannot be read as a folder of lessons ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
        files.sort(null);
        for (Path p : files) {
            try {
                lessons.add(LessonFile.read(p, pageIds));
            } catch (LessonProblem e) {
                problems.add(e);
            }
        }
        return new Loaded(lessons, problems);
    }
}
