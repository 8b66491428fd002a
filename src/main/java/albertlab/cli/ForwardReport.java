package albertlab.cli;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.ForwardTrace;
import albertlab.core.tokenizer.Tokenizer;

import java.util.List;

/**
 * What {@code forward} prints: one pass of a model plus how it was run.
 *
 * @param tokens    the pieces the ids stand for, or null when there is no tokenizer to name them
 * @param tokenizer names the MLM's top predictions; null without one
 * @param millis    median wall time of one forward pass over {@code runs} runs
 * @param kernel    the matrix kernel the pass ran on, with the reason when it is the slow fallback
 */
record ForwardReport(String model, AlbertConfig config, Tokenizer tokenizer, List<String> tokens, boolean truncated,
                     ForwardTrace trace, double millis, int runs, List<String> warnings, String kernel) {

    /** The piece for an id, or "#id" without a tokenizer. */
    String piece(int id) {
        if (tokenizer == null) return "#" + id;
        String piece = tokenizer.idToToken(id);
        return piece == null ? "#" + id : piece;
    }

    /** [S] index of the largest MLM logit at each position; null without an MLM head. */
    int[] mlmArgmax() {
        float[][] logits = trace.mlmLogits();
        if (logits == null) return null;
        int[] out = new int[logits.length];
        for (int t = 0; t < logits.length; t++) {
            int best = 0;
            for (int v = 1; v < logits[t].length; v++) if (logits[t][v] > logits[t][best]) best = v;
            out[t] = best;
        }
        return out;
    }

    double pooledNorm() {
        double sum = 0;
        for (float x : trace.pooledOutput()) sum += (double) x * x;
        return Math.sqrt(sum);
    }
}
