package albertlab.core.ops;

/**
 * A left-hand operand A [M][K] as a kernel wants to read it: the vector kernel copies it into blocks of
 * {@code rowBlock} rows stored column by column ([M/rowBlock][K][rowBlock], zero-padded), the scalar kernel
 * reads the caller's rows in place. Built once per product and shared by the threads that split it.
 */
public final class PreparedRows {

    final int m;
    final int k;
    final float[] data;
    final int offset;
    final int stride;
    /** 0 when {@code data} is the caller's row-major array; otherwise the height of each packed block. */
    final int rowBlock;

    PreparedRows(int m, int k, float[] data, int offset, int stride, int rowBlock) {
        this.m = m;
        this.k = k;
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
}
