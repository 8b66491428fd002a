package albertlab.core.train;

import albertlab.core.tokenizer.Tokenizer;

/**
 * What a run trains and is scored on: the training batches of a corpus (batch i depends only on the seed and i)
 * and, when a held-out corpus is given, {@link #HELD_OUT_BATCHES} fixed batches of it drawn with seed + 1.
 * The command line and the Training page build their runs through this, so both see the same batches.
 */
public record PretrainingData(PretrainingBatches batches, HeldOutEvaluation heldOut) {

    public static final int HELD_OUT_BATCHES = 8;

    /** @param heldOutCorpus null for a run without held-out scores */
    public static PretrainingData of(TrainingCorpus corpus, TrainingCorpus heldOutCorpus, Tokenizer tokenizer,
                                     TrainingSettings settings) {
        return of(corpus, heldOutCorpus, tokenizer, settings, HELD_OUT_BATCHES);
    }

    public static PretrainingData of(TrainingCorpus corpus, TrainingCorpus heldOutCorpus, Tokenizer tokenizer,
                                     TrainingSettings settings, int heldOutBatches) {
        SpecialTokens specials = SpecialTokens.of(tokenizer);
        MlmMasking masking = new MlmMasking(settings.masking(), specials, settings.maxPredictions());
        PretrainingBatches batches = new PretrainingBatches(corpus, specials, masking, settings.batchSize(),
                settings.maxSeqLength(), settings.seed());
        HeldOutEvaluation heldOut = heldOutCorpus == null ? null : new HeldOutEvaluation(new PretrainingBatches(
                heldOutCorpus, specials, masking, settings.batchSize(), settings.maxSeqLength(), settings.seed() + 1),
                heldOutBatches);
        return new PretrainingData(batches, heldOut);
    }
}
