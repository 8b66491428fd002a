package albertlab.core.ops;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Products large enough to be split over threads, against EJML's own product and a naive Linear. */
class MatMulOpsTest {

    static List<Kernel> kernels() {
        return KernelTest.kernels();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void multiplyEqualsEjml(Kernel kernel) {
        Random random = new Random(5);
        for (int[] shape : new int[][]{{129, 257, 300}, {1, 768, 33}, {64, 7, 1025}}) {
            FMatrixRMaj a = random(random, shape[0], shape[1]);
            FMatrixRMaj b = random(random, shape[1], shape[2]);
            FMatrixRMaj want = new FMatrixRMaj(1, 1);
            CommonOps_FDRM.mult(a, b, want);
            FMatrixRMaj got = MatMulOps.multiply(kernel, a, b, new FMatrixRMaj(1, 1));
            assertEquals(want.numRows, got.numRows);
            assertEquals(want.numCols, got.numCols);
            for (int i = 0; i < want.data.length; i++) {
                assertEquals(want.data[i], got.data[i], 2e-4 * Math.sqrt(shape[1]), kernel.name() + " at " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void linearIsXTimesWTransposedPlusBias(Kernel kernel) {
        Random random = new Random(6);
        int s = 37, in = 100, out = 130;
        FMatrixRMaj x = random(random, s, in);
        FMatrixRMaj w = random(random, out, in);
        float[] bias = KernelTest.gaussian(random, out);
        FMatrixRMaj y = MatMulOps.linear(x, MatMulOps.packLinear(kernel, w, bias), new FMatrixRMaj(1, 1));
        for (int t = 0; t < s; t++) {
            for (int o = 0; o < out; o++) {
                double want = bias[o];
                for (int i = 0; i < in; i++) want += (double) x.get(t, i) * w.get(o, i);
                assertEquals(want, y.get(t, o), 1e-4, kernel.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void mismatchedSizesAreRejected(Kernel kernel) {
        FMatrixRMaj x = new FMatrixRMaj(3, 4);
        PackedMatrix w = MatMulOps.packLinear(kernel, new FMatrixRMaj(5, 6), null);
        assertThrows(IllegalArgumentException.class, () -> MatMulOps.linear(x, w, new FMatrixRMaj(1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> MatMulOps.multiply(kernel, x, new FMatrixRMaj(5, 2), new FMatrixRMaj(1, 1)));
    }

    static FMatrixRMaj random(Random random, int rows, int cols) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = (float) random.nextGaussian();
        return m;
    }
}
