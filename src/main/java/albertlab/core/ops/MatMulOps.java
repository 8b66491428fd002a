package albertlab.core.ops;

import org.ejml.data.FMatrixRMaj;

/**
 * Matrix products on EJML's row-major storage, through a {@link Kernel} and over the cores ({@link Parallel}).
 * A Linear layer y = x Wᵀ + b packs W once ({@link #packLinear}) and then runs {@link #linear} every pass.
 */
public final class MatMulOps {

    private MatMulOps() {
    }

    /** Packs a PyTorch Linear weight W [out][in] and bias [out] (may be null) with the best kernel. */
    public static PackedMatrix packLinear(FMatrixRMaj weight, float[] bias) {
        return packLinear(Kernels.best(), weight, bias);
    }

    public static PackedMatrix packLinear(Kernel kernel, FMatrixRMaj weight, float[] bias) {
        return kernel.pack(weight.data, 0, weight.numCols, weight.numCols, weight.numRows, true, bias);
    }

    /** Packs B [K][N] as it is (not transposed). */
    public static PackedMatrix pack(Kernel kernel, FMatrixRMaj b) {
        return kernel.pack(b.data, 0, b.numCols, b.numRows, b.numCols, false, null);
    }

    /**
     * y [S][out] = x [S][in] · Wᵀ + b. {@code y} is reshaped if needed. Backward (later) needs x and W:
     * keep x alive when training.
     */
    public static FMatrixRMaj linear(FMatrixRMaj x, PackedMatrix w, FMatrixRMaj y) {
        if (x.numCols != w.rows()) {
            throw new IllegalArgumentException("input has " + x.numCols + " features, the layer expects " + w.rows());
        }
        y.reshape(x.numRows, w.columns());
        multiply(x.data, 0, x.numCols, x.numRows, w, y.data, 0, y.numCols);
        return y;
    }

    /** C = A · B for plain EJML matrices (B packed on the fly): [M][K]·[K][N]. For tests and one-off products. */
    public static FMatrixRMaj multiply(Kernel kernel, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (a.numCols != b.numRows) {
            throw new IllegalArgumentException("cannot multiply [" + a.numRows + "][" + a.numCols + "] by ["
                    + b.numRows + "][" + b.numCols + "]");
        }
        c.reshape(a.numRows, b.numCols);
        PackedMatrix packed = pack(kernel, b);
        multiply(a.data, 0, a.numCols, a.numRows, packed, c.data, 0, c.numCols);
        return c;
    }

    /**
     * C [m][N] = A [m][K] · B + bias on strided slices: A row i at {@code a[aOffset + i·aStride]}, C row i at
     * {@code c[cOffset + i·cStride]}. Splits B's panels over the cores when the product is large enough.
     */
    public static void multiply(float[] a, int aOffset, int aStride, int m, PackedMatrix b,
                                float[] c, int cOffset, int cStride) {
        Kernel kernel = b.kernel();
        PreparedRows rows = kernel.rowsOf(a, aOffset, aStride, m, b.rows());
        // packing A is a strided copy: about a nanosecond per value, the time of ~50 flops of the product
        Parallel.forRange(rows.blocks(), 50L * m * b.rows(), (from, to) -> kernel.packRows(rows, from, to));
        long flops = 2L * m * b.rows() * b.columns();
        Parallel.forRange(b.panels(), flops,
                (from, to) -> kernel.multiply(rows, b, c, cOffset, cStride, from, to));
    }

    /** The same on the caller's thread only (for callers that already split work across threads). */
    public static void multiplyHere(float[] a, int aOffset, int aStride, int m, PackedMatrix b,
                                    float[] c, int cOffset, int cStride) {
        Kernel kernel = b.kernel();
        PreparedRows rows = kernel.prepareRows(a, aOffset, aStride, m, b.rows());
        kernel.multiply(rows, b, c, cOffset, cStride, 0, b.panels());
    }

    /** {@link #packLinear} into {@code previous}'s storage where it fits (a trainer's weights change every step). */
    public static PackedMatrix repackLinear(Kernel kernel, PackedMatrix previous, float[] weight, int out, int in,
                                            float[] bias) {
        return kernel.repack(previous, weight, 0, in, in, out, true, bias);
    }

    /** {@link #packPlain} into {@code previous}'s storage where it fits. */
    public static PackedMatrix repackPlain(Kernel kernel, PackedMatrix previous, float[] weight, int out, int in) {
        return kernel.repack(previous, weight, 0, in, out, in, false, null);
    }

    /** Packs a PyTorch Linear weight W [out][in] as it is, for the backward product dX = dY · W. */
    public static PackedMatrix packPlain(Kernel kernel, float[] weight, int out, int in) {
        return kernel.pack(weight, 0, in, out, in, false, null);
    }

    /** Scratch arrays of {@link #linearBackward(Kernel, float[], int, int, float[], int, float[], float[], Scratch)}. */
    public static final class Scratch {
        private float[] product = new float[0];

        float[] product(int n) {
            if (product.length < n) product = new float[n];
            return product;
        }
    }

    /**
     * Backward of y = x Wᵀ + b on m rows, flat arrays: dW [out][in] += dYᵀ · x and dB [out] += Σ rows of dY
     * (adding, because a shared layer collects gradients from every application). x [m][in], dY [m][out].
     * dX = dY · W is {@link #multiply} with {@link #packPlain}; it is separate because callers fuse it.
     */
    public static void linearBackward(Kernel kernel, float[] x, int m, int in, float[] dY, int out, float[] dW,
                                      float[] dB, Scratch scratch) {
        // A = dYᵀ [out][m], packed straight from dY's columns; B = x [m][in]
        PreparedRows dYt = kernel.rowsOfTransposed(dY, 0, out, out, m);
        PackedMatrix xPacked = kernel.packTransient(x, 0, in, m, in, false);
        float[] grad = scratch.product(out * in);
        multiply(dYt, xPacked, grad, 0, in);
        kernel.add(dW, 0, grad, 0, dW, 0, out * in);
        if (dB != null) {
            for (int t = 0; t < m; t++) kernel.add(dB, 0, dY, t * out, dB, 0, out);
        }
    }

    /** C [m][N] = A · B for rows already described (not yet packed), over the cores. */
    static void multiply(PreparedRows rows, PackedMatrix b, float[] c, int cOffset, int cStride) {
        Kernel kernel = b.kernel();
        Parallel.forRange(rows.blocks(), 50L * rows.rows() * b.rows(), (from, to) -> kernel.packRows(rows, from, to));
        long flops = 2L * rows.rows() * b.rows() * b.columns();
        Parallel.forRange(b.panels(), flops, (from, to) -> kernel.multiply(rows, b, c, cOffset, cStride, from, to));
    }

    /** out [cols][rows] = xᵀ for x [rows][cols], in tiles (both sides stay in cache), over the cores. */
    public static void transpose(float[] x, int rows, int cols, float[] out) {
        int tile = 32;
        int rowTiles = (rows + tile - 1) / tile;
        Parallel.forRange(rowTiles, 4L * rows * cols, (from, to) -> {
            for (int rt = from; rt < to; rt++) {
                int r0 = rt * tile;
                int r1 = Math.min(rows, r0 + tile);
                for (int c0 = 0; c0 < cols; c0 += tile) {
                    int c1 = Math.min(cols, c0 + tile);
                    for (int r = r0; r < r1; r++) {
                        int o = r * cols;
                        for (int c = c0; c < c1; c++) out[c * rows + r] = x[o + c];
                    }
                }
            }
        });
    }

    /**
     * Backward of y = x Wᵀ + b given dY [S][out]: dX [S][in] = dY · W, and dW [out][in] += dYᵀ · x,
     * dB [out] += Σ rows of dY (adding, because a shared layer collects gradients from every application).
     * {@code dX}, {@code dW} and {@code dB} may be null when not wanted.
     */
    public static void linearBackward(Kernel kernel, FMatrixRMaj x, FMatrixRMaj weight, FMatrixRMaj dY,
                                      FMatrixRMaj dX, FMatrixRMaj dW, float[] dB) {
        int s = x.numRows;
        int in = x.numCols;
        int out = weight.numRows;
        if (weight.numCols != in || dY.numRows != s || dY.numCols != out) {
            throw new IllegalArgumentException("linear backward: x [" + s + "][" + in + "], W [" + out + "]["
                    + weight.numCols + "], dY [" + dY.numRows + "][" + dY.numCols + "] do not fit");
        }
        if (dX != null) multiply(kernel, dY, weight, dX);
        if (dW != null) {
            FMatrixRMaj dYt = new FMatrixRMaj(out, s);
            for (int t = 0; t < s; t++) for (int o = 0; o < out; o++) dYt.data[o * s + t] = dY.data[t * out + o];
            FMatrixRMaj grad = multiply(kernel, dYt, x, new FMatrixRMaj(out, in));
            kernel.add(dW.data, 0, grad.data, 0, dW.data, 0, out * in);
        }
        if (dB != null) {
            for (int t = 0; t < s; t++) kernel.add(dB, 0, dY.data, t * out, dB, 0, out);
        }
    }
}
