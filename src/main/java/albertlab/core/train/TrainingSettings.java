package albertlab.core.train;

/**
 * How a run trains: what {@code train} takes on the command line and writes to {@code training.json}.
 *
 * @param steps            optimizer steps; 0 when the run is bounded by {@code minutes} instead
 * @param minutes          wall-clock budget; 0 when bounded by steps
 * @param warmup           linear warm-up steps
 * @param clipNorm         clip the global gradient norm to this; 0 = off (always off for SGD)
 * @param maxPredictions   masked-LM targets per sequence at most
 * @param evalEvery        held-out evaluation every this many steps; 0 = never
 * @param saveEveryMinutes checkpoint every this many minutes; 0 = only at the end
 */
public record TrainingSettings(int batchSize, int maxSeqLength, long steps, double minutes, double learningRate,
                               long warmup, OptimizerKind optimizer, double weightDecay, double clipNorm,
                               MaskingStrategy masking, long seed, int threads, long evalEvery,
                               double saveEveryMinutes, int maxPredictions) {

    public TrainingSettings {
        if (batchSize < 1) throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        if (maxSeqLength < 5) throw new IllegalArgumentException("--max-seq-length must be at least 5, got " + maxSeqLength);
        if (steps < 0 || minutes < 0 || (steps == 0) == (minutes == 0)) {
            throw new IllegalArgumentException("give either --steps N or --minutes M (a positive number)");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("--learning-rate must be a positive number, got " + learningRate);
        }
        if (warmup < 0) throw new IllegalArgumentException("--warmup must be 0 or more steps, got " + warmup);
        if (weightDecay < 0 || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("--weight-decay must be 0 or more, got " + weightDecay);
        }
        if (clipNorm < 0 || !Double.isFinite(clipNorm)) throw new IllegalArgumentException("clip norm must be >= 0");
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        if (evalEvery < 0) throw new IllegalArgumentException("--eval-every must be 0 or more steps");
        if (saveEveryMinutes < 0) throw new IllegalArgumentException("--save-every must be 0 or more minutes");
        if (maxPredictions < 1) throw new IllegalArgumentException("max predictions must be at least 1");
        if (optimizer == OptimizerKind.SGD) clipNorm = 0; // SGD is exact: w ← w − lr·∇w, nothing else
    }

    /** BERT's 20 targets for 128 tokens, scaled: round(0.15 × S) + 1. */
    public static int defaultMaxPredictions(int maxSeqLength) {
        return (int) Math.round(MlmMasking.MASKED_FRACTION * maxSeqLength) + 1;
    }

    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(learningRate, warmup, steps);
    }
}
