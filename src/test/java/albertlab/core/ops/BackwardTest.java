package albertlab.core.ops;

import albertlab.core.config.Activation;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each backward against central finite differences of its own float32 forward, on the loss L = Σ w ⊙ output
 * (so dL/doutput = w).
 */
class BackwardTest {

    private static final double H = 1e-2;
    private static final double TOLERANCE = 2e-3;

    private final Random random = new Random(31);

    @Test
    void layerNormBackwardMatchesFiniteDifferences() {
        int rows = 3, width = 7;
        float[] x = KernelTest.gaussian(random, rows * width);
        float[] residual = KernelTest.gaussian(random, rows * width);
        float[] gamma = KernelTest.gaussian(random, width);
        float[] beta = KernelTest.gaussian(random, width);
        float[] w = KernelTest.gaussian(random, rows * width);
        Kernel kernel = Kernels.best();
        ToDoubleFunction<float[][]> loss = p -> {
            float[] out = new float[rows * width];
            LayerNormOps.forwardResidual(kernel, p[0], residual, rows, width, p[1], p[2], 1e-12,
                    new float[rows * width], out, null);
            return weighted(w, out);
        };
        LayerNormOps.Cache cache = new LayerNormOps.Cache();
        LayerNormOps.forwardResidual(kernel, x, residual, rows, width, gamma, beta, 1e-12, new float[rows * width],
                new float[rows * width], cache);
        float[] dInput = new float[rows * width];
        float[] dGamma = new float[width];
        float[] dBeta = new float[width];
        LayerNormOps.backward(cache, gamma, w, rows, width, dInput, dGamma, dBeta);
        float[][] params = {x, gamma, beta};
        check("dx", loss, params, 0, dInput);
        check("dgamma", loss, params, 1, dGamma);
        check("dbeta", loss, params, 2, dBeta);
    }

    @Test
    void layerNormCacheKeepsTheInputWhenNormalizingInPlace() {
        float[] x = {1f, 2f, 4f, 8f};
        float[] original = x.clone();
        LayerNormOps.Cache cache = new LayerNormOps.Cache();
        LayerNormOps.forward(Kernels.best(), x, 1, 4, new float[]{1, 1, 1, 1}, new float[4], 1e-12, x, cache);
        for (int i = 0; i < 4; i++) assertEquals(original[i], cache.input[i]);
        assertEquals(3.75f, cache.mean[0], 1e-6);
    }

    @Test
    void activationBackwardMatchesFiniteDifferences() {
        int n = 40;
        float[] x = KernelTest.gaussian(random, n);
        for (int i = 0; i < n; i++) x[i] = x[i] * 2 + (x[i] >= 0 ? 0.1f : -0.1f); // away from relu's kink
        float[] w = KernelTest.gaussian(random, n);
        for (Activation act : Activation.values()) {
            ToDoubleFunction<float[][]> loss = p -> {
                float[] out = new float[n];
                ActivationOps.forward(Kernels.best(), act, p[0], out, n, null);
                return weighted(w, out);
            };
            ActivationOps.Cache cache = new ActivationOps.Cache();
            ActivationOps.forward(Kernels.best(), act, x, new float[n], n, cache);
            float[] dx = new float[n];
            ActivationOps.backward(act, cache, w, dx, n);
            check(act + " dx", loss, new float[][]{x}, 0, dx);
        }
    }

    @Test
    void softmaxBackwardMatchesFiniteDifferences() {
        int rows = 2, width = 9;
        float scale = 0.5f;
        int[] mask = {1, 1, 0, 1, 1, 1, 0, 1, 1};
        float[] scores = KernelTest.gaussian(random, rows * width);
        float[] w = KernelTest.gaussian(random, rows * width);
        ToDoubleFunction<float[][]> loss = p -> {
            float[] s = p[0].clone();
            SoftmaxOps.forward(Kernels.best(), s, 0, rows, width, scale, SoftmaxOps.maskBias(mask));
            return weighted(w, s);
        };
        float[] probs = scores.clone();
        SoftmaxOps.forward(Kernels.best(), probs, 0, rows, width, scale, SoftmaxOps.maskBias(mask));
        float[] dScores = new float[rows * width];
        SoftmaxOps.backward(probs, w, 0, rows, width, scale, dScores);
        check("dscores", loss, new float[][]{scores}, 0, dScores);
        assertEquals(0f, dScores[2], 0, "a masked key gets no gradient");
    }

    @Test
    void linearBackwardMatchesFiniteDifferences() {
        int s = 5, in = 7, out = 4;
        FMatrixRMaj x = MatMulOpsTest.random(random, s, in);
        FMatrixRMaj weight = MatMulOpsTest.random(random, out, in);
        float[] bias = KernelTest.gaussian(random, out);
        float[] w = KernelTest.gaussian(random, s * out);
        Kernel kernel = Kernels.best();
        ToDoubleFunction<float[][]> loss = p -> {
            FMatrixRMaj xs = new FMatrixRMaj(s, in, true, p[0]);
            FMatrixRMaj ws = new FMatrixRMaj(out, in, true, p[1]);
            FMatrixRMaj y = MatMulOps.linear(xs, MatMulOps.packLinear(kernel, ws, p[2]), new FMatrixRMaj(1, 1));
            return weighted(w, y.data);
        };
        FMatrixRMaj dX = new FMatrixRMaj(1, 1);
        FMatrixRMaj dW = new FMatrixRMaj(out, in);
        float[] dB = new float[out];
        dW.data[0] = 1f; // gradients are added to what is there
        dB[0] = 1f;
        MatMulOps.linearBackward(kernel, x, weight, new FMatrixRMaj(s, out, true, w), dX, dW, dB);
        dW.data[0] -= 1f;
        dB[0] -= 1f;
        float[][] params = {x.data, weight.data, bias};
        check("dx", loss, params, 0, dX.data);
        check("dW", loss, params, 1, dW.data);
        check("db", loss, params, 2, dB);
    }

    private static double weighted(float[] w, float[] out) {
        double l = 0;
        for (int i = 0; i < w.length; i++) l += (double) w[i] * out[i];
        return l;
    }

    /** Compares {@code analytic} with (L(p + h) − L(p − h)) / 2h for every element of params[which]. */
    private static void check(String what, ToDoubleFunction<float[][]> loss, float[][] params, int which,
                              float[] analytic) {
        float[] p = params[which];
        assertEquals(p.length, analytic.length, what);
        for (int i = 0; i < p.length; i++) {
            float saved = p[i];
            p[i] = (float) (saved + H);
            double up = loss.applyAsDouble(params);
            p[i] = (float) (saved - H);
            double down = loss.applyAsDouble(params);
            p[i] = saved;
            double numeric = (up - down) / (2 * H);
            assertEquals(numeric, analytic[i], TOLERANCE * Math.max(1, Math.abs(numeric)), what + "[" + i + "]");
        }
    }
}
