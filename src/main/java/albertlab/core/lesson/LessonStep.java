package albertlab.core.lesson;

import albertlab.core.session.LabState;

import java.util.List;
import java.util.Set;

/**
 * One step of a lesson in one language: its text (with placeholders), the whole app state it sets, the control it
 * points at, the controls it uses, an optional question and the teacher's notes.
 *
 * @param highlight a node id ("field-E"), or null
 * @param controls  node ids the step uses; empty when it names none
 * @param question  null when the step asks nothing
 * @param line      the line of the step's heading in its file
 */
public record LessonStep(String title, List<String> paragraphs, LabState state, String highlight,
                         Set<String> controls, Question question, String notes, int line) {

    public LessonStep {
        paragraphs = List.copyOf(paragraphs);
        controls = Set.copyOf(controls);
    }
}
