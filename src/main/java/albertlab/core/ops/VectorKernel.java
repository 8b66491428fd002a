package albertlab.core.ops;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The incubating Vector API ({@code jdk.incubator.vector}). Load this class only when that module is in the boot
 * layer ({@link Kernels} checks): its constant pool names the module's classes.
 *
 * <p>Products use a register tile of 6 or 8 rows ({@link #DEFAULT_ROWS}) × 2 vectors (with AVX-512: 8 rows ×
 * 32 floats, 16 accumulators). B is packed in panels [K][2 vectors], A in blocks [K][rows], so the inner loop
 * reads both sequentially: per k it loads two vectors of B, broadcasts one value of A per row and issues 2·rows
 * fused multiply-adds.
 */
final class VectorKernel implements Kernel {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int VL = F.length();
    /**
     * Rows per register tile (MR). 8 rows × 2 vectors need 16 accumulators plus 3 registers: fine with AVX-512's or
     * ARM's 32 vector registers, spilling with AVX2's 16, where 6 rows (12 accumulators) run faster.
     */
    static final int DEFAULT_ROWS = VL >= 16 || "aarch64".equals(System.getProperty("os.arch")) ? 8 : 6;
    /** Columns per register tile and per packed panel (NR). */
    static final int WIDTH = 2 * VL;
    /**
     * k per pass over a panel range (KC). 128 rows of A over 768 k packed take 384 KiB and a panel's slice 96 KiB:
     * both stay in a 2 MiB L2 while the tiles reuse them; with k = 3072 in one pass they did not (−25%).
     */
    static final int K_SLICE = 768;
    /** Float.floatToIntBits(1.5·2²³). */
    private static final int ROUND_BITS = Float.floatToIntBits(FastMath.ROUND);

    /** Rows per register tile: 8 or 6. */
    private final int rowsPerTile;

    VectorKernel() {
        this(DEFAULT_ROWS);
    }

    /** Tests run both tile heights on any machine. */
    VectorKernel(int rowsPerTile) {
        if (rowsPerTile != 8 && rowsPerTile != 6) throw new IllegalArgumentException("tiles have 6 or 8 rows");
        this.rowsPerTile = rowsPerTile;
    }

    @Override
    public String name() {
        return "vector-" + F.vectorBitSize() + "x" + rowsPerTile;
    }

    @Override
    public PackedMatrix pack(float[] source, int offset, int stride, int k, int n, boolean transposed, float[] bias) {
        int panels = (n + WIDTH - 1) / WIDTH;
        return packInto(new float[panels * k * WIDTH], source, offset, stride, k, n, transposed, bias);
    }

    private PackedMatrix packInto(float[] flat, float[] source, int offset, int stride, int k, int n,
                                  boolean transposed, float[] bias) {
        int panels = (n + WIDTH - 1) / WIDTH;
        for (int p = 0; p < panels; p++) {
            int cols = Math.min(WIDTH, n - p * WIDTH);
            int base = p * k * WIDTH;
            if (transposed) {
                // source row j (an output) becomes column c of every k-row of the panel
                for (int c = 0; c < cols; c++) {
                    int src = offset + (p * WIDTH + c) * stride;
                    for (int kk = 0; kk < k; kk++) flat[base + kk * WIDTH + c] = source[src + kk];
                }
            } else {
                for (int kk = 0; kk < k; kk++) {
                    System.arraycopy(source, offset + kk * stride + p * WIDTH, flat, base + kk * WIDTH, cols);
                }
            }
        }
        return new PackedMatrix(this, k, n, WIDTH, flat, null, PackedMatrix.padBias(bias, n, WIDTH));
    }

    /**
     * Each thread's buffers for packed A rows and for transient B operands: a training step runs thousands of
     * products, and a fresh array for each was most of the gigabytes a step allocated. Padding left over from an
     * earlier use is harmless: a padded row of A or column of B only reaches the scratch tile's invalid part.
     */
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[][]{new float[0],
            new float[0]});

    private static float[] buffer(int which, int length) {
        float[][] b = BUFFERS.get();
        if (b[which].length < length) b[which] = new float[Math.max(length, b[which].length + b[which].length / 2)];
        return b[which];
    }

    @Override
    public PreparedRows rowsOf(float[] a, int offset, int stride, int m, int k) {
        int blocks = (m + rowsPerTile - 1) / rowsPerTile;
        return new PreparedRows(m, k, buffer(0, blocks * k * rowsPerTile), 0, 0, rowsPerTile, a, offset, stride);
    }

    @Override
    public PackedMatrix repack(PackedMatrix previous, float[] source, int offset, int stride, int k, int n,
                               boolean transposed, float[] bias) {
        if (previous == null || previous.kernel != this || previous.k != k || previous.n != n || previous.flat == null) {
            return pack(source, offset, stride, k, n, transposed, bias);
        }
        return packInto(previous.flat, source, offset, stride, k, n, transposed, bias);
    }

    @Override
    public PackedMatrix packTransient(float[] source, int offset, int stride, int k, int n, boolean transposed) {
        int panels = (n + WIDTH - 1) / WIDTH;
        return packInto(buffer(1, panels * k * WIDTH), source, offset, stride, k, n, transposed, null);
    }

    @Override
    public PreparedRows rowsOfTransposed(float[] a, int offset, int stride, int m, int k) {
        int blocks = (m + rowsPerTile - 1) / rowsPerTile;
        return new PreparedRows(m, k, buffer(0, blocks * k * rowsPerTile), 0, 0, rowsPerTile, a, offset, stride,
                true);
    }

    @Override
    public void packRows(PreparedRows rows, int blockFrom, int blockTo) {
        if (rows.rowBlock != rowsPerTile) throw new IllegalArgumentException("rows prepared for another kernel");
        float[] a = rows.source;
        float[] packed = rows.data;
        int k = rows.k;
        int stride = rows.sourceStride;
        if (rows.transposedSource) {
            // a block's rows are consecutive columns of the source: one short contiguous copy per k
            for (int block = blockFrom; block < blockTo; block++) {
                int i = block * rowsPerTile;
                int count = Math.min(rowsPerTile, rows.m - i);
                int base = block * k * rowsPerTile;
                for (int kk = 0; kk < k; kk++) {
                    System.arraycopy(a, rows.sourceOffset + kk * stride + i, packed, base + kk * rowsPerTile, count);
                }
            }
            return;
        }
        for (int block = blockFrom; block < blockTo; block++) {
            int i = block * rowsPerTile;
            int count = Math.min(rowsPerTile, rows.m - i);
            int src = rows.sourceOffset + i * stride;
            int base = block * k * rowsPerTile;
            // writes run sequentially; the block's source rows are as many sequential read streams
            if (rowsPerTile == 8 && count == 8) {
                int s1 = src + stride, s2 = s1 + stride, s3 = s2 + stride;
                int s4 = s3 + stride, s5 = s4 + stride, s6 = s5 + stride, s7 = s6 + stride;
                for (int kk = 0, o = base; kk < k; kk++, o += 8) {
                    packed[o] = a[src + kk];
                    packed[o + 1] = a[s1 + kk];
                    packed[o + 2] = a[s2 + kk];
                    packed[o + 3] = a[s3 + kk];
                    packed[o + 4] = a[s4 + kk];
                    packed[o + 5] = a[s5 + kk];
                    packed[o + 6] = a[s6 + kk];
                    packed[o + 7] = a[s7 + kk];
                }
            } else {
                for (int kk = 0, o = base; kk < k; kk++, o += rowsPerTile) {
                    for (int r = 0; r < count; r++) packed[o + r] = a[src + r * stride + kk];
                }
            }
        }
    }

    @Override
    public void multiply(PreparedRows a, PackedMatrix b, float[] c, int cOffset, int cStride, int panelFrom,
                         int panelTo) {
        if (a.k != b.k) throw new IllegalArgumentException("inner sizes differ: " + a.k + " vs " + b.k);
        if (a.rowBlock != rowsPerTile || b.flat == null) {
            throw new IllegalArgumentException("operands packed for another kernel");
        }
        int k = b.k;
        int blocks = (a.m + rowsPerTile - 1) / rowsPerTile;
        float[] tile = null;
        // k in slices, so that one slice of packed A and of a B panel stay in cache while every tile of the
        // panel range reads them; later slices add to what the earlier ones stored
        for (int kFrom = 0; kFrom < k; kFrom += K_SLICE) {
            int kTo = Math.min(k, kFrom + K_SLICE);
            boolean accumulate = kFrom > 0;
            for (int p = panelFrom; p < panelTo; p++) {
                int j = p * WIDTH;
                int cols = Math.min(WIDTH, b.n - j);
                for (int block = 0; block < blocks; block++) {
                    int i = block * rowsPerTile;
                    int rows = Math.min(rowsPerTile, a.m - i);
                    boolean whole = rows == rowsPerTile && cols == WIDTH;
                    // an edge tile goes through a scratch tile; only its valid part is copied in and out
                    float[] out = c;
                    int o = cOffset + i * cStride + j;
                    int step = cStride;
                    if (!whole) {
                        if (tile == null) tile = new float[rowsPerTile * WIDTH];
                        if (accumulate) {
                            for (int r = 0; r < rows; r++) {
                                System.arraycopy(c, cOffset + (i + r) * cStride + j, tile, r * WIDTH, cols);
                            }
                        }
                        out = tile;
                        o = 0;
                        step = WIDTH;
                    }
                    int aBase = block * k * rowsPerTile;
                    int bBase = p * k * WIDTH;
                    if (rowsPerTile == 8) {
                        tile8(a.data, aBase, b.flat, bBase, kFrom, kTo, b.bias, j, accumulate, out, o, step);
                    } else {
                        tile6(a.data, aBase, b.flat, bBase, kFrom, kTo, b.bias, j, accumulate, out, o, step);
                    }
                    if (!whole) {
                        for (int r = 0; r < rows; r++) {
                            System.arraycopy(tile, r * WIDTH, c, cOffset + (i + r) * cStride + j, cols);
                        }
                    }
                }
            }
        }
    }

    /**
     * One 8-row tile over k in [kFrom, kTo): C[i..i+8)[j..j+WIDTH) = (accumulate ? C : bias) + A·B, with C
     * row r at out[o + r·step].
     */
    private static void tile8(float[] ap, int aBase, float[] bp, int bBase, int kFrom, int kTo, float[] bias,
                              int j, boolean accumulate, float[] out, int o, int step) {
        FloatVector s0 = bias == null ? FloatVector.zero(F) : FloatVector.fromArray(F, bias, j);
        FloatVector s1 = bias == null ? FloatVector.zero(F) : FloatVector.fromArray(F, bias, j + VL);
        FloatVector c00 = s0, c01 = s1, c10 = s0, c11 = s1;
        FloatVector c20 = s0, c21 = s1, c30 = s0, c31 = s1;
        FloatVector c40 = s0, c41 = s1, c50 = s0, c51 = s1;
        FloatVector c60 = s0, c61 = s1, c70 = s0, c71 = s1;
        if (accumulate) {
            c00 = FloatVector.fromArray(F, out, o);
            c01 = FloatVector.fromArray(F, out, o + VL);
            c10 = FloatVector.fromArray(F, out, o + step);
            c11 = FloatVector.fromArray(F, out, o + step + VL);
            c20 = FloatVector.fromArray(F, out, o + 2 * step);
            c21 = FloatVector.fromArray(F, out, o + 2 * step + VL);
            c30 = FloatVector.fromArray(F, out, o + 3 * step);
            c31 = FloatVector.fromArray(F, out, o + 3 * step + VL);
            c40 = FloatVector.fromArray(F, out, o + 4 * step);
            c41 = FloatVector.fromArray(F, out, o + 4 * step + VL);
            c50 = FloatVector.fromArray(F, out, o + 5 * step);
            c51 = FloatVector.fromArray(F, out, o + 5 * step + VL);
            c60 = FloatVector.fromArray(F, out, o + 6 * step);
            c61 = FloatVector.fromArray(F, out, o + 6 * step + VL);
            c70 = FloatVector.fromArray(F, out, o + 7 * step);
            c71 = FloatVector.fromArray(F, out, o + 7 * step + VL);
        }
        for (int kk = kFrom; kk < kTo; kk++) {
            int bo = bBase + kk * WIDTH;
            FloatVector b0 = FloatVector.fromArray(F, bp, bo);
            FloatVector b1 = FloatVector.fromArray(F, bp, bo + VL);
            int ao = aBase + kk * 8;
            FloatVector x = FloatVector.broadcast(F, ap[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, ap[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, ap[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, ap[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, ap[ao + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, ap[ao + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(F, ap[ao + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(F, ap[ao + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + VL);
        c10.intoArray(out, o + step);
        c11.intoArray(out, o + step + VL);
        c20.intoArray(out, o + 2 * step);
        c21.intoArray(out, o + 2 * step + VL);
        c30.intoArray(out, o + 3 * step);
        c31.intoArray(out, o + 3 * step + VL);
        c40.intoArray(out, o + 4 * step);
        c41.intoArray(out, o + 4 * step + VL);
        c50.intoArray(out, o + 5 * step);
        c51.intoArray(out, o + 5 * step + VL);
        c60.intoArray(out, o + 6 * step);
        c61.intoArray(out, o + 6 * step + VL);
        c70.intoArray(out, o + 7 * step);
        c71.intoArray(out, o + 7 * step + VL);
    }

    /**
     * One 6-row tile over k in [kFrom, kTo): C[i..i+6)[j..j+WIDTH) = (accumulate ? C : bias) + A·B, with C
     * row r at out[o + r·step].
     */
    private static void tile6(float[] ap, int aBase, float[] bp, int bBase, int kFrom, int kTo, float[] bias,
                              int j, boolean accumulate, float[] out, int o, int step) {
        FloatVector s0 = bias == null ? FloatVector.zero(F) : FloatVector.fromArray(F, bias, j);
        FloatVector s1 = bias == null ? FloatVector.zero(F) : FloatVector.fromArray(F, bias, j + VL);
        FloatVector c00 = s0, c01 = s1, c10 = s0, c11 = s1;
        FloatVector c20 = s0, c21 = s1, c30 = s0, c31 = s1;
        FloatVector c40 = s0, c41 = s1, c50 = s0, c51 = s1;
        if (accumulate) {
            c00 = FloatVector.fromArray(F, out, o);
            c01 = FloatVector.fromArray(F, out, o + VL);
            c10 = FloatVector.fromArray(F, out, o + step);
            c11 = FloatVector.fromArray(F, out, o + step + VL);
            c20 = FloatVector.fromArray(F, out, o + 2 * step);
            c21 = FloatVector.fromArray(F, out, o + 2 * step + VL);
            c30 = FloatVector.fromArray(F, out, o + 3 * step);
            c31 = FloatVector.fromArray(F, out, o + 3 * step + VL);
            c40 = FloatVector.fromArray(F, out, o + 4 * step);
            c41 = FloatVector.fromArray(F, out, o + 4 * step + VL);
            c50 = FloatVector.fromArray(F, out, o + 5 * step);
            c51 = FloatVector.fromArray(F, out, o + 5 * step + VL);
        }
        for (int kk = kFrom; kk < kTo; kk++) {
            int bo = bBase + kk * WIDTH;
            FloatVector b0 = FloatVector.fromArray(F, bp, bo);
            FloatVector b1 = FloatVector.fromArray(F, bp, bo + VL);
            int ao = aBase + kk * 6;
            FloatVector x = FloatVector.broadcast(F, ap[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, ap[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, ap[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, ap[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, ap[ao + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, ap[ao + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + VL);
        c10.intoArray(out, o + step);
        c11.intoArray(out, o + step + VL);
        c20.intoArray(out, o + 2 * step);
        c21.intoArray(out, o + 2 * step + VL);
        c30.intoArray(out, o + 3 * step);
        c31.intoArray(out, o + 3 * step + VL);
        c40.intoArray(out, o + 4 * step);
        c41.intoArray(out, o + 4 * step + VL);
        c50.intoArray(out, o + 5 * step);
        c51.intoArray(out, o + 5 * step + VL);
    }

    // ---- reductions

    @Override
    public float sum(float[] x, int offset, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) acc = acc.add(FloatVector.fromArray(F, x, offset + i));
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += x[offset + i];
        return s;
    }

    @Override
    public float max(float[] x, int offset, int n) {
        FloatVector acc = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) acc = acc.max(FloatVector.fromArray(F, x, offset + i));
        float m = acc.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) m = Math.max(m, x[offset + i]);
        return m;
    }

    @Override
    public float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            acc = FloatVector.fromArray(F, x, xOffset + i).fma(FloatVector.fromArray(F, y, yOffset + i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += x[xOffset + i] * y[yOffset + i];
        return s;
    }

    @Override
    public float squaredDistance(float[] x, int xOffset, float[] y, int yOffset, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector d = FloatVector.fromArray(F, x, xOffset + i).sub(FloatVector.fromArray(F, y, yOffset + i));
            acc = d.fma(d, acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float d = x[xOffset + i] - y[yOffset + i];
            s += d * d;
        }
        return s;
    }

    @Override
    public float scaledSquaredDistance(float[] x, int xOffset, float a, float[] y, int yOffset, float b, int n) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector d = FloatVector.fromArray(F, x, xOffset + i).mul(a)
                    .sub(FloatVector.fromArray(F, y, yOffset + i).mul(b));
            acc = d.fma(d, acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float d = a * x[xOffset + i] - b * y[yOffset + i];
            s += d * d;
        }
        return s;
    }

    @Override
    public float squaredDeviations(float[] x, int offset, int n, float mean) {
        FloatVector acc = FloatVector.zero(F);
        FloatVector mu = FloatVector.broadcast(F, mean);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector d = FloatVector.fromArray(F, x, offset + i).sub(mu);
            acc = d.fma(d, acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float d = x[offset + i] - mean;
            s += d * d;
        }
        return s;
    }

    // ---- element-wise

    @Override
    public void add(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector.fromArray(F, x, xOffset + i).add(FloatVector.fromArray(F, y, yOffset + i))
                    .intoArray(out, outOffset + i);
        }
        for (; i < n; i++) out[outOffset + i] = x[xOffset + i] + y[yOffset + i];
    }

    @Override
    public void normalize(float[] x, int xOffset, int n, float mean, float rstd, float[] gamma, float[] beta,
                          float[] out, int outOffset) {
        FloatVector mu = FloatVector.broadcast(F, mean);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector.fromArray(F, x, xOffset + i).sub(mu).mul(rstd).mul(FloatVector.fromArray(F, gamma, i))
                    .add(FloatVector.fromArray(F, beta, i)).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) out[outOffset + i] = (x[xOffset + i] - mean) * rstd * gamma[i] + beta[i];
    }

    @Override
    public void scaleAdd(float[] x, int offset, int n, float scale, float[] addend, int addendOffset) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector.fromArray(F, x, offset + i).mul(scale).add(FloatVector.fromArray(F, addend, addendOffset + i))
                    .intoArray(x, offset + i);
        }
        for (; i < n; i++) x[offset + i] = x[offset + i] * scale + addend[addendOffset + i];
    }

    @Override
    public void scale(float[] x, int offset, int n, float scale) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector.fromArray(F, x, offset + i).mul(scale).intoArray(x, offset + i);
        }
        for (; i < n; i++) x[offset + i] *= scale;
    }

    @Override
    public float expShifted(float[] x, int offset, int n, float shift) {
        FloatVector acc = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector e = exp(FloatVector.fromArray(F, x, offset + i).sub(shift));
            e.intoArray(x, offset + i);
            acc = acc.add(e);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float e = FastMath.exp(x[offset + i] - shift);
            x[offset + i] = e;
            s += e;
        }
        return s;
    }

    @Override
    public void exp(float[] x, int xOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            exp(FloatVector.fromArray(F, x, xOffset + i)).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) out[outOffset + i] = FastMath.exp(x[xOffset + i]);
    }

    @Override
    public void tanh(float[] x, int xOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector e = exp(FloatVector.fromArray(F, x, xOffset + i).mul(2f));
            FloatVector.broadcast(F, 1f).sub(FloatVector.broadcast(F, 2f).div(e.add(1f))).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) out[outOffset + i] = FastMath.tanh(x[xOffset + i]);
    }

    @Override
    public void geluNew(float[] x, int xOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector v = FloatVector.fromArray(F, x, xOffset + i);
            // x / (1 + e^{−2u}), u = √(2/π)(x + 0.044715 x³)
            FloatVector u = v.mul(v).mul(v).mul(FastMath.GELU_NEW_CUBIC).add(v).mul(-2f * FastMath.GELU_NEW_SCALE);
            v.div(exp(u).add(1f)).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) out[outOffset + i] = FastMath.geluNew(x[xOffset + i]);
    }

    @Override
    public void gelu(float[] x, int xOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector v = FloatVector.fromArray(F, x, xOffset + i);
            FloatVector q = erfcNonNegative(v.abs().mul(FastMath.INV_SQRT2));
            VectorMask<Float> positive = v.compare(VectorOperators.GE, 0f);
            FloatVector factor = q.blend(FloatVector.broadcast(F, 2f).sub(q), positive);
            v.mul(0.5f).mul(factor).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) out[outOffset + i] = FastMath.gelu(x[xOffset + i]);
    }

    @Override
    public void relu(float[] x, int xOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += VL) {
            FloatVector.fromArray(F, x, xOffset + i).max(0f).intoArray(out, outOffset + i);
        }
        for (; i < n; i++) out[outOffset + i] = Math.max(0f, x[xOffset + i]);
    }

    /** {@link FastMath#exp} lane by lane. */
    private static FloatVector exp(FloatVector x) {
        VectorMask<Float> under = x.compare(VectorOperators.LT, FastMath.EXP_MIN);
        x = x.max(FastMath.EXP_MIN).min(FastMath.EXP_MAX);
        // t = x log2(e) + 1.5·2²³ rounds to an integer n held in t's low mantissa bits: bits(t) = 0x4B400000 + n.
        // Reading n from the bits avoids a float→int conversion, which C2 does not vectorize in JDK 17.
        FloatVector t = x.mul(FastMath.LOG2E).add(FastMath.ROUND);
        FloatVector n = t.sub(FastMath.ROUND);
        FloatVector r = x.sub(n.mul(FastMath.LN2_HI)).sub(n.mul(FastMath.LN2_LO));
        FloatVector p = FloatVector.broadcast(F, 1f / 5040);
        p = p.fma(r, FloatVector.broadcast(F, 1f / 720));
        p = p.fma(r, FloatVector.broadcast(F, 1f / 120));
        p = p.fma(r, FloatVector.broadcast(F, 1f / 24));
        p = p.fma(r, FloatVector.broadcast(F, 1f / 6));
        p = p.fma(r, FloatVector.broadcast(F, 0.5f));
        p = p.fma(r, FloatVector.broadcast(F, 1f));
        p = p.fma(r, FloatVector.broadcast(F, 1f));
        IntVector bits = t.reinterpretAsInts().add(127 - ROUND_BITS).lanewise(VectorOperators.LSHL, 23);
        return p.mul(bits.reinterpretAsFloats()).blend(FloatVector.zero(F), under);
    }

    /** {@link FastMath#erfcNonNegative} lane by lane. */
    private static FloatVector erfcNonNegative(FloatVector z) {
        FloatVector t = FloatVector.broadcast(F, 1f).div(z.fma(0.5f, 1f));
        float[] c = FastMath.ERFC;
        FloatVector p = FloatVector.broadcast(F, c[9]);
        for (int i = 8; i >= 0; i--) p = p.fma(t, FloatVector.broadcast(F, c[i]));
        return t.mul(exp(z.mul(z).neg().add(p)));
    }
}
