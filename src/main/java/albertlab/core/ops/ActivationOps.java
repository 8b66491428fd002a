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

    private static void apply(Kernel kernel, Activation activation, float[] x, float[] out, int at, int n) {
        switch (activation) {
            case GELU_NEW -> kernel.geluNew(x, at, out, at, n);
            case GELU -> kernel.gelu(x, at, out, at, n);
            case RELU -> kernel.relu(x, at, out, at, n);
        }
    }
}
