package albertlab.core.ops;

/**
 * Multi-head scaled dot-product attention on a fused projection qkv [S][3H] (queries in columns 0..H−1, keys in
 * H..2H−1, values in 2H..3H−1); head n uses features n·d .. (n+1)·d − 1 of each, d = H / A. For each head:
 * probs = softmax(q kᵀ / √d + key mask bias), context = probs v, heads written side by side into [S][H].
 * Query rows of masked tokens are still computed; the mask only removes keys.
 *
 * <p>A training batch is B sequences of S tokens stacked as [B·S][3H]: attention never crosses from one sequence
 * to another, and the B × A (sequence, head) pairs are split over the cores.
 */
public final class AttentionOps {

    private AttentionOps() {
    }

    /** What backward needs besides q, k, v: the probabilities of every (sequence, head), [B·A][S × S] row-major. */
    public static final class Cache {
        public float[][] probabilities;

        /** Reuses the arrays of the last step when the shape is the same (no large allocation per step). */
        void ensure(int pairs, int tokens) {
            if (probabilities != null && probabilities.length == pairs && probabilities[0].length == tokens * tokens) {
                return;
            }
            probabilities = new float[pairs][tokens * tokens];
        }
    }

    /**
     * One sequence: {@link #forward(Kernel, float[], int, int, int, int, float[], float[], float[][][], Cache)}
     * with B = 1.
     */
    public static void forward(Kernel kernel, float[] qkv, int tokens, int hidden, int heads, float[] keyBias,
                               float[] context, float[][][] probabilities, Cache cache) {
        forward(kernel, qkv, 1, tokens, hidden, heads, keyBias, context, probabilities, cache);
    }

    /**
     * @param qkv           [B·S][3H] queries, keys, values
     * @param keyBias       [B·S] from {@link SoftmaxOps#maskBias}
     * @param context       [B·S][H] output
     * @param probabilities [A][S][S] output rows (row = query, column = key) for B = 1, or null to skip copying them
     * @param cache         filled when not null
     */
    public static void forward(Kernel kernel, float[] qkv, int sequences, int tokens, int hidden, int heads,
                               float[] keyBias, float[] context, float[][][] probabilities, Cache cache) {
        if (hidden % heads != 0) throw new IllegalArgumentException("H=" + hidden + " is not divisible by A=" + heads);
        if (probabilities != null && sequences != 1) {
            throw new IllegalArgumentException("attention probabilities are copied out for one sequence only");
        }
        int d = hidden / heads;
        int s = tokens;
        int stride = 3 * hidden;
        // HF: scores / math.sqrt(head_size)
        float scale = (float) (1.0 / Math.sqrt(d));
        if (cache != null) cache.ensure(sequences * heads, s);
        long flops = 4L * sequences * s * s * hidden;
        Parallel.forRange(sequences * heads, flops, (from, to) -> {
            float[] scratch = cache == null ? new float[s * s] : null;
            for (int pair = from; pair < to; pair++) {
                int b = pair / heads;
                int h = pair % heads;
                int row = b * s * stride;
                float[] scores = cache == null ? scratch : cache.probabilities[pair];
                // scores [S][S] = q_h [S][d] · k_hᵀ [d][S]
                PackedMatrix keysT = kernel.packTransient(qkv, row + hidden + h * d, stride, d, s, true);
                kernel.multiply(kernel.prepareRows(qkv, row + h * d, stride, s, d), keysT, scores, 0, s, 0,
                        keysT.panels);
                SoftmaxOps.forward(kernel, scores, 0, s, s, scale, keyBias, b * s);
                if (probabilities != null) {
                    for (int i = 0; i < s; i++) System.arraycopy(scores, i * s, probabilities[h][i], 0, s);
                }
                // context[:, h·d .. (h+1)·d) = probs [S][S] · v_h [S][d]
                PackedMatrix values = kernel.packTransient(qkv, row + 2 * hidden + h * d, stride, s, d, false);
                kernel.multiply(kernel.prepareRows(scores, 0, s, s, s), values, context, b * s * hidden + h * d,
                        hidden, 0, values.panels);
            }
        });
    }

    /**
     * Backward of {@link #forward} given dL/dcontext [B·S][H]: writes dL/dqkv [B·S][3H] (every element, no adding).
     * Per head, with P the probabilities and dS the softmax backward of dP (scale included):
     * dP = dC vᵀ, dv = Pᵀ dC, dq = dS k, dk = dSᵀ q.
     */
    public static void backward(Kernel kernel, float[] qkv, int sequences, int tokens, int hidden, int heads,
                                Cache cache, float[] dContext, float[] dQkv) {
        int d = hidden / heads;
        int s = tokens;
        int stride = 3 * hidden;
        float scale = (float) (1.0 / Math.sqrt(d));
        long flops = 8L * sequences * s * s * hidden;
        Parallel.forRange(sequences * heads, flops, (from, to) -> {
            float[] dScores = new float[s * s];
            float[] transposed = new float[s * s];
            for (int pair = from; pair < to; pair++) {
                int b = pair / heads;
                int h = pair % heads;
                int row = b * s * stride;
                int q = row + h * d;
                int k = row + hidden + h * d;
                int v = row + 2 * hidden + h * d;
                int c = b * s * hidden + h * d;
                float[] p = cache.probabilities[pair];
                // dP [S][S] = dC_h [S][d] · v_hᵀ [d][S]
                PackedMatrix valuesT = kernel.packTransient(qkv, v, stride, d, s, true);
                kernel.multiply(kernel.prepareRows(dContext, c, hidden, s, d), valuesT, dScores, 0, s, 0,
                        valuesT.panels);
                // dv_h [S][d] = Pᵀ [S][S] · dC_h [S][d]
                transpose(p, s, s, transposed);
                PackedMatrix dC = kernel.packTransient(dContext, c, hidden, s, d, false);
                kernel.multiply(kernel.prepareRows(transposed, 0, s, s, s), dC, dQkv, v, stride, 0, dC.panels);
                // dS = scale · P ⊙ (dP − rowsum(P ⊙ dP)), in place
                SoftmaxOps.backward(kernel, p, dScores, 0, s, s, scale, dScores);
                // dq_h = dS · k_h ; dk_h = dSᵀ · q_h
                PackedMatrix keys = kernel.packTransient(qkv, k, stride, s, d, false);
                kernel.multiply(kernel.prepareRows(dScores, 0, s, s, s), keys, dQkv, q, stride, 0, keys.panels);
                transpose(dScores, s, s, transposed);
                PackedMatrix queries = kernel.packTransient(qkv, q, stride, s, d, false);
                kernel.multiply(kernel.prepareRows(transposed, 0, s, s, s), queries, dQkv, k, stride, 0,
                        queries.panels);
            }
        });
    }

    /** out [cols][rows] = xᵀ for x [rows][cols]. */
    private static void transpose(float[] x, int rows, int cols, float[] out) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = 0; c < cols; c++) out[c * rows + r] = x[o + c];
        }
    }
}
