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
 * <p>Products use a register tile of 8 rows × 2 vectors (16 accumulators; 32 floats wide with AVX-512). B is
 * packed in panels [K][2 vectors], A in blocks [K][8 rows], so the inner loop reads both sequentially: per k it
 * loads two vectors of B, broadcasts 8 values of A and issues 16 fused multiply-adds.
 */
final class VectorKernel implements Kernel {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int VL = F.length();
    /** Rows per register tile (MR). */
    static final int ROWS = 8;
    /** Columns per register tile and per packed panel (NR). */
    static final int WIDTH = 2 * VL;
    /** Float.floatToIntBits(1.5·2²³). */
    private static final int ROUND_BITS = Float.floatToIntBits(FastMath.ROUND);

    @Override
    public String name() {
        return "vector-" + F.vectorBitSize();
    }

    @Override
    public PackedMatrix pack(float[] source, int offset, int stride, int k, int n, boolean transposed, float[] bias) {
        int panels = (n + WIDTH - 1) / WIDTH;
        float[] flat = new float[panels * k * WIDTH];
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

    @Override
    public PreparedRows prepareRows(float[] a, int offset, int stride, int m, int k) {
        int blocks = (m + ROWS - 1) / ROWS;
        float[] packed = new float[blocks * k * ROWS];
        for (int block = 0; block < blocks; block++) {
            int i = block * ROWS;
            int base = block * k * ROWS;
            if (i + ROWS <= m) {
                // writes run sequentially; the 8 source rows are 8 sequential read streams
                int s0 = offset + i * stride;
                int s1 = s0 + stride, s2 = s1 + stride, s3 = s2 + stride;
                int s4 = s3 + stride, s5 = s4 + stride, s6 = s5 + stride, s7 = s6 + stride;
                for (int kk = 0, o = base; kk < k; kk++, o += ROWS) {
                    packed[o] = a[s0 + kk];
                    packed[o + 1] = a[s1 + kk];
                    packed[o + 2] = a[s2 + kk];
                    packed[o + 3] = a[s3 + kk];
                    packed[o + 4] = a[s4 + kk];
                    packed[o + 5] = a[s5 + kk];
                    packed[o + 6] = a[s6 + kk];
                    packed[o + 7] = a[s7 + kk];
                }
            } else {
                for (int r = 0; i + r < m; r++) {
                    int src = offset + (i + r) * stride;
                    for (int kk = 0; kk < k; kk++) packed[base + kk * ROWS + r] = a[src + kk];
                }
            }
        }
        return new PreparedRows(m, k, packed, 0, 0, ROWS);
    }

    @Override
    public void multiply(PreparedRows a, PackedMatrix b, float[] c, int cOffset, int cStride, int panelFrom,
                         int panelTo) {
        if (a.k != b.k) throw new IllegalArgumentException("inner sizes differ: " + a.k + " vs " + b.k);
        if (a.rowBlock != ROWS || b.flat == null) throw new IllegalArgumentException("operands packed for another kernel");
        int k = b.k;
        int blocks = (a.m + ROWS - 1) / ROWS;
        float[] ap = a.data;
        float[] bp = b.flat;
        float[] tile = null;
        for (int p = panelFrom; p < panelTo; p++) {
            int j = p * WIDTH;
            int cols = Math.min(WIDTH, b.n - j);
            int bBase = p * k * WIDTH;
            FloatVector start0 = b.bias == null ? FloatVector.zero(F) : FloatVector.fromArray(F, b.bias, j);
            FloatVector start1 = b.bias == null ? FloatVector.zero(F) : FloatVector.fromArray(F, b.bias, j + VL);
            for (int block = 0; block < blocks; block++) {
                int i = block * ROWS;
                int rows = Math.min(ROWS, a.m - i);
                int aBase = block * k * ROWS;
                FloatVector c00 = start0, c01 = start1, c10 = start0, c11 = start1;
                FloatVector c20 = start0, c21 = start1, c30 = start0, c31 = start1;
                FloatVector c40 = start0, c41 = start1, c50 = start0, c51 = start1;
                FloatVector c60 = start0, c61 = start1, c70 = start0, c71 = start1;
                for (int kk = 0; kk < k; kk++) {
                    int bo = bBase + kk * WIDTH;
                    FloatVector b0 = FloatVector.fromArray(F, bp, bo);
                    FloatVector b1 = FloatVector.fromArray(F, bp, bo + VL);
                    int ao = aBase + kk * ROWS;
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
                boolean whole = rows == ROWS && cols == WIDTH;
                float[] out = c;
                int o = cOffset + i * cStride + j;
                int step = cStride;
                if (!whole) {
                    // an edge tile goes through a scratch tile, then only its valid part is copied
                    if (tile == null) tile = new float[ROWS * WIDTH];
                    out = tile;
                    o = 0;
                    step = WIDTH;
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
                if (!whole) {
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(tile, r * WIDTH, c, cOffset + (i + r) * cStride + j, cols);
                    }
                }
            }
        }
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
