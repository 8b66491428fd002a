package albertlab.core.ops;

/**
 * A right-hand operand B [K][N] laid out once for one {@link Kernel}, plus an optional bias [N] that every product
 * row starts from. A Linear layer's weight is packed like this when the model is built (B = Wᵀ), so each forward
 * pass reads it in the order the kernel's inner loop wants.
 *
 * <p>The columns are cut into panels {@code panelWidth} wide (the last one zero-padded); a kernel may split a
 * product across threads by panels.
 */
public final class PackedMatrix {

    final Kernel kernel;
    final int k;
    final int n;
    final int panelWidth;
    final int panels;
    /** Vector kernel: panel p is [K][panelWidth] at offset p × K × panelWidth. */
    final float[] flat;
    /** Scalar kernel: row kk of panel p is {@code rows[p × K + kk]}, panelWidth long. */
    final float[][] rows;
    /** [panels × panelWidth], zero-padded; null when there is no bias. */
    final float[] bias;

    PackedMatrix(Kernel kernel, int k, int n, int panelWidth, float[] flat, float[][] rows, float[] bias) {
        this.kernel = kernel;
        this.k = k;
        this.n = n;
        this.panelWidth = panelWidth;
        this.panels = (n + panelWidth - 1) / panelWidth;
        this.flat = flat;
        this.rows = rows;
        this.bias = bias;
    }

    /** K, the inner dimension (a Linear's input width). */
    public int rows() {
        return k;
    }

    /** N, the output width. */
    public int columns() {
        return n;
    }

    public int panels() {
        return panels;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Copies the bias into panel-padded form; null stays null. */
    static float[] padBias(float[] bias, int n, int panelWidth) {
        if (bias == null) return null;
        if (bias.length != n) throw new IllegalArgumentException("bias has " + bias.length + " values, expected " + n);
        int panels = (n + panelWidth - 1) / panelWidth;
        float[] out = new float[panels * panelWidth];
        System.arraycopy(bias, 0, out, 0, n);
        return out;
    }
}
