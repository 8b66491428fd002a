package albertlab.core.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Multi-head attention against a naive loop, with a head count that is not a power of two and a mask. */
class AttentionOpsTest {

    static List<Kernel> kernels() {
        return KernelTest.kernels();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void matchesNaiveAttention(Kernel kernel) {
        Random random = new Random(9);
        for (int[] shape : new int[][]{{1, 12, 3}, {37, 30, 5}, {129, 96, 3}}) {
            int s = shape[0], h = shape[1], heads = shape[2], d = h / heads;
            float[] qkv = KernelTest.gaussian(random, s * 3 * h);
            int[] mask = new int[s];
            for (int t = 0; t < s; t++) mask[t] = t == 0 || random.nextInt(4) > 0 ? 1 : 0;
            float[] context = new float[s * h];
            float[][][] probs = new float[heads][s][s];
            AttentionOps.Cache cache = new AttentionOps.Cache();
            AttentionOps.forward(kernel, qkv, s, h, heads, SoftmaxOps.maskBias(mask), context, probs, cache);
            for (int n = 0; n < heads; n++) {
                for (int i = 0; i < s; i++) {
                    double[] p = new double[s];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < s; j++) {
                        double dot = 0;
                        for (int c = 0; c < d; c++) dot += (double) qkv[i * 3 * h + n * d + c] * qkv[j * 3 * h + h + n * d + c];
                        p[j] = mask[j] == 1 ? dot / Math.sqrt(d) : Double.NEGATIVE_INFINITY;
                        max = Math.max(max, p[j]);
                    }
                    double total = 0;
                    for (int j = 0; j < s; j++) total += p[j] = Math.exp(p[j] - max);
                    for (int j = 0; j < s; j++) {
                        p[j] /= total;
                        assertEquals(p[j], probs[n][i][j], 1e-5, kernel.name() + " prob");
                        assertEquals(probs[n][i][j], cache.probabilities[n][i * s + j], 0);
                        if (mask[j] == 0) assertEquals(0f, probs[n][i][j], 0);
                    }
                    for (int c = 0; c < d; c++) {
                        double want = 0;
                        for (int j = 0; j < s; j++) want += p[j] * qkv[j * 3 * h + 2 * h + n * d + c];
                        assertEquals(want, context[i * h + n * d + c], 1e-4, kernel.name() + " context");
                    }
                }
            }
        }
    }
}
