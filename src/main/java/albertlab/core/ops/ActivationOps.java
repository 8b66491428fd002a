package albertlab.core.ops;

import albertlab.core.config.Activation;

/** The feed-forward activation, element by element ({@code hidden_act}: gelu_new, gelu or relu). */
public final class ActivationOps {

    /** Elements below which splitting over threads costs more than it saves. */
    private static final int PARALLEL_ELEMENTS = 65_536;

    private ActivationOps() {
    }

    /** What backward needs: the activation's input. */
    public static final class Cache {
        public float[] input;
    }

    /** out = act(x) over n values from index 0; {@code out} may be {@code x}. Fills {@code cache} if not null. */
    public static void forward(Kernel kernel, Activation activation, float[] x, float[] out, int n, Cache cache) {
        if (cache != null) cache.input = x == out ? x.clone() : x;
        // ~20 flops per element is about what exp and a division cost, for the inline decision
        long work = n < PARALLEL_ELEMENTS ? 0 : 20L * n;
        int chunk = 4096;
        Parallel.forRange((n + chunk - 1) / chunk, work, (from, to) -> {
            int start = from * chunk;
            int len = Math.min(n, to * chunk) - start;
            apply(kernel, activation, x, out, start, len);
        });
    }

    /**
     * Backward: dX = dOut · act'(x), x from the forward's cache. gelu_new' = ½(1 + t) + ½x(1 − t²)·√(2/π)(1 +
     * 3·0.044715x²) with t = tanh(u); gelu' = Φ(x) + x·φ(x); relu' = 1 for x > 0, else 0.
     */
    public static void backward(Activation activation, Cache cache, float[] dOut, float[] dX, int n) {
        float[] x = cache.input;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            double slope = switch (activation) {
                case GELU_NEW -> {
                    double c = FastMath.GELU_NEW_SCALE;
                    double t = Math.tanh(c * (v + FastMath.GELU_NEW_CUBIC * v * v * v));
                    yield 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * c * (1 + 3 * FastMath.GELU_NEW_CUBIC * v * v);
                }
                case GELU -> {
                    double z = Math.abs(v) * FastMath.INV_SQRT2;
                    double q = FastMath.erfcNonNegative((float) z); // Φ(x) = ½ erfc(−x/√2)
                    double cdf = 0.5 * (v >= 0 ? 2 - q : q);
                    yield cdf + v * Math.exp(-0.5 * v * v) / Math.sqrt(2 * Math.PI);
                }
                case RELU -> v > 0 ? 1 : 0;
            };
            dX[i] = (float) (dOut[i] * slope);
        }
    }

    private static void apply(Kernel kernel, Activation activation, float[] x, float[] out, int at, int n) {
        switch (activation) {
            case GELU_NEW -> kernel.geluNew(x, at, out, at, n);
            case GELU -> kernel.gelu(x, at, out, at, n);
            case RELU -> kernel.relu(x, at, out, at, n);
        }
    }
}
