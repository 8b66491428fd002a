package albertlab.core.model;

import albertlab.core.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Softmax and top-k over one row of logits, in double precision. */
public final class TokenProbabilities {

    private TokenProbabilities() {
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

    /** The ids of the k largest values, largest first (ties: the smaller id first). */
    public static int[] topIds(double[] p, int k) {
        PriorityQueue<Integer> best = new PriorityQueue<>(k + 1,
                (a, b) -> p[a] != p[b] ? Double.compare(p[a], p[b]) : Integer.compare(b, a));
        for (int i = 0; i < p.length; i++) {
            best.add(i);
            if (best.size() > k) best.poll();
        }
        int[] out = new int[best.size()];
        for (int i = out.length - 1; i >= 0; i--) out[i] = best.poll();
        return out;
    }

    /** The k most probable pieces under softmax(logits), most probable first. */
    public static List<TokenGuess> topK(float[] logits, int k, Tokenizer tokenizer) {
        double[] p = softmax(logits);
        List<TokenGuess> out = new ArrayList<>(k);
        for (int id : topIds(p, k)) out.add(new TokenGuess(tokenizer.idToToken(id), id, p[id]));
        return out;
    }
}
