package albertlab.core.train;

import albertlab.core.io.CheckpointLayout;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.Tensor;
import albertlab.core.model.WeightArrays;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The weights being trained and their gradients, side by side under their checkpoint names. The arrays are the
 * weights' own: an optimizer that updates {@link Parameter#value()} updates the model.
 */
public final class TrainableParameters {

    /**
     * @param decays false for biases and LayerNorm weights, which BERT's and ALBERT's optimizers exclude from
     *               weight decay (and LAMB from its layer-wise trust ratio)
     */
    public record Parameter(String name, float[] value, float[] gradient, boolean decays) {
    }

    private final AlbertWeights weights;
    private final AlbertWeights gradients;
    private final List<Parameter> parameters;

    public TrainableParameters(AlbertWeights weights) {
        this.weights = weights;
        this.gradients = WeightArrays.zerosLike(weights);
        List<Tensor> w = CheckpointLayout.toTensors(weights);
        List<Tensor> g = CheckpointLayout.toTensors(gradients);
        Set<float[]> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.addAll(WeightArrays.of(weights));
        List<Parameter> out = new ArrayList<>(w.size());
        for (int i = 0; i < w.size(); i++) {
            String name = w.get(i).name();
            // the optimizer must update the model's own arrays, not a copy made for saving
            if (!own.contains(w.get(i).data())) throw new IllegalStateException(name + " is not stored in place");
            out.add(new Parameter(name, w.get(i).data(), g.get(i).data(), decays(name)));
        }
        this.parameters = List.copyOf(out);
    }

    static boolean decays(String name) {
        return !(name.endsWith(".bias") || name.endsWith("LayerNorm.weight") || name.endsWith("layer_norm.weight"));
    }

    public AlbertWeights weights() {
        return weights;
    }

    public AlbertWeights gradients() {
        return gradients;
    }

    public List<Parameter> list() {
        return parameters;
    }

    public void clearGradients() {
        WeightArrays.clear(gradients);
    }

    /** √(Σ g²) over every gradient, in double precision. */
    public double gradientNorm() {
        double sum = 0;
        for (Parameter p : parameters) for (float x : p.gradient()) sum += (double) x * x;
        return Math.sqrt(sum);
    }

    /** Multiplies every gradient by {@code factor}. */
    public void scaleGradients(float factor) {
        for (Parameter p : parameters) {
            float[] g = p.gradient();
            for (int i = 0; i < g.length; i++) g[i] *= factor;
        }
    }

    public long count() {
        long n = 0;
        for (Parameter p : parameters) n += p.value().length;
        return n;
    }
}
