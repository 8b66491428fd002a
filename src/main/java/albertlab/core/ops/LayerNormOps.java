package albertlab.core.ops;

/**
 * LayerNorm over the last dimension, as PyTorch computes it: per row, mean and biased variance, then
 * y = (x − mean) / √(var + eps) · γ + β.
 */
public final class LayerNormOps {

    /** Rows per block of the backward pass (fixed, so that the γ and β sums are the same on any thread count). */
    private static final int BACKWARD_BLOCK = 32;

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
            cache.mean = reuse(cache.mean, rows);
            cache.rstd = reuse(cache.rstd, rows);
        }
        // backward needs the rows that were normalized: never let the output overwrite them when caching
        float[] z = cache != null && out == sum ? separate(cache.input, x, residual, out, rows * width) : sum;
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
     *
     * <p>Rows are split over the cores in fixed blocks whose γ and β sums are added in block order, so the result
     * does not depend on which thread ran which block (a resumed run must repeat an unbroken one exactly).
     * {@code dInput} may be {@code dOut}.
     */
    public static void backward(Cache cache, float[] gamma, float[] dOut, int rows, int width, float[] dInput,
                                float[] dGamma, float[] dBeta) {
        backward(Kernels.best(), cache, gamma, dOut, rows, width, dInput, dGamma, dBeta);
    }

    public static void backward(Kernel kernel, Cache cache, float[] gamma, float[] dOut, int rows, int width,
                                float[] dInput, float[] dGamma, float[] dBeta) {
        float[] z = cache.input;
        int blocks = (rows + BACKWARD_BLOCK - 1) / BACKWARD_BLOCK;
        float[] partial = new float[blocks * 2 * width];
        Parallel.forRange(blocks, 12L * rows * width, (from, to) -> {
            float[] xHat = new float[width];
            float[] g = new float[width];
            for (int blk = from; blk < to; blk++) {
                int pg = blk * 2 * width;
                int pb = pg + width;
                for (int r = blk * BACKWARD_BLOCK; r < Math.min(rows, (blk + 1) * BACKWARD_BLOCK); r++) {
                    int o = r * width;
                    float mean = cache.mean[r];
                    float rstd = cache.rstd[r];
                    for (int i = 0; i < width; i++) {
                        xHat[i] = (z[o + i] - mean) * rstd;
                        g[i] = dOut[o + i] * gamma[i];
                        partial[pg + i] += dOut[o + i] * xHat[i];
                        partial[pb + i] += dOut[o + i];
                    }
                    float meanG = kernel.sum(g, 0, width) / width;
                    float meanGx = kernel.dot(g, 0, xHat, 0, width) / width;
                    for (int i = 0; i < width; i++) dInput[o + i] = rstd * (g[i] - meanG - xHat[i] * meanGx);
                }
            }
        });
        for (int blk = 0; blk < blocks; blk++) {
            int pg = blk * 2 * width;
            kernel.add(dGamma, 0, partial, pg, dGamma, 0, width);
            kernel.add(dBeta, 0, partial, pg + width, dBeta, 0, width);
        }
    }

    /** The cache's old input array when it is none of the arrays in use, else a new one. */
    private static float[] separate(float[] old, float[] x, float[] residual, float[] out, int length) {
        boolean free = old != x && old != residual && old != out;
        return reuse(free ? old : null, length);
    }

    private static float[] reuse(float[] array, int length) {
        return array != null && array.length == length ? array : new float[length];
    }

    private static void check(float[] gamma, float[] beta, int width) {
        if (gamma.length != width || beta.length != width) {
            throw new IllegalArgumentException("LayerNorm of width " + width + " got gamma [" + gamma.length
                    + "] and beta [" + beta.length + "]");
        }
    }
}
