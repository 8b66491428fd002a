package albertlab.core.ops;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every primitive of both kernels against a naive loop (in double) on awkward sizes. */
class KernelTest {

    private static final int[] SIZES = {1, 7, 33, 129};

    /** The plain kernel, this machine's vector kernel, and the vector kernel with the other tile height. */
    static List<Kernel> kernels() {
        List<Kernel> out = new ArrayList<>();
        out.add(Kernels.scalar());
        Kernel vector = Kernels.vector().orElseThrow(() -> new AssertionError("run tests with the Vector API module"));
        out.add(vector);
        out.add(new VectorKernel(VectorKernel.DEFAULT_ROWS == 8 ? 6 : 8));
        return out;
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void productMatchesNaiveOnAwkwardShapes(Kernel kernel) {
        Random random = new Random(1);
        for (int m : SIZES) {
            for (int k : SIZES) {
                for (int n : SIZES) {
                    for (boolean transposed : new boolean[]{false, true}) {
                        checkProduct(kernel, random, m, k, n, transposed, random.nextBoolean());
                    }
                }
            }
        }
        // wider than several panels of either kernel, with a ragged last panel and row block
        checkProduct(kernel, random, 37, 300, 531, true, true);
        checkProduct(kernel, random, 130, 65, 1000, false, true);
        // k longer than the vector kernel's k slice (768), with ragged edge tiles that must add up across slices
        checkProduct(kernel, random, 37, 1601, 45, true, true);
        checkProduct(kernel, random, 9, 769, 70, false, false);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void rowsGivenAsTheirTransposeGiveTheSameProduct(Kernel kernel) {
        Random random = new Random(2);
        for (int[] shape : new int[][]{{1, 1, 1}, {7, 33, 9}, {37, 129, 45}, {130, 1601, 33}}) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            // A [m][k] stored as Aᵀ [k][m] with a stride of m + 2 after an offset of 3
            int stride = m + 2;
            float[] at = gaussian(random, 3 + k * stride);
            float[] a = new float[m * k];
            for (int i = 0; i < m; i++) for (int kk = 0; kk < k; kk++) a[i * k + kk] = at[3 + kk * stride + i];
            PackedMatrix b = kernel.pack(gaussian(random, k * n), 0, n, k, n, false, null);
            float[] want = new float[m * n];
            float[] got = new float[m * n];
            kernel.multiply(kernel.prepareRows(a, 0, k, m, k), b, want, 0, n, 0, b.panels());
            PreparedRows rows = kernel.rowsOfTransposed(at, 3, stride, m, k);
            kernel.packRows(rows, 0, rows.blocks());
            kernel.multiply(rows, b, got, 0, n, 0, b.panels());
            assertArrayEquals(want, got, kernel.name() + " " + java.util.Arrays.toString(shape));
        }
    }

    /** A and C are slices inside larger arrays (offset, stride) as attention heads use them. */
    private static void checkProduct(Kernel kernel, Random random, int m, int k, int n, boolean transposed,
                                     boolean withBias) {
        int aStride = k + 3;
        int aOffset = 5;
        float[] a = gaussian(random, aOffset + m * aStride);
        int bRows = transposed ? n : k;
        int bCols = transposed ? k : n;
        int bStride = bCols + 2;
        int bOffset = 1;
        float[] b = gaussian(random, bOffset + bRows * bStride);
        float[] bias = withBias ? gaussian(random, n) : null;
        int cStride = n + 4;
        int cOffset = 3;
        float[] c = new float[cOffset + m * cStride];
        java.util.Arrays.fill(c, 42f);

        PackedMatrix packed = kernel.pack(b, bOffset, bStride, k, n, transposed, bias);
        // packed in two block ranges and multiplied in two panel ranges, as two threads would
        PreparedRows rows = kernel.rowsOf(a, aOffset, aStride, m, k);
        kernel.packRows(rows, rows.blocks() / 2, rows.blocks());
        kernel.packRows(rows, 0, rows.blocks() / 2);
        int half = packed.panels() / 2;
        kernel.multiply(rows, packed, c, cOffset, cStride, 0, half);
        kernel.multiply(rows, packed, c, cOffset, cStride, half, packed.panels());

        String shape = kernel.name() + " [" + m + "][" + k + "]x[" + k + "][" + n + "]" + (transposed ? "T" : "");
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double want = withBias ? bias[j] : 0;
                double size = Math.abs(want);
                for (int kk = 0; kk < k; kk++) {
                    double bv = transposed ? b[bOffset + j * bStride + kk] : b[bOffset + kk * bStride + j];
                    double term = (double) a[aOffset + i * aStride + kk] * bv;
                    want += term;
                    size += Math.abs(term);
                }
                float got = c[cOffset + i * cStride + j];
                if (Math.abs(got - want) > 1e-6 * size + 1e-6) fail(shape + " at " + i + "," + j + ": " + got + " vs " + want);
            }
            // padding between rows is untouched
            for (int j = n; j < cStride && i + 1 < m; j++) assertEquals(42f, c[cOffset + i * cStride + j], shape);
        }
        assertEquals(42f, c[0], shape);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void reductionsMatchNaive(Kernel kernel) {
        Random random = new Random(2);
        for (int n : SIZES) {
            float[] x = gaussian(random, n + 3);
            float[] y = gaussian(random, n + 5);
            double sum = 0, dot = 0, dist = 0, scaled = 0, dev = 0, max = Double.NEGATIVE_INFINITY, size = 0;
            float mean = 0.25f;
            for (int i = 0; i < n; i++) {
                double xi = x[3 + i], yi = y[5 + i];
                sum += xi;
                dot += xi * yi;
                dist += (xi - yi) * (xi - yi);
                scaled += (0.5 * xi - 2 * yi) * (0.5 * xi - 2 * yi);
                dev += (xi - mean) * (xi - mean);
                max = Math.max(max, xi);
                size += Math.abs(xi) + Math.abs(xi * yi) + xi * xi + yi * yi;
            }
            double tol = 1e-6 * size + 1e-6;
            String at = kernel.name() + " n=" + n;
            assertEquals(sum, kernel.sum(x, 3, n), tol, at + " sum");
            assertEquals(dot, kernel.dot(x, 3, y, 5, n), tol, at + " dot");
            assertEquals(dist, kernel.squaredDistance(x, 3, y, 5, n), 4 * tol, at + " squaredDistance");
            assertEquals(scaled, kernel.scaledSquaredDistance(x, 3, 0.5f, y, 5, 2f, n), 8 * tol, at + " scaled");
            assertEquals(dev, kernel.squaredDeviations(x, 3, n, mean), 4 * tol, at + " deviations");
            assertEquals(max, kernel.max(x, 3, n), 0, at + " max");
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void elementwiseMatchesNaive(Kernel kernel) {
        Random random = new Random(3);
        for (int n : SIZES) {
            float[] x = gaussian(random, n + 2);
            float[] y = gaussian(random, n + 1);
            float[] gamma = gaussian(random, n);
            float[] beta = gaussian(random, n);
            float[] out = new float[n + 4];
            String at = kernel.name() + " n=" + n;

            kernel.add(x, 2, y, 1, out, 4, n);
            for (int i = 0; i < n; i++) assertEquals(x[2 + i] + y[1 + i], out[4 + i], 0, at + " add");

            kernel.normalize(x, 2, n, 0.3f, 1.7f, gamma, beta, out, 4);
            for (int i = 0; i < n; i++) {
                assertEquals((x[2 + i] - 0.3) * 1.7 * gamma[i] + beta[i], out[4 + i], 1e-5, at + " normalize");
            }

            float[] s = x.clone();
            kernel.scaleAdd(s, 2, n, 0.125f, y, 1);
            for (int i = 0; i < n; i++) assertEquals(x[2 + i] * 0.125 + y[1 + i], s[2 + i], 1e-6, at + " scaleAdd");
            s = x.clone();
            kernel.scale(s, 2, n, 3f);
            for (int i = 0; i < n; i++) assertEquals(x[2 + i] * 3.0, s[2 + i], 1e-5, at + " scale");
            kernel.relu(x, 2, out, 4, n);
            for (int i = 0; i < n; i++) assertEquals(Math.max(0, x[2 + i]), out[4 + i], 0, at + " relu");
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void expIsAccurateOverItsWholeRange(Kernel kernel) {
        float[] x = new float[2001 + 7];
        for (int i = 0; i < 2001; i++) x[i] = -100f + i * 0.0941f; // -100 .. 88.2
        x[2001] = Float.NEGATIVE_INFINITY;
        x[2002] = -Float.MAX_VALUE;
        x[2003] = -Float.MAX_VALUE - 1e38f * 0; // the masked-score value
        x[2004] = 0f;
        x[2005] = -87.29f;
        x[2006] = 1e-8f;
        float[] out = new float[x.length];
        kernel.exp(x, 0, out, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            double want = x[i] < -87.3 ? 0 : Math.exp(Math.min(x[i], 88f));
            if (want == 0) assertEquals(0f, out[i], 0, kernel.name() + " exp(" + x[i] + ") must be exactly 0");
            else assertEquals(want, out[i], 3e-7 * want, kernel.name() + " exp(" + x[i] + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void expShiftedReturnsTheSum(Kernel kernel) {
        float[] x = {9f, 1f, 2f, 3f, -Float.MAX_VALUE, 0.5f};
        float sum = kernel.expShifted(x, 1, 5, 3f);
        double want = Math.exp(-2) + Math.exp(-1) + 1 + Math.exp(0.5 - 3);
        assertEquals(want, sum, 1e-6);
        assertEquals(9f, x[0]);
        assertEquals(0f, x[4], 0, "exp of a masked score is exactly 0");
        assertEquals(Math.exp(-1), x[2], 1e-7);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void activationsMatchTheirDefinitions(Kernel kernel) {
        int n = 4001 + 33;
        float[] x = new float[n];
        for (int i = 0; i < 4001; i++) x[i] = -20f + i * 0.01f;
        Random random = new Random(4);
        for (int i = 4001; i < n; i++) x[i] = (float) (random.nextGaussian() * 3);
        float[] out = new float[n];
        kernel.geluNew(x, 0, out, 0, n);
        for (int i = 0; i < n; i++) {
            double v = x[i];
            double want = 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
            assertEquals(want, out[i], 3e-7 * Math.max(1, Math.abs(want)), kernel.name() + " gelu_new(" + v + ")");
        }
        kernel.gelu(x, 0, out, 0, n);
        for (int i = 0; i < n; i++) {
            double v = x[i];
            double want = 0.5 * v * (1 + ReferenceErf.erf(v / Math.sqrt(2)));
            assertEquals(want, out[i], 5e-7 * Math.max(1, Math.abs(want)), kernel.name() + " gelu(" + v + ")");
        }
        kernel.tanh(x, 0, out, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Math.tanh(x[i]), out[i], 2.5e-7, kernel.name() + " tanh(" + x[i] + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void packedOperandsOfAnotherKernelAreRejected(Kernel kernel) {
        Kernel other = kernel == Kernels.scalar() ? kernels().get(1) : Kernels.scalar();
        PackedMatrix b = other.pack(new float[8 * 8], 0, 8, 8, 8, false, null);
        PreparedRows a = kernel.prepareRows(new float[64], 0, 8, 8, 8);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> kernel.multiply(a, b, new float[64], 0, 8, 0, b.panels()));
        assertTrue(e.getMessage().contains("another kernel"));
    }

    static float[] gaussian(Random random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) random.nextGaussian();
        return x;
    }
}
