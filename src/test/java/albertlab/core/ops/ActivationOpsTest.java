package albertlab.core.ops;

import albertlab.core.config.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Each activation over a buffer large enough to be split over threads, in place, against its definition. */
class ActivationOpsTest {

    static List<Kernel> kernels() {
        return KernelTest.kernels();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void everyActivationMatchesItsDefinition(Kernel kernel) {
        Random random = new Random(10);
        int n = 100_003;
        float[] x = KernelTest.gaussian(random, n);
        for (int i = 0; i < n; i++) x[i] *= 4;
        for (Activation act : Activation.values()) {
            float[] y = x.clone();
            ActivationOps.Cache cache = new ActivationOps.Cache();
            ActivationOps.forward(kernel, act, y, y, n, cache);
            for (int i = 0; i < n; i++) {
                double v = x[i];
                double want = switch (act) {
                    case GELU_NEW -> 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
                    case GELU -> 0.5 * v * (1 + ReferenceErf.erf(v / Math.sqrt(2)));
                    case RELU -> Math.max(0, v);
                };
                assertEquals(want, y[i], 5e-7 * Math.max(1, Math.abs(want)), kernel.name() + " " + act + "(" + v + ")");
            }
            assertEquals(x[n - 1], cache.input[n - 1], 0, "the cache keeps the input, not the output");
        }
        float[] z = x.clone();
        ActivationOps.Cache cache = new ActivationOps.Cache();
        float[] out = new float[n];
        ActivationOps.forward(kernel, Activation.RELU, z, out, n, cache);
        assertSame(z, cache.input, "out of place: no copy needed");
    }
}
