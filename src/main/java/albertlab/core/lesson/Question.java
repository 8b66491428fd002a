package albertlab.core.lesson;

import java.util.List;

/**
 * A step's question, in one language. A choice question's answer is the index of the right choice; a number
 * question's answer is a number or a placeholder ("{embedding.factorized}") that the live computation fills in,
 * accepted within {@code tolerance} (relative when {@code relative}).
 *
 * @param choices  empty for a number question
 * @param answer   the right choice's index (0-based) as text, or the number question's expression
 */
public record Question(Kind kind, String prompt, List<String> choices, String answer, double tolerance,
                       boolean relative, String hint, String right, String wrong) {

    public enum Kind { CHOICE, NUMBER }

    public Question {
        choices = List.copyOf(choices);
    }

    /** The right choice, 0-based (choice questions only). */
    public int rightChoice() {
        return Integer.parseInt(answer);
    }
}
