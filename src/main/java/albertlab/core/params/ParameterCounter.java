package albertlab.core.params;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.LayerSchedule;

/**
 * Exact parameter and FLOP counts of a configuration: a pure function, microseconds per call, safe on any thread.
 * One line per tensor, as Hugging Face's modules create them; a Linear of n inputs and m outputs is n×m + m.
 */
public final class ParameterCounter {

    /** Sequence length at which FLOPs are quoted unless another is asked for (the benchmark's length). */
    public static final int DEFAULT_SEQUENCE_LENGTH = 128;

    private ParameterCounter() {
    }

    public static ParameterBreakdown count(AlbertConfig config) {
        return count(config, HeadSelection.NONE, DEFAULT_SEQUENCE_LENGTH);
    }

    public static ParameterBreakdown count(AlbertConfig config, HeadSelection heads) {
        return count(config, heads, DEFAULT_SEQUENCE_LENGTH);
    }

    /**
     * @param sequenceLength S, the number of tokens FLOPs are counted for (parameters do not depend on it)
     */
    public static ParameterBreakdown count(AlbertConfig config, HeadSelection heads, int sequenceLength) {
        config.requireValid();
        if (sequenceLength < 1) throw new IllegalArgumentException("sequence length must be at least 1");
        long v = config.vocabSize();
        long e = config.embeddingSize();
        long h = config.hiddenSize();
        long i = config.intermediateSize();
        LayerSchedule schedule = LayerSchedule.of(config);

        long projection = config.hasProjection() ? linear(e, h) : 0;
        long attention = 4 * linear(h, h) + layerNorm(h);
        long ffn = linear(h, i) + linear(i, h) + layerNorm(h);
        long mlm = heads.mlm() ? linear(h, e) + layerNorm(e) + v : 0;
        long sop = heads.sop() ? linear(h, 2) : 0;

        return new ParameterBreakdown(config, heads,
                v * e,
                (long) config.maxPositionEmbeddings() * e,
                (long) config.typeVocabSize() * e,
                layerNorm(e),
                projection,
                attention,
                ffn,
                schedule.attentionSlots(),
                schedule.ffnSlots(),
                linear(h, h),
                mlm,
                sop,
                v * h,
                v * e + e * h,
                flops(config, heads, sequenceLength));
    }

    /**
     * FLOPs of one forward pass: 2 per multiply-add of every matrix product. Element-wise work (softmax, GELU,
     * LayerNorm) is left out; it is a few percent at most. Sharing changes none of these numbers: every layer
     * application multiplies by its weights whether or not another layer owns the same ones.
     */
    public static Flops flops(AlbertConfig config, HeadSelection heads, int sequenceLength) {
        long s = sequenceLength;
        long e = config.embeddingSize();
        long h = config.hiddenSize();
        long i = config.intermediateSize();
        long apps = config.layerApplications();
        long projection = config.hasProjection() ? 2 * s * e * h : 0;
        long qkvo = apps * 8 * s * h * h;           // Q, K, V and output dense: 4 products [S][H]·[H][H]
        long scores = apps * 4 * s * s * h;         // QKᵀ and probs·V over all heads
        long ffn = apps * 4 * s * h * i;            // [S][H]·[H][I] and [S][I]·[I][H]
        long pooler = 2 * h * h;                    // first token only
        long headFlops = (heads.mlm() ? 2 * s * h * e + 2 * s * e * config.vocabSize() : 0)
                + (heads.sop() ? 2 * h * 2 : 0);
        return new Flops(sequenceLength, projection, qkvo, scores, ffn, pooler, headFlops);
    }

    private static long linear(long in, long out) {
        return in * out + out;
    }

    private static long layerNorm(long width) {
        return 2 * width;
    }

    /** FLOPs of one forward pass at {@code sequenceLength} tokens, by part. */
    public record Flops(int sequenceLength, long projection, long attentionProjections, long attentionScores,
                        long ffn, long pooler, long heads) {

        public long perSequence() {
            return projection + attentionProjections + attentionScores + ffn + pooler + heads;
        }

        /** Per-sequence FLOPs divided by S (the attention-score share grows with S, so this depends on S). */
        public double perToken() {
            return (double) perSequence() / sequenceLength;
        }
    }
}
