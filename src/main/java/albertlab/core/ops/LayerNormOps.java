package albertlab.core.ops;

/**
 * LayerNorm over the last dimension, as PyTorch computes it: per row, mean and biased variance, then
 * y = (x − mean) / √(var + eps) · γ + β.
 */
public final class LayerNormOps {

    private LayerNormOps() {
    }

    /** What backward needs: the normalized rows' mean and 1/√(var + eps), and the input that was normalized. */
    public static final class Cache {
        public float[] mean;
        public float[] rstd;
        /** [rows][width] the rows that were normalized (for the residual form: x + residual). */
        public float[] input;
    }

    /**
     * out[r] = LayerNorm(x[r]) for {@code rows} rows of {@code width} values, row-major from index 0.
     * {@code out} may be {@code x}. Fills {@code cache} when it is not null.
     */
    public static void forward(Kernel kernel, float[] x, int rows, int width, float[] gamma, float[] beta,
                               double eps, float[] out, Cache cache) {
        check(gamma, beta, width);
        if (cache != null) {
            cache.mean = new float[rows];
            cache.rstd = new float[rows];
            cache.input = x == out ? x.clone() : x;
        }
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            float mean = kernel.sum(x, o, width) / width;
            float variance = kernel.squaredDeviations(x, o, width, mean) / width;
            float rstd = (float) (1.0 / Math.sqrt(variance + eps));
            if (cache != null) {
                cache.mean[r] = mean;
                cache.rstd[r] = rstd;
            }
            kernel.normalize(x, o, width, mean, rstd, gamma, beta, out, o);
        }
    }

    /**
     * out = LayerNorm(x + residual): the post-LN residual connection of every transformer sub-layer. The sum is
     * written to {@code sum} first (it may be {@code x} or {@code residual}), then normalized into {@code out}.
     */
    public static void forwardResidual(Kernel kernel, float[] x, float[] residual, int rows, int width,
                                       float[] gamma, float[] beta, double eps, float[] sum, float[] out,
                                       Cache cache) {
        kernel.add(x, 0, residual, 0, sum, 0, rows * width);
        forward(kernel, sum, rows, width, gamma, beta, eps, out, cache);
    }

    private static void check(float[] gamma, float[] beta, int width) {
        if (gamma.length != width || beta.length != width) {
            throw new IllegalArgumentException("LayerNorm of width " + width + " got gamma [" + gamma.length
                    + "] and beta [" + beta.length + "]");
        }
    }
}
