package albertlab.core.ops;

/**
 * Plain Java loops, for a JVM started without the Vector API module (the command line's {@code java -jar}).
 *
 * <p>Products: C2 vectorizes {@code acc[c] += a * row[c]} only when both arrays are indexed from 0 by the loop
 * variable, so B is packed as one small array per (panel, k) row and C is accumulated two rows at a time in
 * panel-wide arrays. Reductions keep several partial sums to break the add latency chain.
 */
final class ScalarKernel implements Kernel {

    /** Panel width: 128 columns keeps the accumulators and four B rows in L1 and gives 6 panels at N = 768. */
    static final int PANEL = 128;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public PackedMatrix pack(float[] source, int offset, int stride, int k, int n, boolean transposed, float[] bias) {
        int width = Math.min(PANEL, n);
        int panels = (n + width - 1) / width;
        float[][] rows = new float[panels * k][width];
        for (int p = 0; p < panels; p++) {
            for (int kk = 0; kk < k; kk++) {
                float[] row = rows[p * k + kk];
                int cols = Math.min(width, n - p * width);
                for (int c = 0; c < cols; c++) {
                    int j = p * width + c;
                    row[c] = transposed ? source[offset + j * stride + kk] : source[offset + kk * stride + j];
                }
            }
        }
        // a missing bias becomes zeros: starting the accumulators with Arrays.fill instead of an array copy made C2
        // stop vectorizing the product loop (11 instead of 45 GFLOP/s on JDK 17)
        float[] padded = bias == null ? new float[panels * width] : PackedMatrix.padBias(bias, n, width);
        return new PackedMatrix(this, k, n, width, null, rows, padded);
    }

    @Override
    public PreparedRows rowsOf(float[] a, int offset, int stride, int m, int k) {
        return new PreparedRows(m, k, a, offset, stride, 0, a, offset, stride);
    }

    @Override
    public void packRows(PreparedRows rows, int blockFrom, int blockTo) {
        // rows are read in place
    }

    /**
     * C is accumulated two rows at a time, four k per pass over the panel-wide accumulators: 16 multiply-adds per
     * 6 loads and 2 stores, which lets C2's vectorized loop outrun its memory traffic. Keep this loop inside this
     * method: C2 vectorizes it only while it can see that the accumulators are fresh arrays (not aliases of B), and
     * with more rows or more k the loop holds too many live values and C2 stops vectorizing it.
     */
    @Override
    public void multiply(PreparedRows a, PackedMatrix b, float[] c, int cOffset, int cStride, int panelFrom,
                         int panelTo) {
        if (a.k != b.k) throw new IllegalArgumentException("inner sizes differ: " + a.k + " vs " + b.k);
        if (a.rowBlock != 0 || b.rows == null) throw new IllegalArgumentException("operands packed for another kernel");
        int w = b.panelWidth;
        int k = b.k;
        float[] ad = a.data;
        float[] acc0 = new float[w];
        float[] acc1 = new float[w];
        for (int p = panelFrom; p < panelTo; p++) {
            int j = p * w;
            int cols = Math.min(w, b.n - j);
            float[][] panel = b.rows;
            int first = p * k;
            for (int i = 0; i < a.m; i += 2) {
                boolean pair = i + 1 < a.m;
                start(acc0, b.bias, j);
                start(acc1, b.bias, j);
                int r0 = a.offset + i * a.stride;
                int r1 = pair ? r0 + a.stride : r0; // a lone last row is computed twice, stored once
                int kk = 0;
                for (; kk + 4 <= k; kk += 4) {
                    float a00 = ad[r0 + kk], a01 = ad[r0 + kk + 1], a02 = ad[r0 + kk + 2], a03 = ad[r0 + kk + 3];
                    float a10 = ad[r1 + kk], a11 = ad[r1 + kk + 1], a12 = ad[r1 + kk + 2], a13 = ad[r1 + kk + 3];
                    float[] b0 = panel[first + kk];
                    float[] b1 = panel[first + kk + 1];
                    float[] b2 = panel[first + kk + 2];
                    float[] b3 = panel[first + kk + 3];
                    for (int cc = 0; cc < w; cc++) {
                        float x0 = b0[cc], x1 = b1[cc], x2 = b2[cc], x3 = b3[cc];
                        acc0[cc] += a00 * x0 + a01 * x1 + a02 * x2 + a03 * x3;
                        acc1[cc] += a10 * x0 + a11 * x1 + a12 * x2 + a13 * x3;
                    }
                }
                for (; kk < k; kk++) {
                    float a0 = ad[r0 + kk];
                    float a1 = ad[r1 + kk];
                    float[] row = panel[first + kk];
                    for (int cc = 0; cc < w; cc++) {
                        acc0[cc] += a0 * row[cc];
                        acc1[cc] += a1 * row[cc];
                    }
                }
                int o = cOffset + i * cStride + j;
                System.arraycopy(acc0, 0, c, o, cols);
                if (pair) System.arraycopy(acc1, 0, c, o + cStride, cols);
            }
        }
    }

    private static void start(float[] acc, float[] bias, int from) {
        System.arraycopy(bias, from, acc, 0, acc.length);
    }

    @Override
    public float sum(float[] x, int offset, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int o = offset + i;
            s0 += x[o];
            s1 += x[o + 1];
            s2 += x[o + 2];
            s3 += x[o + 3];
        }
        for (; i < n; i++) s0 += x[offset + i];
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public float max(float[] x, int offset, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, x[offset + i]);
        return m;
    }

    @Override
    public float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int a = xOffset + i;
            int b = yOffset + i;
            s0 += x[a] * y[b];
            s1 += x[a + 1] * y[b + 1];
            s2 += x[a + 2] * y[b + 2];
            s3 += x[a + 3] * y[b + 3];
        }
        for (; i < n; i++) s0 += x[xOffset + i] * y[yOffset + i];
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public float squaredDistance(float[] x, int xOffset, float[] y, int yOffset, int n) {
        float s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 2 <= n; i += 2) {
            float d0 = x[xOffset + i] - y[yOffset + i];
            float d1 = x[xOffset + i + 1] - y[yOffset + i + 1];
            s0 += d0 * d0;
            s1 += d1 * d1;
        }
        for (; i < n; i++) {
            float d = x[xOffset + i] - y[yOffset + i];
            s0 += d * d;
        }
        return s0 + s1;
    }

    @Override
    public float scaledSquaredDistance(float[] x, int xOffset, float a, float[] y, int yOffset, float b, int n) {
        float s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 2 <= n; i += 2) {
            float d0 = a * x[xOffset + i] - b * y[yOffset + i];
            float d1 = a * x[xOffset + i + 1] - b * y[yOffset + i + 1];
            s0 += d0 * d0;
            s1 += d1 * d1;
        }
        for (; i < n; i++) {
            float d = a * x[xOffset + i] - b * y[yOffset + i];
            s0 += d * d;
        }
        return s0 + s1;
    }

    @Override
    public float squaredDeviations(float[] x, int offset, int n, float mean) {
        float s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 2 <= n; i += 2) {
            float d0 = x[offset + i] - mean;
            float d1 = x[offset + i + 1] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
        }
        for (; i < n; i++) {
            float d = x[offset + i] - mean;
            s0 += d * d;
        }
        return s0 + s1;
    }

    @Override
    public void add(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) out[outOffset + i] = x[xOffset + i] + y[yOffset + i];
    }

    @Override
    public void normalize(float[] x, int xOffset, int n, float mean, float rstd, float[] gamma, float[] beta,
                          float[] out, int outOffset) {
        for (int i = 0; i < n; i++) out[outOffset + i] = (x[xOffset + i] - mean) * rstd * gamma[i] + beta[i];
    }

    @Override
    public void scaleAdd(float[] x, int offset, int n, float scale, float[] addend, int addendOffset) {
        for (int i = 0; i < n; i++) x[offset + i] = x[offset + i] * scale + addend[addendOffset + i];
    }

    @Override
    public void scale(float[] x, int offset, int n, float scale) {
        for (int i = 0; i < n; i++) x[offset + i] *= scale;
    }

    @Override
    public float expShifted(float[] x, int offset, int n, float shift) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            float e = FastMath.exp(x[offset + i] - shift);
            x[offset + i] = e;
            s += e;
        }
        return s;
    }

    @Override
    public void exp(float[] x, int xOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) out[outOffset + i] = FastMath.exp(x[xOffset + i]);
    }

    @Override
    public void tanh(float[] x, int xOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) out[outOffset + i] = FastMath.tanh(x[xOffset + i]);
    }

    @Override
    public void geluNew(float[] x, int xOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) out[outOffset + i] = FastMath.geluNew(x[xOffset + i]);
    }

    @Override
    public void gelu(float[] x, int xOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) out[outOffset + i] = FastMath.gelu(x[xOffset + i]);
    }

    @Override
    public void relu(float[] x, int xOffset, float[] out, int outOffset, int n) {
        for (int i = 0; i < n; i++) out[outOffset + i] = Math.max(0f, x[xOffset + i]);
    }
}
