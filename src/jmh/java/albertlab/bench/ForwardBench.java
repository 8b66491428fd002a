package albertlab.bench;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.AlbertModel;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.ModelInput;
import albertlab.core.ops.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Whole forward passes with random weights ({@link AlbertModel#random}).
 *
 * <ul>
 *   <li>{@code tiny32}: the golden set's tiny config (V=120, E=16, H=32, I=64, L=6, A=4) at 32 tokens, with heads,
 *   attentions and MLM logits: what the live view recomputes on every keystroke; it must stay far under a frame.
 *   <li>{@code base128}: albert-base-v2's shape (V=30000, E=128, H=768, I=3072, L=12, A=12) at 128 tokens without
 *   heads, 22.35 GFLOP (ParameterCounter's count); NumPy on OpenBLAS takes about 123 ms on this 2-core machine.
 *   Attentions are kept, as the app keeps them. GFLOP/s = 22.35 / seconds. {@code base128Scalar}: the same
 *   model on the plain-Java kernel.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ForwardBench {

    static final AlbertConfig TINY = AlbertConfig.builder().vocabSize(120).embeddingSize(16).hiddenSize(32)
            .numHiddenLayers(6).numAttentionHeads(4).intermediateSize(64).maxPositionEmbeddings(64).build();
    static final AlbertConfig BASE = AlbertConfig.builder().build();

    private AlbertModel tiny;
    private ModelInput tinyInput;
    private AlbertModel base;
    private AlbertModel baseScalar;
    private ModelInput baseInput;
    private final ForwardOptions baseOptions = new ForwardOptions(0, true, false);

    @Setup(Level.Trial)
    public void setUp() {
        tiny = AlbertModel.random(TINY, 1, true);
        tinyInput = ModelInput.of(ids(32, TINY.vocabSize()));
        base = AlbertModel.random(BASE, 1, false);
        baseScalar = AlbertModel.create(base.weights(), Kernels.scalar());
        baseInput = ModelInput.of(ids(128, BASE.vocabSize()));
    }

    static int[] ids(int n, int vocab) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = (7 + 37 * i) % vocab;
        return ids;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ForwardTrace tiny32() {
        return tiny.forward(tinyInput);
    }

    @Benchmark
    public ForwardTrace base128() {
        return base.forward(baseInput, baseOptions);
    }

    /** The same on the plain-Java kernel: what {@code java -jar} without the Vector API module runs. */
    @Benchmark
    public ForwardTrace base128Scalar() {
        return baseScalar.forward(baseInput, baseOptions);
    }
}
