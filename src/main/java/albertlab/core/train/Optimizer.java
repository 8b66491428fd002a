package albertlab.core.train;

import albertlab.core.model.Tensor;

import java.util.List;
import java.util.Map;

/** Updates the parameters from their gradients, one step at a time. */
public interface Optimizer {

    /** One update with learning rate {@code lr}; {@code step} counts from 1. */
    void step(TrainableParameters parameters, double lr, long step);

    /** The state to save for a resume (moments), as named tensors; empty for SGD. */
    List<Tensor> state();

    /** Restores {@link #state()}; a missing or misshaped tensor is an IllegalArgumentException naming it. */
    void restore(Map<String, Tensor> state);

    static Optimizer create(OptimizerKind kind, TrainableParameters parameters, double weightDecay) {
        return switch (kind) {
            case SGD -> new Sgd();
            case ADAMW -> new AdamMoments(parameters, weightDecay, false);
            case LAMB -> new AdamMoments(parameters, weightDecay, true);
        };
    }
}
