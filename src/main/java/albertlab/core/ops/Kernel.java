package albertlab.core.ops;

/**
 * The float32 loops everything else is built on. Two implementations compute the same thing: {@link VectorKernel}
 * (the incubating Vector API, used when the JVM was started with {@code --add-modules jdk.incubator.vector}) and
 * {@link ScalarKernel} (plain Java that C2 can auto-vectorize). {@link Kernels#best()} picks one.
 *
 * <p>Arrays are addressed as (array, offset[, stride]) so that a slice of a row-major matrix (one head's columns,
 * one row) needs no copy. Methods with an {@code out} array may be called in place ({@code out == x}, same offset).
 */
public interface Kernel {

    String name();

    // ---- matrix products: C = A·B (+ bias), B packed once, A prepared once per product

    /**
     * Packs B [k][n] for this kernel. With {@code transposed} the source is Bᵀ, i.e. [n][k] (a PyTorch Linear
     * weight [out][in]): then A·B = A·Wᵀ. Row r of the source starts at {@code offset + r × stride}.
     */
    PackedMatrix pack(float[] source, int offset, int stride, int k, int n, boolean transposed, float[] bias);

    /**
     * {@link #pack} again into {@code previous}'s storage when it was packed by this kernel with the same shape (a
     * trainer repacks every weight every step), else a fresh {@link #pack}. {@code previous} is then stale.
     */
    default PackedMatrix repack(PackedMatrix previous, float[] source, int offset, int stride, int k, int n,
                                boolean transposed, float[] bias) {
        return pack(source, offset, stride, k, n, transposed, bias);
    }

    /**
     * {@link #pack} for an operand used by one product only (attention's q, k, v; a weight gradient's x): a kernel
     * may reuse its thread's buffer, so the result is valid until this thread's next {@code packTransient}.
     */
    default PackedMatrix packTransient(float[] source, int offset, int stride, int k, int n, boolean transposed) {
        return pack(source, offset, stride, k, n, transposed, null);
    }

    /**
     * A [m][k] (row i starts at {@code offset + i × stride}), not yet packed: {@link #packRows} must fill every
     * block of {@link PreparedRows#blocks()} before a product reads it. Threads may pack different blocks. The
     * packed copy may live in the calling thread's buffer: it is valid until that thread's next {@code rowsOf}.
     */
    PreparedRows rowsOf(float[] a, int offset, int stride, int m, int k);

    /**
     * A [m][k] given as its transpose: A[i][kk] at {@code a[offset + kk × stride + i]} (the dYᵀ of a weight
     * gradient dW = dYᵀ·X, read without a transposed copy where the kernel packs rows anyway).
     */
    default PreparedRows rowsOfTransposed(float[] a, int offset, int stride, int m, int k) {
        float[] copy = new float[m * k];
        for (int kk = 0; kk < k; kk++) {
            int src = offset + kk * stride;
            for (int i = 0; i < m; i++) copy[i * k + kk] = a[src + i];
        }
        return rowsOf(copy, 0, k, m, k);
    }

    /** Packs blocks [blockFrom, blockTo) of {@code rows}; nothing to do for a kernel that reads rows in place. */
    void packRows(PreparedRows rows, int blockFrom, int blockTo);

    /** A [m][k] ready for {@link #multiply}: {@link #rowsOf} with every block packed on this thread. */
    default PreparedRows prepareRows(float[] a, int offset, int stride, int m, int k) {
        PreparedRows rows = rowsOf(a, offset, stride, m, k);
        packRows(rows, 0, rows.blocks());
        return rows;
    }

    /**
     * C[i][j] = bias[j] + Σₖ A[i][k] B[k][j] for the columns of panels [panelFrom, panelTo); C row i starts at
     * {@code cOffset + i × cStride}. Different panel ranges touch different columns, so threads may share A and C.
     */
    void multiply(PreparedRows a, PackedMatrix b, float[] c, int cOffset, int cStride, int panelFrom, int panelTo);

    // ---- reductions over x[offset .. offset+n)

    float sum(float[] x, int offset, int n);

    float max(float[] x, int offset, int n);

    float dot(float[] x, int xOffset, float[] y, int yOffset, int n);

    /** Σ (x − y)². */
    float squaredDistance(float[] x, int xOffset, float[] y, int yOffset, int n);

    /** Σ (a·x − b·y)²: with a = 1/|x|, b = 1/|y| the chord between the two directions, whose half-angle is stable
     * where arccos of a cosine near 1 is not. */
    float scaledSquaredDistance(float[] x, int xOffset, float a, float[] y, int yOffset, float b, int n);

    /** Σ (x − mean)². */
    float squaredDeviations(float[] x, int offset, int n, float mean);

    // ---- element-wise

    /** out = x + y. */
    void add(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n);

    /** out = (x − mean) × rstd × gamma + beta (gamma and beta from index 0). */
    void normalize(float[] x, int xOffset, int n, float mean, float rstd, float[] gamma, float[] beta,
                   float[] out, int outOffset);

    /** x = x × scale + addend (addend from {@code addendOffset}). */
    void scaleAdd(float[] x, int offset, int n, float scale, float[] addend, int addendOffset);

    /** x = x × scale. */
    void scale(float[] x, int offset, int n, float scale);

    /** x = exp(x − shift) in place; returns the sum of the new values. exp of −∞ or of less than −87.3 is 0. */
    float expShifted(float[] x, int offset, int n, float shift);

    /** out = exp(x). */
    void exp(float[] x, int xOffset, float[] out, int outOffset, int n);

    /** out = tanh(x). */
    void tanh(float[] x, int xOffset, float[] out, int outOffset, int n);

    /** out = 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))): Hugging Face's {@code gelu_new}. */
    void geluNew(float[] x, int xOffset, float[] out, int outOffset, int n);

    /** out = 0.5 x (1 + erf(x / √2)): Hugging Face's {@code gelu}. */
    void gelu(float[] x, int xOffset, float[] out, int outOffset, int n);

    /** out = max(0, x). */
    void relu(float[] x, int xOffset, float[] out, int outOffset, int n);
}
