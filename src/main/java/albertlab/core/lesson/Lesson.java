package albertlab.core.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * A lesson in one language, ready to drive the app.
 *
 * @param name    the file name without ".md" ("03-cross-layer-sharing"): what progress and sessions remember
 * @param minutes how long it takes in class, as its author estimates
 */
public record Lesson(Path file, String name, String language, String title, String summary, int minutes,
                     List<LessonStep> steps) {

    public Lesson {
        steps = List.copyOf(steps);
    }

    public int questions() {
        return (int) steps.stream().filter(s -> s.question() != null).count();
    }
}
