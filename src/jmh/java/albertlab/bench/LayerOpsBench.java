package albertlab.bench;

import albertlab.core.config.Activation;
import albertlab.core.ops.ActivationOps;
import albertlab.core.ops.AttentionOps;
import albertlab.core.ops.Kernel;
import albertlab.core.ops.Kernels;
import albertlab.core.ops.LayerNormOps;
import albertlab.core.ops.SoftmaxOps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The element-wise work of one albert-base layer at 128 tokens, to compare with ForwardBench.base128 / 12
 * (products take the rest): gelu_new over the FFN's [128][3072], the two residual LayerNorms over [128][768],
 * and the whole multi-head attention (12 heads: two small products and a masked softmax each); {@code softmax}
 * alone is the 12 heads' softmax over [128][128].
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LayerOpsBench {

    private static final int S = 128;
    private static final int H = 768;
    private static final int I = 3072;
    private static final int A = 12;

    private final Kernel kernel = Kernels.best();
    private float[] intermediate;
    private float[] activated;
    private float[] x;
    private float[] residual;
    private float[] sum;
    private float[] normalized;
    private float[] gamma;
    private float[] beta;
    private float[] qkv;
    private float[] context;
    private float[][][] probabilities;
    private float[] keyBias;
    private float[] scores;
    private float[] scoresSource;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        intermediate = gaussian(random, S * I);
        activated = new float[S * I];
        x = gaussian(random, S * H);
        residual = gaussian(random, S * H);
        sum = new float[S * H];
        normalized = new float[S * H];
        gamma = gaussian(random, H);
        beta = gaussian(random, H);
        qkv = gaussian(random, S * 3 * H);
        context = new float[S * H];
        probabilities = new float[A][S][S];
        keyBias = SoftmaxOps.maskBias(new int[S]);
        java.util.Arrays.fill(keyBias, 0f);
        scoresSource = gaussian(random, A * S * S);
        scores = new float[A * S * S];
    }

    private static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) random.nextGaussian();
        return v;
    }

    @Benchmark
    public float[] geluNew() {
        ActivationOps.forward(kernel, Activation.GELU_NEW, intermediate, activated, S * I, null);
        return activated;
    }

    @Benchmark
    public float[] twoLayerNorms() {
        LayerNormOps.forwardResidual(kernel, x, residual, S, H, gamma, beta, 1e-12, sum, normalized, null);
        LayerNormOps.forwardResidual(kernel, x, residual, S, H, gamma, beta, 1e-12, sum, normalized, null);
        return normalized;
    }

    @Benchmark
    public float[] softmax() {
        System.arraycopy(scoresSource, 0, scores, 0, scores.length);
        SoftmaxOps.forward(kernel, scores, 0, A * S, S, 0.125f, keyBias);
        return scores;
    }

    @Benchmark
    public float[] attention() {
        AttentionOps.forward(kernel, qkv, S, H, A, keyBias, context, probabilities, null);
        return context;
    }
}
