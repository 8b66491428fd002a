package albertlab.core.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** LayerNorm and the masked softmax against naive loops in double. */
class NormAndSoftmaxOpsTest {

    static List<Kernel> kernels() {
        return KernelTest.kernels();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void layerNormMatchesNaiveAndKeepsMeanAndRstd(Kernel kernel) {
        Random random = new Random(7);
        for (int width : new int[]{1, 7, 33, 129}) {
            int rows = 5;
            float[] x = KernelTest.gaussian(random, rows * width);
            for (int i = 0; i < x.length; i++) x[i] = x[i] * 3 + 2; // an offset mean, a wide spread
            float[] residual = KernelTest.gaussian(random, rows * width);
            float[] gamma = KernelTest.gaussian(random, width);
            float[] beta = KernelTest.gaussian(random, width);
            float[] sum = new float[rows * width];
            float[] out = new float[rows * width];
            LayerNormOps.Cache cache = new LayerNormOps.Cache();
            LayerNormOps.forwardResidual(kernel, x, residual, rows, width, gamma, beta, 1e-5, sum, out, cache);
            for (int r = 0; r < rows; r++) {
                double mean = 0;
                for (int i = 0; i < width; i++) mean += x[r * width + i] + residual[r * width + i];
                mean /= width;
                double var = 0;
                for (int i = 0; i < width; i++) {
                    double d = x[r * width + i] + residual[r * width + i] - mean;
                    var += d * d;
                }
                var /= width;
                double rstd = 1 / Math.sqrt(var + 1e-5);
                assertEquals(mean, cache.mean[r], 1e-5);
                assertEquals(rstd, cache.rstd[r], 1e-5 * rstd);
                for (int i = 0; i < width; i++) {
                    double z = x[r * width + i] + residual[r * width + i];
                    double want = (z - mean) * rstd * gamma[i] + beta[i];
                    assertEquals(want, out[r * width + i], 2e-5, kernel.name() + " width " + width);
                }
            }
            assertSame(sum, cache.input);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void softmaxMatchesNaiveAndGivesMaskedKeysExactlyZero(Kernel kernel) {
        Random random = new Random(8);
        for (int width : new int[]{1, 7, 33, 129}) {
            int rows = 3;
            int[] mask = new int[width];
            for (int j = 0; j < width; j++) mask[j] = j == 0 || random.nextInt(3) > 0 ? 1 : 0;
            float[] scores = KernelTest.gaussian(random, 2 + rows * width);
            for (int i = 0; i < scores.length; i++) scores[i] *= 20;
            float[] original = scores.clone();
            SoftmaxOps.forward(kernel, scores, 2, rows, width, 0.125f, SoftmaxOps.maskBias(mask));
            for (int r = 0; r < rows; r++) {
                int o = 2 + r * width;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < width; j++) if (mask[j] == 1) max = Math.max(max, original[o + j] * 0.125);
                double total = 0;
                for (int j = 0; j < width; j++) if (mask[j] == 1) total += Math.exp(original[o + j] * 0.125 - max);
                for (int j = 0; j < width; j++) {
                    if (mask[j] == 0) {
                        assertEquals(0f, scores[o + j], 0, "masked key " + j);
                    } else {
                        double want = Math.exp(original[o + j] * 0.125 - max) / total;
                        assertEquals(want, scores[o + j], 1e-6, kernel.name() + " width " + width);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void aRowWithEveryKeyMaskedIsUniformAsInHuggingFace(Kernel kernel) {
        float[] scores = {1f, -2f, 3f, 0.5f};
        SoftmaxOps.forward(kernel, scores, 0, 1, 4, 1f, SoftmaxOps.maskBias(new int[]{0, 0, 0, 0}));
        for (float p : scores) assertEquals(0.25f, p, 1e-7);
    }
}
