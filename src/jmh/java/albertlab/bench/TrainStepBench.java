package albertlab.bench;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.InitialWeights;
import albertlab.core.model.PretrainingBatch;
import albertlab.core.model.PretrainingLoss;
import albertlab.core.model.PretrainingPass;
import albertlab.core.model.WeightArrays;
import albertlab.core.ops.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One training step's arithmetic (forward, loss and every gradient; the optimizer's update is not included):
 * <ul>
 *   <li>{@code base*}: albert-base-v2's shape, all-shared, 8 × 128 tokens, 20 targets per sequence (issue 12 §6a).
 *       {@code baseForward} is the same pass without gradients: backward time = step − forward, and the backward
 *       does 2× the forward's product FLOPs ({@link PretrainingPass#forwardMatMulFlops}).</li>
 *   <li>{@code mini*}: V = 30,000, E = 64, H = 256, I = 1,024, A = 4, 6 applications of one shared layer, gelu_new,
 *       16 × 128 tokens, 20 targets per sequence, the MLM decoder on the targets only (§6b). TensorFlow's CPU
 *       kernels take about 660 ms per step on this machine.</li>
 * </ul>
 * One thread: {@code java -jar target/benchmarks.jar TrainStepBench -jvmArgsAppend -Dalbertlab.threads=1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainStepBench {

    static final AlbertConfig BASE = AlbertConfig.builder().build();
    static final AlbertConfig MINI = AlbertConfig.builder().vocabSize(30000).embeddingSize(64).hiddenSize(256)
            .intermediateSize(1024).numAttentionHeads(4).numHiddenLayers(6).build();

    private Case base;
    private Case mini;

    /** A model, its gradients, a pass and one batch of B × S tokens with {@code targets} masked per sequence. */
    record Case(AlbertWeights weights, AlbertWeights gradients, PretrainingPass pass, PretrainingBatch batch) {
        static Case of(AlbertConfig config, int sequences, int tokens, int targets) {
            AlbertWeights w = InitialWeights.draw(config, 1);
            return new Case(w, WeightArrays.zerosLike(w), new PretrainingPass(config, Kernels.best(), 0),
                    TrainStepBench.batch(config.vocabSize(), sequences, tokens, targets));
        }
    }

    static PretrainingBatch batch(int vocab, int sequences, int tokens, int targets) {
        SplittableRandom random = new SplittableRandom(3);
        int[][] ids = new int[sequences][tokens];
        int[][] mask = new int[sequences][tokens];
        int[][] types = new int[sequences][tokens];
        int[][] labels = new int[sequences][tokens];
        int[] order = new int[sequences];
        for (int b = 0; b < sequences; b++) {
            Arrays.fill(mask[b], 1);
            Arrays.fill(labels[b], PretrainingBatch.IGNORED);
            for (int t = 0; t < tokens; t++) {
                ids[b][t] = 5 + random.nextInt(vocab - 5);
                types[b][t] = t >= tokens / 2 ? 1 : 0;
            }
            for (int k = 0; k < targets; k++) {
                int t = 1 + k * (tokens - 2) / targets;
                labels[b][t] = ids[b][t];
                ids[b][t] = 4;
            }
            order[b] = b % 2;
        }
        return new PretrainingBatch(ids, mask, types, labels, order);
    }

    @Setup(Level.Trial)
    public void setUp() {
        base = Case.of(BASE, 8, 128, 20);
        mini = Case.of(MINI, 16, 128, 20);
    }

    @Benchmark
    public PretrainingLoss baseStep() {
        WeightArrays.clear(base.gradients());
        return base.pass().run(base.weights(), base.batch(), base.gradients());
    }

    @Benchmark
    public PretrainingLoss baseForward() {
        return base.pass().loss(base.weights(), base.batch());
    }

    @Benchmark
    public PretrainingLoss miniStep() {
        WeightArrays.clear(mini.gradients());
        return mini.pass().run(mini.weights(), mini.batch(), mini.gradients());
    }

    @Benchmark
    public PretrainingLoss miniForward() {
        return mini.pass().loss(mini.weights(), mini.batch());
    }

    /** Product FLOPs, for reading the figures: {@code java -cp target/benchmarks.jar albertlab.bench.TrainStepBench}. */
    public static void main(String[] args) {
        System.out.printf("base forward products: %.3f GFLOP%n", PretrainingPass.forwardMatMulFlops(BASE, 0, 8, 128, 160) / 1e9);
        System.out.printf("mini forward products: %.3f GFLOP%n", PretrainingPass.forwardMatMulFlops(MINI, 0, 16, 128, 320) / 1e9);
    }
}
