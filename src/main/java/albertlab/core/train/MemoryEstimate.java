package albertlab.core.train;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.PretrainingPass;
import albertlab.core.params.HeadSelection;
import albertlab.core.params.ParameterCounter;

import java.util.Locale;

/**
 * The memory a run needs before it starts, by kind, in bytes: weights, gradients and optimizer moments, the
 * packed copies a step makes of the weights, the activations kept for the backward pass, and the MLM logits.
 */
public record MemoryEstimate(long weights, long gradients, long optimizer, long packed, long activations,
                             long logits, long corpus) {

    public static MemoryEstimate of(AlbertConfig config, TrainingSettings settings, long corpusTokens) {
        long params = ParameterCounter.count(config, HeadSelection.BOTH, settings.maxSeqLength()).total();
        long moments = settings.optimizer() == OptimizerKind.SGD ? 0 : 2 * params;
        long activations = PretrainingPass.activationFloats(config, 0, settings.batchSize(), settings.maxSeqLength());
        long targets = (long) settings.batchSize() * settings.maxPredictions();
        // the logits [M][V] and the decoder's transposed gradient [V][M]
        long logits = 2 * targets * config.vocabSize();
        // ids, plus an int[] header of ~16 bytes per line of ~12 tokens
        long corpus = corpusTokens * 4 + corpusTokens / 12 * 16;
        return new MemoryEstimate(4 * params, 4 * params, 4 * moments, 8 * params, 4 * activations, 4 * logits,
                corpus);
    }

    public long total() {
        return weights + gradients + optimizer + packed + activations + logits + corpus;
    }

    /** "1.2 GB (activations 0.9 GB, weights 40 MB, ...)". */
    public String describe() {
        return size(total()) + " (activations " + size(activations) + ", weights " + size(weights) + ", gradients "
                + size(gradients) + ", optimizer " + size(optimizer) + ", packed copies " + size(packed)
                + ", MLM logits " + size(logits) + ", corpus " + size(corpus) + ")";
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }

    /** Refuses a run that would not fit in {@code available} bytes (the JVM's maximum heap, with headroom). */
    public void requireFits(long available) throws TrainingException {
        if (total() > available * 0.85) {
            throw new TrainingException("this run needs about " + describe() + ", more than the " + size(available)
                    + " this Java process may use: make --batch-size, --max-seq-length or the model smaller (or "
                    + "start Java with a larger -Xmx)");
        }
    }
}
