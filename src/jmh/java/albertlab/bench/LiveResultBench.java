package albertlab.bench;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.LayerSchedule;
import albertlab.core.model.LayerSummary;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.viewmodel.live.AttentionGrid;
import albertlab.viewmodel.live.BuiltInModels;
import albertlab.viewmodel.live.HiddenStates;
import albertlab.viewmodel.live.LiveModel;
import albertlab.viewmodel.live.LiveModelViewModel;
import albertlab.viewmodel.live.LiveResult;
import albertlab.viewmodel.live.ModelFamily;
import albertlab.viewmodel.live.PairFilter;
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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What a new Live page result costs on the JavaFX thread for an albert-base-sized model (L = 12, A = 12,
 * H = 768, V = 30000) at S = 512 tokens, the largest input the position table allows. The trace is synthetic (a
 * real albert-base pass at S = 512 takes seconds on two cores and is not what is measured here): the
 * background part (the pass, the hidden-state cosines, the grid's thumbnails) runs in the invocation's set-up, and
 * the benchmark runs what the view model then hands to the UI executor. A frame at 60 Hz is 16.7 ms.
 * {@code cosineMatrix} and {@code gridThumbnails} are the two jobs that ran on the JavaFX thread before they
 * moved to the background.
 *
 * <pre>
 * ./mvnw -Pbench -DskipTests package
 * java -jar target/benchmarks.jar LiveResultBench
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class LiveResultBench {

    static final int S = 512;

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Queue<Runnable> uiThread = new ArrayDeque<>();
    private LiveModelViewModel vm;
    private LiveResult result;
    private int invocation;

    @Setup(Level.Trial)
    public void model() {
        AlbertConfig config = AlbertConfig.builder().sharingMode(SharingMode.ALL_SHARED).build(); // albert-base
        Tokenizer tokenizer = BuiltInModels.family(BuiltInModels.Vocabulary.ENGLISH)
                .member(SharingMode.ALL_SHARED).tokenizer();
        Random random = new Random(7);
        int n = config.numHiddenLayers();
        int heads = config.numAttentionHeads();
        List<float[][][]> attentions = new ArrayList<>();
        List<float[][]> hidden = new ArrayList<>();
        List<LayerSummary> summaries = new ArrayList<>();
        for (int t = 0; t <= n; t++) hidden.add(randomMatrix(random, S, config.hiddenSize()));
        for (int l = 0; l < n; l++) {
            float[][][] att = new float[heads][][];
            for (int a = 0; a < heads; a++) att[a] = randomMatrix(random, S, S);
            attentions.add(att);
            summaries.add(new LayerSummary(0.9, 25, 10));
        }
        float[][] embeddings = randomMatrix(random, S, config.embeddingSize());
        float[] pooled = new float[config.hiddenSize()];
        LayerSchedule schedule = LayerSchedule.of(config);
        LiveModel[] self = new LiveModel[1];
        self[0] = new LiveModel("live.model.folder", "albert-base", config, tokenizer,
                (input, options) -> new ForwardTrace(input, schedule.applications(), embeddings,
                        hidden,
                        options.keepAttentions() ? attentions : List.of(), summaries, pooled, null,
                        new float[]{1, 0}, 1),
                false, true, false, mode -> self[0].forward(), false);
        vm = new LiveModelViewModel(background::add, uiThread::add, folder -> self[0]);
        vm.addFamilies(List.of(ModelFamily.single(self[0])));
        vm.attention().gridShownProperty().set(true);
        result = null;
    }

    private static float[][] randomMatrix(Random random, int rows, int cols) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) for (int i = 0; i < cols; i++) row[i] = random.nextFloat();
        return m;
    }

    /** A new sentence of S tokens each time; its pass, cosines and thumbnails run here, off the clock. */
    @Setup(Level.Invocation)
    public void newSentence() {
        String word = (invocation++ % 2 == 0) ? "cat " : "dog ";
        vm.firstProperty().set(word.repeat(S));
        while (!background.isEmpty()) background.poll().run();
    }

    /** Everything the UI executor runs for one new result: the Live page's whole share of the JavaFX thread. */
    @Benchmark
    public Object applyResult() {
        while (!uiThread.isEmpty()) uiThread.poll().run();
        result = vm.resultProperty().get();
        return result;
    }

    /** One finished result, for the two jobs that used to run on the JavaFX thread. */
    @State(Scope.Thread)
    public static class Finished {
        LiveResult result;

        @Setup(Level.Trial)
        public void run() {
            LiveResultBench b = new LiveResultBench();
            b.model();
            b.newSentence();
            b.applyResult();
            result = b.result;
        }
    }

    /** Before: the layer × layer cosine matrix, rebuilt on the JavaFX thread for every result. */
    @Benchmark
    public Object cosineMatrix(Finished f) {
        return HiddenStates.cosineHeatmap(f.result.dynamics());
    }

    /** Before: every thumbnail of the grid (L·A + L + A + 1 matrices [S][S], here pooled), on the JavaFX thread. */
    @Benchmark
    public Object gridThumbnails(Finished f) {
        return AttentionGrid.of(f.result, PairFilter.ALL, false);
    }
}
