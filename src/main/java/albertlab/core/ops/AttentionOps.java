package albertlab.core.ops;

/**
 * Multi-head scaled dot-product attention on a fused projection qkv [S][3H] (queries in columns 0..H−1, keys in
 * H..2H−1, values in 2H..3H−1); head n uses features n·d .. (n+1)·d − 1 of each, d = H / A. For each head:
 * probs = softmax(q kᵀ / √d + key mask bias), context = probs v, heads written side by side into [S][H].
 * Query rows of masked tokens are still computed; the mask only removes keys. Heads are split over the cores.
 */
public final class AttentionOps {

    private AttentionOps() {
    }

    /** What backward needs besides q, k, v: every head's probabilities, [A][S × S] row-major. */
    public static final class Cache {
        public float[][] probabilities;
    }

    /**
     * @param qkv           [S][3H] queries, keys, values
     * @param keyBias       [S] from {@link SoftmaxOps#maskBias}
     * @param context       [S][H] output
     * @param probabilities [A][S][S] output rows (row = query, column = key), or null to skip copying them
     * @param cache         filled when not null
     */
    public static void forward(Kernel kernel, float[] qkv, int tokens, int hidden, int heads, float[] keyBias,
                               float[] context, float[][][] probabilities, Cache cache) {
        if (hidden % heads != 0) throw new IllegalArgumentException("H=" + hidden + " is not divisible by A=" + heads);
        int d = hidden / heads;
        int s = tokens;
        int stride = 3 * hidden;
        // HF: scores / math.sqrt(head_size)
        float scale = (float) (1.0 / Math.sqrt(d));
        if (cache != null) cache.probabilities = new float[heads][];
        long flops = 4L * s * s * hidden;
        Parallel.forRange(heads, flops, (from, to) -> {
            float[] scores = new float[s * s];
            for (int h = from; h < to; h++) {
                // scores [S][S] = q_h [S][d] · k_hᵀ [d][S]
                PackedMatrix keysT = kernel.pack(qkv, hidden + h * d, stride, d, s, true, null);
                kernel.multiply(kernel.prepareRows(qkv, h * d, stride, s, d), keysT, scores, 0, s, 0, keysT.panels);
                SoftmaxOps.forward(kernel, scores, 0, s, s, scale, keyBias);
                if (probabilities != null) {
                    for (int i = 0; i < s; i++) System.arraycopy(scores, i * s, probabilities[h][i], 0, s);
                }
                if (cache != null) cache.probabilities[h] = scores.clone();
                // context[:, h·d .. (h+1)·d) = probs [S][S] · v_h [S][d]
                PackedMatrix values = kernel.pack(qkv, 2 * hidden + h * d, stride, s, d, false, null);
                kernel.multiply(kernel.prepareRows(scores, 0, s, s, s), values, context, h * d, hidden, 0,
                        values.panels);
            }
        });
    }
}
