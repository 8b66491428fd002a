package albertlab.core.train;

import java.nio.file.Path;

/** Hears what a run does, on the training thread: keep it short, or hand the work to another thread. */
public interface TrainingListener {

    default void onStep(TrainingProgress progress) {
    }

    default void onEvaluation(HeldOutScore score) {
    }

    default void onSaved(long step, Path folder) {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
