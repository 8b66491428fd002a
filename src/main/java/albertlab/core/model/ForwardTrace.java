package albertlab.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one forward pass shows a student. S tokens, E embedding size, H hidden size, A heads, V vocabulary;
 * n = number of layer applications (L × inner, plus any repeats).
 *
 * @param input            the ids, type ids and mask the pass ran on
 * @param schedule         which weights each application used (same length n as attentions)
 * @param embeddingOutput  [S][E] word + position + type embeddings after LayerNorm, before the E→H projection
 * @param hiddenStates     n + 1 entries of [S][H]: [0] after the projection, [t+1] after application t
 * @param attentions       n entries of [A][S][S]: softmax probabilities, row = query, column = key; empty when
 *                         {@link ForwardOptions#keepAttentions()} is off
 * @param layerSummaries   n entries: input [t] versus output [t+1] of application t
 * @param pooledOutput     [H] tanh(pooler(h_last[0])), or null when the model has no pooler
 * @param mlmLogits        [S][V], or null when the model has no MLM head or {@link ForwardOptions#computeMlm()}
 *                         is off; when {@link ForwardOptions#mlmRows()} names rows, the other rows are null
 * @param sopLogits        [2], or null when the model has no SOP head
 * @param millis           wall time of the forward pass
 */
public record ForwardTrace(
        ModelInput input,
        List<LayerSchedule.Application> schedule,
        float[][] embeddingOutput,
        List<float[][]> hiddenStates,
        List<float[][][]> attentions,
        List<LayerSummary> layerSummaries,
        float[] pooledOutput,
        float[][] mlmLogits,
        float[] sopLogits,
        double millis) {

    public int applications() {
        return schedule.size();
    }

    /**
     * Hugging Face's older {@code hidden_states}: [0], then the state after each outer layer (after all its inner
     * AlbertLayers). Equals {@link #hiddenStates()} when inner_group_num = 1.
     */
    public List<float[][]> hiddenStatesPerOuterLayer() {
        List<float[][]> out = new ArrayList<>();
        out.add(hiddenStates.get(0));
        for (int t = 0; t < schedule.size(); t++) {
            boolean lastOfLayer = t + 1 == schedule.size() || schedule.get(t + 1).layer() != schedule.get(t).layer();
            if (lastOfLayer) out.add(hiddenStates.get(t + 1));
        }
        return List.copyOf(out);
    }

    /**
     * [n+1][n+1] mean over real tokens of cos(h_a[t], h_b[t]) for every pair of hidden states a, b:
     * how alike the states are from one application of the layer to any other.
     */
    public double[][] hiddenStateCosineMatrix() {
        int n = hiddenStates.size();
        int[] mask = input.mask();
        double[][] out = new double[n][n];
        for (int a = 0; a < n; a++) {
            out[a][a] = 1.0;
            for (int b = a + 1; b < n; b++) {
                double sum = 0;
                int real = 0;
                float[][] x = hiddenStates.get(a);
                float[][] y = hiddenStates.get(b);
                for (int t = 0; t < mask.length; t++) {
                    if (mask[t] == 0) continue;
                    sum += cosine(x[t], y[t]);
                    real++;
                }
                out[a][b] = out[b][a] = real == 0 ? Double.NaN : sum / real;
            }
        }
        return out;
    }

    /** cos of the angle between two vectors, in double precision; 0 when either is all zeros. */
    public static double cosine(float[] x, float[] y) {
        double dot = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            dot += (double) x[i] * y[i];
            xx += (double) x[i] * x[i];
            yy += (double) y[i] * y[i];
        }
        double norm = Math.sqrt(xx * yy);
        return norm == 0 ? 0 : dot / norm;
    }
}
