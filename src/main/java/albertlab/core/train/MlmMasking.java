package albertlab.core.train;

import albertlab.core.model.PretrainingBatch;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * BERT's masked-LM corruption: 15% of the non-special tokens (at least 1, at most {@code maxPredictions}) become
 * targets; of those 80% are replaced by [MASK], 10% by a random token and 10% stay as they are. With n-gram
 * masking the targets come in spans of 1 to 3 tokens, length n drawn with probability ∝ 1/n.
 */
public final class MlmMasking {

    public static final double MASKED_FRACTION = 0.15;
    /** p(n) ∝ 1/n for n = 1, 2, 3: 6/11, 3/11, 2/11. */
    private static final double[] NGRAM_CUMULATIVE = {6.0 / 11, 9.0 / 11, 1.0};

    private final MaskingStrategy strategy;
    private final SpecialTokens specials;
    private final int maxPredictions;
    /** Evaluation: every target becomes [MASK], so that a score never counts a token the model could see. */
    private final boolean maskEveryTarget;

    public MlmMasking(MaskingStrategy strategy, SpecialTokens specials, int maxPredictions) {
        this(strategy, specials, maxPredictions, false);
    }

    private MlmMasking(MaskingStrategy strategy, SpecialTokens specials, int maxPredictions, boolean maskEveryTarget) {
        if (maxPredictions < 1) throw new IllegalArgumentException("max predictions must be >= 1");
        this.strategy = strategy;
        this.specials = specials;
        this.maxPredictions = maxPredictions;
        this.maskEveryTarget = maskEveryTarget;
    }

    /** The same targets with no 10% random and no 10% kept: what held-out accuracy is measured with. */
    public static MlmMasking forEvaluation(MaskingStrategy strategy, SpecialTokens specials, int maxPredictions) {
        return new MlmMasking(strategy, specials, maxPredictions, true);
    }

    /** 15% of {@code tokens}, rounded, at least 1 (BERT's create_pretraining_data), at most the cap. */
    public int targetsFor(int candidates) {
        return Math.min(maxPredictions, Math.min(candidates, Math.max(1, (int) Math.round(candidates * MASKED_FRACTION))));
    }

    /**
     * Corrupts {@code ids} in place and fills {@code labels} (the original id at a target, IGNORED elsewhere).
     * Only positions whose id is not special are candidates.
     */
    public void apply(int[] ids, int[] labels, SplittableRandom random) {
        Arrays.fill(labels, PretrainingBatch.IGNORED);
        int[] candidates = new int[ids.length];
        int count = 0;
        for (int t = 0; t < ids.length; t++) if (!specials.isSpecial(ids[t])) candidates[count++] = t;
        if (count == 0) return;
        shuffle(candidates, count, random);
        int wanted = targetsFor(count);
        boolean[] chosen = new boolean[ids.length];
        boolean[] candidate = new boolean[ids.length];
        for (int c = 0; c < count; c++) candidate[candidates[c]] = true;
        int taken = 0;
        for (int c = 0; c < count && taken < wanted; c++) {
            int start = candidates[c];
            if (chosen[start]) continue;
            int n = strategy == MaskingStrategy.NGRAM ? ngramLength(random) : 1;
            for (int t = start; t < start + n && t < ids.length && taken < wanted; t++) {
                if (!candidate[t] || chosen[t]) break;
                chosen[t] = true;
                taken++;
            }
        }
        for (int t = 0; t < ids.length; t++) {
            if (!chosen[t]) continue;
            labels[t] = ids[t];
            double u = random.nextDouble();
            if (u < 0.8 || maskEveryTarget) {
                ids[t] = specials.mask();
            } else if (u < 0.9) {
                ids[t] = randomToken(random);
            } // else: the token stays as it is
        }
    }

    private int randomToken(SplittableRandom random) {
        while (true) {
            int id = random.nextInt(specials.vocabSize());
            if (!specials.isSpecial(id)) return id;
        }
    }

    private static int ngramLength(SplittableRandom random) {
        double u = random.nextDouble();
        for (int n = 0; n < NGRAM_CUMULATIVE.length; n++) if (u < NGRAM_CUMULATIVE[n]) return n + 1;
        return NGRAM_CUMULATIVE.length;
    }

    private static void shuffle(int[] a, int n, SplittableRandom random) {
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
