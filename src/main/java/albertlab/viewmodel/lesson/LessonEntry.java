package albertlab.viewmodel.lesson;

import albertlab.core.lesson.Lesson;
import albertlab.core.lesson.LessonProgress;

import java.util.Map;

/** A lesson in the list: both languages, and how far the student got. */
public record LessonEntry(Map<String, Lesson> languages, LessonProgress.Entry progress) {

    public Lesson in(String language) {
        return languages.get(language);
    }

    public String name() {
        return languages.get("en").name();
    }

    public int steps() {
        return languages.get("en").steps().size();
    }
}
