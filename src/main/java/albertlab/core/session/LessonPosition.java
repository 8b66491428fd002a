package albertlab.core.session;

/**
 * Where in a lesson a session is: the lesson's file name without its extension ("03-cross-layer-sharing") and the
 * step, 1-based as on screen.
 */
public record LessonPosition(String lesson, int step) {

    public LessonPosition {
        if (lesson == null || lesson.isBlank() || lesson.contains("/") || lesson.contains("\\")) {
            throw new IllegalArgumentException("lesson must be a lesson's name, got \"" + lesson + "\"");
        }
        if (step < 1) throw new IllegalArgumentException("step must be 1 or more, got " + step);
    }
}
