package albertlab.core.ops;

/**
 * Masked, scaled softmax over attention score rows, exactly as Hugging Face's eager attention computes it:
 * p = softmax(s · scale + (1 − mask) · float32_min). A masked key's score sits near −3.4e38, its exp underflows,
 * and its probability is exactly 0 (unless every key of the row is masked: then all are equal and uniform).
 */
public final class SoftmaxOps {

    /** torch.finfo(torch.float32).min. */
    public static final float FLOAT32_MIN = -Float.MAX_VALUE;

    private SoftmaxOps() {
    }

    /** [S] additive key bias: 0 for a real token, float32_min for a masked one. */
    public static float[] maskBias(int[] mask) {
        float[] bias = new float[mask.length];
        for (int j = 0; j < mask.length; j++) bias[j] = (1 - mask[j]) * FLOAT32_MIN;
        return bias;
    }

    /** Each of {@code rows} rows of {@code width} scores (row-major from {@code offset}) becomes probabilities. */
    public static void forward(Kernel kernel, float[] scores, int offset, int rows, int width, float scale,
                               float[] keyBias) {
        forward(kernel, scores, offset, rows, width, scale, keyBias, 0);
    }

    /** The same with the key bias read from {@code keyBias[keyBiasOffset ..]} (one sequence of a batch). */
    public static void forward(Kernel kernel, float[] scores, int offset, int rows, int width, float scale,
                               float[] keyBias, int keyBiasOffset) {
        for (int i = 0; i < rows; i++) {
            int o = offset + i * width;
            kernel.scaleAdd(scores, o, width, scale, keyBias, keyBiasOffset);
            float max = kernel.max(scores, o, width);
            float sum = kernel.expShifted(scores, o, width, max);
            kernel.scale(scores, o, width, 1f / sum);
        }
    }

    /**
     * Backward of {@link #forward} for rows of probabilities p (the forward's output) given dL/dp: dL/ds =
     * scale · p ⊙ (dL/dp − Σ p·dL/dp) per row. A masked key (p = 0) gets no gradient.
     */
    public static void backward(float[] probabilities, float[] dProbabilities, int offset, int rows, int width,
                                float scale, float[] dScores) {
        backward(Kernels.scalar(), probabilities, dProbabilities, offset, rows, width, scale, dScores);
    }

    /** The same on a chosen kernel; {@code dScores} may be {@code dProbabilities} (each row's dot comes first). */
    public static void backward(Kernel kernel, float[] probabilities, float[] dProbabilities, int offset, int rows,
                                int width, float scale, float[] dScores) {
        for (int i = 0; i < rows; i++) {
            int o = offset + i * width;
            float dot = kernel.dot(probabilities, o, dProbabilities, o, width);
            for (int j = 0; j < width; j++) {
                dScores[o + j] = scale * probabilities[o + j] * (dProbabilities[o + j] - dot);
            }
        }
    }
}
