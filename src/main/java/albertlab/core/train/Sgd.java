package albertlab.core.train;

import albertlab.core.model.Tensor;

import java.util.List;
import java.util.Map;

/** Plain gradient descent: w ← w − lr·∇w, nothing else (the golden step is defined this way). */
final class Sgd implements Optimizer {

    @Override
    public void step(TrainableParameters parameters, double lr, long step) {
        float rate = (float) lr;
        for (TrainableParameters.Parameter p : parameters.list()) {
            float[] w = p.value();
            float[] g = p.gradient();
            for (int i = 0; i < w.length; i++) w[i] -= rate * g[i];
        }
    }

    @Override
    public List<Tensor> state() {
        return List.of();
    }

    @Override
    public void restore(Map<String, Tensor> state) {
        // no state
    }
}
