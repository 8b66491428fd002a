package albertlab.viewmodel.live;

import albertlab.core.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Softmax and top-k over logits, in double precision. */
public final class Probabilities {

    private Probabilities() {
    }

    /** softmax(x)_i = exp(x_i − max x) / Σ_j exp(x_j − max x). */
    public static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) out[i] /= sum;
        return out;
    }

    /** The k most probable ids under softmax(logits), most probable first, decoded by the tokenizer. */
    public static List<Prediction> topK(float[] logits, int k, Tokenizer tokenizer) {
        double[] p = softmax(logits);
        PriorityQueue<Integer> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(p[a], p[b]));
        for (int i = 0; i < p.length; i++) {
            best.add(i);
            if (best.size() > k) best.poll();
        }
        List<Prediction> out = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            int id = best.poll();
            out.add(0, new Prediction(tokenizer.idToToken(id), id, p[id]));
        }
        return out;
    }
}
