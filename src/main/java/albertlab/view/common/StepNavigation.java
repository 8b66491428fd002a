package albertlab.view.common;

import javafx.beans.value.ObservableValue;

import java.util.Set;

/**
 * The open lesson as presenter mode and a clicker see it: forward, back, the current step's notes for the teacher,
 * the next step's text, and the controls the current step uses. The lesson panel provides it while a lesson is
 * open; without a lesson, presenter mode moves between pages instead.
 */
public interface StepNavigation {

    /** The next step; false (and nothing changes) at the last one. */
    boolean next();

    /** The previous step; false at the first one. */
    boolean back();

    /** "Step 3 of 7 · title", in the UI language. */
    ObservableValue<String> position();

    /** The teacher's notes of the current step (may be empty), in the UI language. */
    ObservableValue<String> notes();

    /** The next step's title and text, or an empty string at the last step. */
    ObservableValue<String> nextStep();

    /**
     * Node ids of the controls the current step uses (its highlight among them), or an empty set when the step
     * names none (then nothing is hidden).
     */
    ObservableValue<Set<String>> controlsUsed();
}
