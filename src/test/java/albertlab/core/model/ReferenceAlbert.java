package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.ops.ReferenceErf;
import org.ejml.data.FMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/**
 * TEST ONLY: the forward pass written as plainly as possible, in double, straight from the golden README: no
 * packing, no kernels, no LayerSchedule (the slots come from Hugging Face's group formula written out here).
 */
final class ReferenceAlbert {

    /** Per application: input states [t], output states [t+1], attentions [t] as [A][S][S]. */
    record Result(double[][] embedding, List<double[][]> states, List<double[][][]> attentions, double[] pooled,
                  double[][] mlm, double[] sop) {
    }

    private ReferenceAlbert() {
    }

    static Result forward(AlbertWeights w, int[] ids, int[] types, int[] mask) {
        AlbertConfig c = w.config();
        int s = ids.length;
        int e = c.embeddingSize();
        double[][] emb = new double[s][e];
        for (int t = 0; t < s; t++) {
            for (int i = 0; i < e; i++) {
                emb[t][i] = (double) w.embeddings().word().get(ids[t], i) + w.embeddings().tokenType().get(types[t], i)
                        + w.embeddings().position().get(t, i);
            }
        }
        emb = layerNorm(emb, w.embeddings().layerNorm(), c.layerNormEps());
        double[][] h = w.projection() == null ? emb : linear(emb, w.projection());
        List<double[][]> states = new ArrayList<>();
        List<double[][][]> attentions = new ArrayList<>();
        states.add(h);
        int layers = c.numHiddenLayers();
        int inner = c.innerGroupNum();
        int groups = c.sharingMode() == SharingMode.NOT_SHARED ? layers : c.numHiddenGroups();
        for (int i = 0; i < layers; i++) {
            int g = i / (layers / groups); // HF: group_idx = int(i / (num_hidden_layers / num_hidden_groups))
            for (int j = 0; j < inner; j++) {
                int attSlot = c.sharingMode().attentionShared() ? g * inner + j : i * inner + j;
                int ffnSlot = c.sharingMode().ffnShared() ? g * inner + j : i * inner + j;
                double[][][] probs = new double[c.numAttentionHeads()][][];
                h = layer(c, w.attention().get(attSlot), w.ffn().get(ffnSlot), h, mask, probs);
                states.add(h);
                attentions.add(probs);
            }
        }
        double[] pooled = linear(new double[][]{h[0]}, w.pooler())[0];
        for (int i = 0; i < pooled.length; i++) pooled[i] = Math.tanh(pooled[i]);
        double[][] mlm = null;
        if (w.mlmHead() != null) {
            double[][] x = linear(h, w.mlmHead().dense());
            for (double[] row : x) for (int i = 0; i < row.length; i++) row[i] = act(c, row[i]);
            x = layerNorm(x, w.mlmHead().layerNorm(), c.layerNormEps());
            mlm = linear(x, new AlbertWeights.Linear(w.embeddings().word(), w.mlmHead().bias()));
        }
        double[] sop = w.sopClassifier() == null ? null : linear(new double[][]{pooled}, w.sopClassifier())[0];
        return new Result(emb, states, attentions, pooled, mlm, sop);
    }

    private static double[][] layer(AlbertConfig c, AlbertWeights.Attention att, AlbertWeights.Ffn ffn,
                                    double[][] x, int[] mask, double[][][] probsOut) {
        int s = x.length;
        int hidden = c.hiddenSize();
        int heads = c.numAttentionHeads();
        int d = hidden / heads;
        double[][] q = linear(x, att.query());
        double[][] k = linear(x, att.key());
        double[][] v = linear(x, att.value());
        double[][] context = new double[s][hidden];
        for (int n = 0; n < heads; n++) {
            probsOut[n] = new double[s][s];
            for (int i = 0; i < s; i++) {
                double[] p = probsOut[n][i];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < s; j++) {
                    double dot = 0;
                    for (int f = n * d; f < (n + 1) * d; f++) dot += q[i][f] * k[j][f];
                    p[j] = dot / Math.sqrt(d) + (1 - mask[j]) * (double) -Float.MAX_VALUE;
                    max = Math.max(max, p[j]);
                }
                double total = 0;
                for (int j = 0; j < s; j++) total += p[j] = Math.exp(p[j] - max);
                for (int j = 0; j < s; j++) p[j] /= total;
                for (int f = n * d; f < (n + 1) * d; f++) {
                    for (int j = 0; j < s; j++) context[i][f] += p[j] * v[j][f];
                }
            }
        }
        double[][] a = add(x, linear(context, att.dense()));
        a = layerNorm(a, att.layerNorm(), c.layerNormEps());
        double[][] f = linear(a, ffn.in());
        for (double[] row : f) for (int i = 0; i < row.length; i++) row[i] = act(c, row[i]);
        f = linear(f, ffn.out());
        return layerNorm(add(f, a), ffn.layerNorm(), c.layerNormEps());
    }

    static double act(AlbertConfig c, double x) {
        return switch (c.hiddenAct()) {
            case GELU_NEW -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
            case GELU -> 0.5 * x * (1 + ReferenceErf.erf(x / Math.sqrt(2)));
            case RELU -> Math.max(0, x);
        };
    }

    /** y = x Wᵀ + b with W [out][in]. */
    static double[][] linear(double[][] x, AlbertWeights.Linear l) {
        FMatrixRMaj w = l.weight();
        double[][] y = new double[x.length][w.numRows];
        for (int t = 0; t < x.length; t++) {
            for (int o = 0; o < w.numRows; o++) {
                double sum = l.bias()[o];
                for (int i = 0; i < w.numCols; i++) sum += x[t][i] * w.get(o, i);
                y[t][o] = sum;
            }
        }
        return y;
    }

    static double[][] layerNorm(double[][] x, AlbertWeights.Norm norm, double eps) {
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            int n = x[t].length;
            double mean = 0;
            for (double v : x[t]) mean += v;
            mean /= n;
            double var = 0;
            for (double v : x[t]) var += (v - mean) * (v - mean);
            var /= n;
            y[t] = new double[n];
            for (int i = 0; i < n; i++) y[t][i] = (x[t][i] - mean) / Math.sqrt(var + eps) * norm.gamma()[i] + norm.beta()[i];
        }
        return y;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] y = new double[a.length][a[0].length];
        for (int t = 0; t < a.length; t++) for (int i = 0; i < a[t].length; i++) y[t][i] = a[t][i] + b[t][i];
        return y;
    }
}
