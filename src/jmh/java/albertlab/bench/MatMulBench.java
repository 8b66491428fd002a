package albertlab.bench;

import albertlab.core.ops.Kernels;
import albertlab.core.ops.MatMulOps;
import albertlab.core.ops.PackedMatrix;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * C [M][N] = A [M][K] · B [K][N] on albert-base's shapes at 128 tokens: Q/K/V/dense (768·768), ffn (768·3072),
 * ffn_output (3072·768). GFLOP/s = 2·M·K·N / time. Our kernels get B packed once beforehand (as the model packs
 * its weights when built); A is prepared inside every call, as in a forward pass.
 *
 * <ul>
 *   <li>{@code ejml}, {@code ejmlConcurrent}: {@code CommonOps_FDRM.mult}, {@code CommonOps_MT_FDRM.mult}
 *   <li>{@code ours}: the best kernel over all cores; {@code oursOneCore}: the same on the caller's thread
 *   <li>{@code oursScalar}: the plain-Java kernel (what {@code java -jar} without the Vector API module runs)
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class MatMulBench {

    @Param({"128x768x768", "128x768x3072", "128x3072x768"})
    public String shape;

    private FMatrixRMaj a;
    private FMatrixRMaj b;
    private FMatrixRMaj c;
    private PackedMatrix packed;
    private PackedMatrix packedScalar;

    @Setup
    public void setUp() {
        String[] mkn = shape.split("x");
        int m = Integer.parseInt(mkn[0]);
        int k = Integer.parseInt(mkn[1]);
        int n = Integer.parseInt(mkn[2]);
        Random random = new Random(1);
        a = new FMatrixRMaj(m, k);
        b = new FMatrixRMaj(k, n);
        c = new FMatrixRMaj(m, n);
        for (int i = 0; i < a.data.length; i++) a.data[i] = (float) random.nextGaussian();
        for (int i = 0; i < b.data.length; i++) b.data[i] = (float) random.nextGaussian();
        packed = MatMulOps.pack(Kernels.best(), b);
        packedScalar = MatMulOps.pack(Kernels.scalar(), b);
    }

    @Benchmark
    public FMatrixRMaj ejml() {
        CommonOps_FDRM.mult(a, b, c);
        return c;
    }

    @Benchmark
    public FMatrixRMaj ejmlConcurrent() {
        CommonOps_MT_FDRM.mult(a, b, c);
        return c;
    }

    @Benchmark
    public FMatrixRMaj ours() {
        MatMulOps.multiply(a.data, 0, a.numCols, a.numRows, packed, c.data, 0, c.numCols);
        return c;
    }

    @Benchmark
    public FMatrixRMaj oursOneCore() {
        MatMulOps.multiplyHere(a.data, 0, a.numCols, a.numRows, packed, c.data, 0, c.numCols);
        return c;
    }

    @Benchmark
    public FMatrixRMaj oursScalar() {
        MatMulOps.multiply(a.data, 0, a.numCols, a.numRows, packedScalar, c.data, 0, c.numCols);
        return c;
    }
}
