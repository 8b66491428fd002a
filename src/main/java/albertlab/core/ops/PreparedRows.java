package albertlab.core.ops;

/**
 * A left-hand operand A [M][K] as a kernel wants to read it: the vector kernel copies it into blocks of
 * {@code rowBlock} rows stored column by column ([M/rowBlock][K][rowBlock], zero-padded), the scalar kernel
 * reads the caller's rows in place. Built once per product and shared by the threads that split it; the blocks
 * may be packed by several threads ({@link Kernel#packRows}).
 */
public final class PreparedRows {

    final int m;
    final int k;
    final float[] data;
    final int offset;
    final int stride;
    /** 0 when {@code data} is the caller's row-major array; otherwise the height of each packed block. */
    final int rowBlock;
    /** The caller's rows (row i at {@code sourceOffset + i × sourceStride}) that packing reads. */
    final float[] source;
    final int sourceOffset;
    final int sourceStride;
    /** True when the source holds Aᵀ: A[i][kk] at {@code sourceOffset + kk × sourceStride + i}. */
    final boolean transposedSource;

    PreparedRows(int m, int k, float[] data, int offset, int stride, int rowBlock, float[] source, int sourceOffset,
                 int sourceStride) {
        this(m, k, data, offset, stride, rowBlock, source, sourceOffset, sourceStride, false);
    }

    PreparedRows(int m, int k, float[] data, int offset, int stride, int rowBlock, float[] source, int sourceOffset,
                 int sourceStride, boolean transposedSource) {
        this.transposedSource = transposedSource;
        this.m = m;
        this.k = k;
        this.source = source;
        this.sourceOffset = sourceOffset;
        this.sourceStride = sourceStride;
        this.data = data;
        this.offset = offset;
        this.stride = stride;
        this.rowBlock = rowBlock;
    }

    public int rows() {
        return m;
    }

    public int columns() {
        return k;
    }

    /** Blocks {@link Kernel#packRows} fills; 0 when the rows are read in place. */
    public int blocks() {
        return rowBlock == 0 ? 0 : (m + rowBlock - 1) / rowBlock;
    }
}
