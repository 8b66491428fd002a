package albertlab.core.ops;

import albertlab.core.config.Activation;

/** The feed-forward activation, element by element ({@code hidden_act}: gelu_new, gelu or relu). */
public final class ActivationOps {

    /** Elements below which splitting over threads costs more than it saves. */
    private static final int PARALLEL_ELEMENTS = 65_536;
    private static final int CHUNK = 4096;

    private ActivationOps() {
    }

    /** What backward needs: the activation's input. */
    public static final class Cache {
        public float[] input;
    }

    /**
     * out = act(x) over n values from index 0; {@code out} may be {@code x}. Fills {@code cache} if not null (with
     * a copy of x only when the activation runs in place; pass distinct arrays when training to avoid it).
     */
    public static void forward(Kernel kernel, Activation activation, float[] x, float[] out, int n, Cache cache) {
        if (cache != null) cache.input = x == out ? x.clone() : x;
        chunks(n, 20, (start, len) -> apply(kernel, activation, x, out, start, len));
    }

    /** Backward with the plain kernel (tests). */
    public static void backward(Activation activation, Cache cache, float[] dOut, float[] dX, int n) {
        backward(Kernels.best(), activation, cache, dOut, dX, n);
    }

    /**
     * Backward: dX = dOut · act'(x), x from the forward's cache; {@code dX} may be {@code dOut}.
     * gelu_new' = ½(1 + t) + ½x(1 − t²)·√(2/π)(1 + 3·0.044715x²) with t = tanh(√(2/π)(x + 0.044715x³));
     * gelu' = Φ(x) + x·φ(x); relu' = 1 for x > 0, else 0.
     */
    public static void backward(Kernel kernel, Activation activation, Cache cache, float[] dOut, float[] dX, int n) {
        float[] x = cache.input;
        chunks(n, 40, (start, len) -> {
            switch (activation) {
                case GELU_NEW -> geluNewBackward(kernel, x, dOut, dX, start, len);
                case GELU -> geluBackward(x, dOut, dX, start, len);
                case RELU -> {
                    for (int i = start; i < start + len; i++) dX[i] = x[i] > 0 ? dOut[i] : 0f;
                }
            }
        });
    }

    private static void geluNewBackward(Kernel kernel, float[] x, float[] dOut, float[] dX, int start, int len) {
        float c = (float) FastMath.GELU_NEW_SCALE;
        float a = (float) FastMath.GELU_NEW_CUBIC;
        // t = tanh(u) for one chunk at a time: a small scratch, whatever the span a thread was handed
        float[] t = new float[Math.min(len, CHUNK)];
        for (int from = start; from < start + len; from += CHUNK) {
            int n = Math.min(CHUNK, start + len - from);
            for (int i = 0; i < n; i++) {
                float v = x[from + i];
                t[i] = c * (v + a * v * v * v);
            }
            kernel.tanh(t, 0, t, 0, n);
            for (int i = 0; i < n; i++) {
                float v = x[from + i];
                float ti = t[i];
                float slope = 0.5f * (1 + ti) + 0.5f * v * (1 - ti * ti) * c * (1 + 3 * a * v * v);
                dX[from + i] = dOut[from + i] * slope;
            }
        }
    }

    private static void geluBackward(float[] x, float[] dOut, float[] dX, int start, int len) {
        for (int i = start; i < start + len; i++) {
            double v = x[i];
            double z = Math.abs(v) * FastMath.INV_SQRT2;
            double q = FastMath.erfcNonNegative((float) z); // Φ(x) = ½ erfc(−x/√2)
            double cdf = 0.5 * (v >= 0 ? 2 - q : q);
            dX[i] = (float) (dOut[i] * (cdf + v * Math.exp(-0.5 * v * v) / Math.sqrt(2 * Math.PI)));
        }
    }

    private interface Span {
        void run(int start, int length);
    }

    /** Runs {@code span} over [0, n) in fixed chunks, over the cores when n is large. */
    private static void chunks(int n, int flopsPerElement, Span span) {
        long work = n < PARALLEL_ELEMENTS ? 0 : (long) flopsPerElement * n;
        Parallel.forRange((n + CHUNK - 1) / CHUNK, work, (from, to) -> {
            int start = from * CHUNK;
            span.run(start, Math.min(n, to * CHUNK) - start);
        });
    }

    private static void apply(Kernel kernel, Activation activation, float[] x, float[] out, int at, int n) {
        switch (activation) {
            case GELU_NEW -> kernel.geluNew(x, at, out, at, n);
            case GELU -> kernel.gelu(x, at, out, at, n);
            case RELU -> kernel.relu(x, at, out, at, n);
        }
    }
}
