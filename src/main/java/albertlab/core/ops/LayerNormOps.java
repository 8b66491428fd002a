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
     * {@code out} may be {@code x}. Fills {@code cache} when it is not null. Rows are split over the cores.
     */
    public static void forward(Kernel kernel, float[] x, int rows, int width, float[] gamma, float[] beta,
                               double eps, float[] out, Cache cache) {
        forwardResidual(kernel, x, null, rows, width, gamma, beta, eps, x, out, cache);
    }

    /**
     * out = LayerNorm(x + residual): the post-LN residual connection of every transformer sub-layer. The sum is
     * written to {@code sum} first (it may be {@code x} or {@code residual}), then normalized into {@code out}.
     * A null {@code residual} normalizes x itself.
     */
    public static void forwardResidual(Kernel kernel, float[] x, float[] residual, int rows, int width,
                                       float[] gamma, float[] beta, double eps, float[] sum, float[] out,
                                       Cache cache) {
        check(gamma, beta, width);
        if (cache != null) {
            cache.mean = new float[rows];
            cache.rstd = new float[rows];
        }
        // backward needs the rows that were normalized: never let the output overwrite them when caching
        float[] z = cache != null && out == sum ? new float[rows * width] : sum;
        // about 10 flops per value: add, two reductions, normalize
        Parallel.forRange(rows, 10L * rows * width, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * width;
                if (residual != null) kernel.add(x, o, residual, o, z, o, width);
                else if (z != x) System.arraycopy(x, o, z, o, width);
                float mean = kernel.sum(z, o, width) / width;
                float variance = kernel.squaredDeviations(z, o, width, mean) / width;
                float rstd = (float) (1.0 / Math.sqrt(variance + eps));
                if (cache != null) {
                    cache.mean[r] = mean;
                    cache.rstd[r] = rstd;
                }
                kernel.normalize(z, o, width, mean, rstd, gamma, beta, out, o);
            }
        });
        if (cache != null) cache.input = z;
    }

    /**
     * Backward of {@link #forwardResidual} given dL/dout [rows][width]: writes dL/d(normalized input) into
     * {@code dInput} (for the residual form it is the gradient of both x and the residual) and adds dL/dγ and
     * dL/dβ into {@code dGamma} and {@code dBeta} (a shared LayerNorm collects from every application).
     * With x̂ = (z − mean)·rstd and g = dout·γ: dz = rstd · (g − mean(g) − x̂ · mean(g·x̂)).
     */
    public static void backward(Cache cache, float[] gamma, float[] dOut, int rows, int width, float[] dInput,
                                float[] dGamma, float[] dBeta) {
        float[] z = cache.input;
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            float mean = cache.mean[r];
            float rstd = cache.rstd[r];
            double meanG = 0;
            double meanGx = 0;
            for (int i = 0; i < width; i++) {
                float xHat = (z[o + i] - mean) * rstd;
                float g = dOut[o + i] * gamma[i];
                dGamma[i] += dOut[o + i] * xHat;
                dBeta[i] += dOut[o + i];
                meanG += g;
                meanGx += g * xHat;
            }
            meanG /= width;
            meanGx /= width;
            for (int i = 0; i < width; i++) {
                float xHat = (z[o + i] - mean) * rstd;
                dInput[o + i] = (float) (rstd * (dOut[o + i] * gamma[i] - meanG - xHat * meanGx));
            }
        }
    }

    private static void check(float[] gamma, float[] beta, int width) {
        if (gamma.length != width || beta.length != width) {
            throw new IllegalArgumentException("LayerNorm of width " + width + " got gamma [" + gamma.length
                    + "] and beta [" + beta.length + "]");
        }
    }
}
