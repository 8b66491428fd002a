package albertlab.core.train;

import albertlab.core.model.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AdamW and LAMB: both keep bias-corrected first and second moments, m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², and
 * form the update r = m̂ / (√v̂ + ε) + λw (λ only for weights that decay). AdamW steps w ← w − lr·r. LAMB scales
 * each tensor's step by its trust ratio ‖w‖ / ‖r‖ (1 where either norm is 0, and for biases and LayerNorm
 * weights, which ALBERT's LAMB also leaves out of the layer adaptation).
 */
final class AdamMoments implements Optimizer {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-6;

    private final List<TrainableParameters.Parameter> parameters;
    private final float[][] m;
    private final float[][] v;
    private final double weightDecay;
    private final boolean layerAdaptive;

    AdamMoments(TrainableParameters parameters, double weightDecay, boolean layerAdaptive) {
        this.parameters = parameters.list();
        this.weightDecay = weightDecay;
        this.layerAdaptive = layerAdaptive;
        m = new float[this.parameters.size()][];
        v = new float[this.parameters.size()][];
        for (int k = 0; k < m.length; k++) {
            m[k] = new float[this.parameters.get(k).value().length];
            v[k] = new float[m[k].length];
        }
    }

    @Override
    public void step(TrainableParameters ignored, double lr, long step) {
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        for (int k = 0; k < m.length; k++) {
            TrainableParameters.Parameter p = parameters.get(k);
            float[] w = p.value();
            float[] g = p.gradient();
            float[] mk = m[k];
            float[] vk = v[k];
            float decay = p.decays() ? (float) weightDecay : 0f;
            float b1 = (float) BETA1;
            float b2 = (float) BETA2;
            float inv1 = (float) (1 / c1);
            float inv2 = (float) (1 / c2);
            float eps = (float) EPSILON;
            // the update r goes into g (the gradient is not needed after this step)
            double wNorm = 0;
            double rNorm = 0;
            for (int i = 0; i < w.length; i++) {
                mk[i] = b1 * mk[i] + (1 - b1) * g[i];
                vk[i] = b2 * vk[i] + (1 - b2) * g[i] * g[i];
                float r = (mk[i] * inv1) / ((float) Math.sqrt(vk[i] * inv2) + eps) + decay * w[i];
                g[i] = r;
                wNorm += (double) w[i] * w[i];
                rNorm += (double) r * r;
            }
            double ratio = 1;
            if (layerAdaptive && p.decays() && wNorm > 0 && rNorm > 0) ratio = Math.sqrt(wNorm) / Math.sqrt(rNorm);
            float rate = (float) (lr * ratio);
            for (int i = 0; i < w.length; i++) w[i] -= rate * g[i];
        }
    }

    @Override
    public List<Tensor> state() {
        List<Tensor> out = new ArrayList<>();
        for (int k = 0; k < m.length; k++) {
            String name = parameters.get(k).name();
            out.add(new Tensor("m." + name, new int[]{m[k].length}, m[k]));
            out.add(new Tensor("v." + name, new int[]{v[k].length}, v[k]));
        }
        return out;
    }

    @Override
    public void restore(Map<String, Tensor> state) {
        for (int k = 0; k < m.length; k++) {
            String name = parameters.get(k).name();
            copy(state, "m." + name, m[k]);
            copy(state, "v." + name, v[k]);
        }
    }

    private static void copy(Map<String, Tensor> state, String key, float[] into) {
        Tensor t = state.get(key);
        if (t == null) throw new IllegalArgumentException("optimizer state has no " + key);
        if (t.data().length != into.length) {
            throw new IllegalArgumentException("optimizer state " + key + " has " + t.data().length + " values, the "
                    + "model needs " + into.length);
        }
        System.arraycopy(t.data(), 0, into, 0, into.length);
    }
}
