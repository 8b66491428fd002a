package albertlab.bench;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.model.InitialWeights;
import albertlab.core.ops.Kernels;
import albertlab.core.ops.Parallel;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.tokenizer.Tokenizers;
import albertlab.core.train.MaskingStrategy;
import albertlab.core.train.OptimizerKind;
import albertlab.core.train.PretrainingData;
import albertlab.core.train.Trainer;
import albertlab.core.train.TrainingCorpus;
import albertlab.core.train.TrainingListener;
import albertlab.core.train.TrainingProgress;
import albertlab.core.train.TrainingSettings;
import albertlab.viewmodel.training.TrainingRun;
import albertlab.viewmodel.training.TrainingViewModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Training page's throughput against the {@code train} command's, on the same configuration, in one run:
 * the Tiny preset (E 16, H 64, L 4, 2 heads, I 256) on the shipped Brown slice, 16 × 32 tokens, one thread.
 * The command's path is {@link Trainer#run} (what {@code train} calls); the page's is {@link TrainingRun}, with its
 * probe snapshots, held-out scores and throttled updates. Both figures are wall-clock B·S positions per second
 * over the same steps, after the same warm-up. Alternates the two three times so drift hits both.
 *
 * <pre>java -cp target/benchmarks.jar albertlab.bench.TrainingPageThroughput [steps] [assets-dir]</pre>
 *
 * With {@code race MINUTES} instead of a step count it runs the page's four-way race for that long and prints the
 * race table and its sentence, as the page shows them.
 */
public final class TrainingPageThroughput {

    private TrainingPageThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("race")) {
            race(Double.parseDouble(args[1]), Path.of(args.length > 2 ? args[2] : "assets"));
            return;
        }
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Path assets = Path.of(args.length > 1 ? args[1] : "assets");
        Brown b = Brown.read(assets);
        Tokenizer tokenizer = b.tokenizer();
        TrainingCorpus train = b.train();
        TrainingCorpus heldOut = b.heldOut();
        AlbertConfig config = b.tiny();
        TrainingSettings cli = settings(steps, 0);
        TrainingSettings page = settings(0, 1e9);
        Parallel.limit(1);
        commandLine(config, cli, train, heldOut, tokenizer, 50); // warm-up
        page(config, page, train, heldOut, tokenizer, assets, 50);
        for (int round = 1; round <= 3; round++) {
            double c = commandLine(config, cli, train, heldOut, tokenizer, steps);
            double p = page(config, page, train, heldOut, tokenizer, assets, steps);
            System.out.printf(Locale.ROOT, "round %d: train command %,.0f tok/s, Training page %,.0f tok/s, "
                    + "page/command %.3f%n", round, c, p, p / c);
        }
    }

    /** The page's four-way race, Tiny preset, for {@code minutes} of wall time; prints the table and the sentence. */
    private static void race(double minutes, Path assets) throws Exception {
        Brown b = Brown.read(assets);
        Tokenizer tokenizer = b.tokenizer();
        TrainingCorpus train = b.train();
        TrainingCorpus heldOut = b.heldOut();
        AlbertConfig config = b.tiny();
        TrainingSettings s = settings(0, 1e9);
        TrainingRun.Setup setup = new TrainingRun.Setup(List.of(SharingMode.ALL_SHARED, SharingMode.SHARED_ATTENTION,
                SharingMode.SHARED_FFN, SharingMode.NOT_SHARED), config, s, train, heldOut, tokenizer,
                assets.resolve("models/albert-mini-brown/spiece.model"), List.of(), TrainingViewModel.INIT_RANGE,
                TrainingViewModel.EVAL_EVERY, TrainingViewModel.PROBE_EVERY, "The jury said it did not know what to do.",
                TrainingViewModel.HELD_OUT_BATCHES);
        AtomicReference<TrainingRun.Update> last = new AtomicReference<>();
        TrainingRun run = new TrainingRun(1, setup, Runnable::run, last::set);
        long start = System.nanoTime();
        run.start(false);
        while (System.nanoTime() - start < minutes * 60e9) Thread.sleep(500);
        run.pause();
        Thread.sleep(2_000);
        TrainingRun.Update u = last.get();
        System.out.printf(Locale.ROOT, "race after %.1f min wall clock: %,d rounds, %.1f s training time, %,.0f tok/s "
                + "(all lanes)%n", minutes, u.rounds(), u.trainingSeconds(), u.positionsPerSecond());
        System.out.println("mode | parameters stored | FLOPs per step | ms per step | MLM loss now | held-out MLM | steps");
        for (TrainingRun.LaneUpdate l : u.lanes()) {
            var acc = l.heldOut().isEmpty() ? null : l.heldOut().get(l.heldOut().size() - 1);
            System.out.printf(Locale.ROOT, "%s | %,d | %.3g | %.1f | %.3f | %s | %,d%n", l.mode().cliName(),
                    l.parameters(), l.flopsPerStep(), l.msPerStep(), l.mlmLoss(),
                    acc == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * acc.mlmAccuracy()),
                    l.last().step());
        }
        var sentence = albertlab.viewmodel.training.RaceSentence.of(u.rows());
        if (sentence != null) {
            System.out.printf(Locale.ROOT, "sentence: all shared stores %.2f× fewer parameters than %s; its steps "
                    + "take %.2f× as long; its MLM loss is %+.2f after %,d steps%n", sentence.parameterRatio(),
                    sentence.other().cliName(), sentence.timeRatio(), sentence.lossDifference(), sentence.steps());
        }
        run.stop();
        run.join(5_000);
    }

    /** The shipped Brown slice, its held-out text and tokenizer, and the page's Tiny preset at its vocabulary. */
    private record Brown(Tokenizer tokenizer, TrainingCorpus train, TrainingCorpus heldOut) {
        static Brown read(Path assets) throws Exception {
            Tokenizer t = Tokenizers.load(assets.resolve("models/albert-mini-brown/spiece.model"));
            return new Brown(t, TrainingCorpus.read(List.of(assets.resolve("corpora/brown/train-slice.txt.gz")), t),
                    TrainingCorpus.read(List.of(assets.resolve("corpora/brown/held-out.txt.gz")), t));
        }

        AlbertConfig tiny() {
            return AlbertConfig.builder().vocabSize(tokenizer.vocabSize()).padTokenId(tokenizer.padId())
                    .embeddingSize(16).hiddenSize(64).numHiddenLayers(4).numAttentionHeads(2).intermediateSize(256)
                    .maxPositionEmbeddings(128).sharingMode(SharingMode.ALL_SHARED).build();
        }
    }

    private static TrainingSettings settings(long steps, double minutes) {
        return new TrainingSettings(16, 32, steps, minutes, 1e-3, 50, OptimizerKind.ADAMW, 0.01, 1.0,
                MaskingStrategy.TOKEN, 42, 1, TrainingViewModel.EVAL_EVERY, 0,
                TrainingSettings.defaultMaxPredictions(32));
    }

    /** Positions per second of {@code train}'s loop (held-out scores every 50 steps, as on the page). */
    private static double commandLine(AlbertConfig config, TrainingSettings s, TrainingCorpus train,
                                      TrainingCorpus heldOut, Tokenizer tokenizer, int steps) throws Exception {
        PretrainingData data = PretrainingData.of(train, heldOut, tokenizer, s, TrainingViewModel.HELD_OUT_BATCHES);
        TrainingSettings bounded = new TrainingSettings(s.batchSize(), s.maxSeqLength(), steps, 0, s.learningRate(),
                s.warmup(), s.optimizer(), s.weightDecay(), s.clipNorm(), s.masking(), s.seed(), s.threads(),
                s.evalEvery(), 0, s.maxPredictions());
        try (Trainer t = new Trainer(InitialWeights.draw(config, 42, TrainingViewModel.INIT_RANGE), bounded,
                data.batches(), Kernels.best(), data.heldOut(), Trainer.State.START, null, null)) {
            long start = System.nanoTime();
            t.run(new TrainingListener() {
                @Override
                public void onStep(TrainingProgress p) {
                }
            }, null);
            return (double) steps * s.batchSize() * s.maxSeqLength() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Positions per second of the page's run, wall clock from its first update to its {@code steps}-th step. */
    private static double page(AlbertConfig config, TrainingSettings s, TrainingCorpus train, TrainingCorpus heldOut,
                               Tokenizer tokenizer, Path assets, int steps) throws Exception {
        TrainingRun.Setup setup = new TrainingRun.Setup(List.of(SharingMode.ALL_SHARED), config, s, train, heldOut,
                tokenizer, assets.resolve("models/albert-mini-brown/spiece.model"), List.of(),
                TrainingViewModel.INIT_RANGE, TrainingViewModel.EVAL_EVERY, TrainingViewModel.PROBE_EVERY,
                "The jury said it did not know what to do.", TrainingViewModel.HELD_OUT_BATCHES);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Long> started = new AtomicReference<>();
        AtomicReference<Long> ended = new AtomicReference<>();
        AtomicReference<TrainingRun> holder = new AtomicReference<>();
        // the UI executor runs updates at once, as Platform.runLater would on an idle JavaFX thread
        TrainingRun run = new TrainingRun(1, setup, Runnable::run, u -> {
            if (u.phase() == TrainingRun.Phase.RUNNING && started.get() == null) started.set(System.nanoTime());
            if (u.rounds() >= steps && ended.get() == null) {
                ended.set(System.nanoTime());
                holder.get().stop();
                done.countDown();
            }
        });
        holder.set(run);
        run.start(false);
        done.await();
        run.join(10_000);
        return (double) steps * s.batchSize() * s.maxSeqLength() / ((ended.get() - started.get()) / 1e9);
    }
}
