package albertlab.viewmodel.training;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.InitialWeights;
import albertlab.core.ops.Kernels;
import albertlab.core.ops.Parallel;
import albertlab.core.params.HeadSelection;
import albertlab.core.params.ParameterCounter;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.train.HeldOutScore;
import albertlab.core.train.InterleavedRun;
import albertlab.core.train.MemoryEstimate;
import albertlab.core.train.PretrainingData;
import albertlab.core.train.Trainer;
import albertlab.core.train.TrainingCheckpoint;
import albertlab.core.train.TrainingCorpus;
import albertlab.core.train.TrainingException;
import albertlab.core.train.TrainingProgress;
import albertlab.core.train.TrainingSettings;
import albertlab.viewmodel.live.SharingTimer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One run of the Training page: one trainer per sharing mode on a thread of its own, a step of each in turn
 * ({@link InterleavedRun}), with their loss curves, held-out scores and probe snapshots. What the page shows comes
 * out as immutable {@link Update}s, at most {@link #UPDATES_PER_SECOND} a second whatever the step rate, plus one
 * whenever the run pauses or ends. No JavaFX here: the view model applies the updates on its own thread.
 */
public final class TrainingRun {

    public static final int UPDATES_PER_SECOND = 10;
    /** Steps over which "ms per step" is averaged. */
    static final int TIMING_WINDOW = 20;

    /**
     * Everything a run is made from.
     *
     * @param config     the sizes; each lane takes them in its own sharing mode
     * @param heldOut    scored every {@code evalEvery} rounds; null for none
     * @param initRange  standard deviation of the initial weights
     * @param probeEvery rounds between probe snapshots at the start (the interval doubles as the timeline fills)
     */
    public record Setup(List<SharingMode> modes, AlbertConfig config, TrainingSettings settings, TrainingCorpus train,
                        TrainingCorpus heldOut, Tokenizer tokenizer, Path tokenizerFile, List<Path> corpusFiles,
                        double initRange, long evalEvery, long probeEvery, String probe, int heldOutBatches) {

        public Setup {
            modes = List.copyOf(modes);
            if (modes.isEmpty()) throw new IllegalArgumentException("choose at least one sharing mode");
            corpusFiles = List.copyOf(corpusFiles);
        }

        public AlbertConfig config(SharingMode mode) {
            return SharingTimer.sibling(config, mode);
        }

        /** The memory the whole run needs: every lane's weights, optimizer and activations; the corpus once. */
        public long memoryBytes() {
            long total = 0;
            long corpus = 0;
            for (SharingMode m : modes) {
                MemoryEstimate e = MemoryEstimate.of(config(m), settings, train.tokens());
                total += e.total() - e.corpus();
                corpus = e.corpus();
            }
            return total + corpus;
        }

        /** The same bound as {@code train}: at most 85% of the heap Java may use. */
        public boolean fits(long available) {
            return memoryBytes() <= available * 0.85;
        }

        /** FLOPs of one training step of {@code mode}: 3 × the forward pass's matrix products, over the batch. */
        public double flopsPerStep(SharingMode mode) {
            return 3.0 * settings.batchSize()
                    * ParameterCounter.flops(config(mode), HeadSelection.BOTH, settings.maxSeqLength()).perSequence();
        }

        public long parameters(SharingMode mode) {
            return ParameterCounter.count(config(mode), HeadSelection.BOTH, settings.maxSeqLength()).total();
        }
    }

    /** Held-out scores of one lane at one step. */
    public record Accuracy(long step, double mlmAccuracy, double sopAccuracy) {
    }

    /** One lane as the page shows it. */
    public record LaneUpdate(SharingMode mode, long parameters, double flopsPerStep, List<LossCurve.Point> curve,
                             List<Accuracy> heldOut, TrainingProgress last, double msPerStep, double mlmLoss) {

        public RaceRow row() {
            return new RaceRow(mode, parameters, flopsPerStep, msPerStep, mlmLoss, last == null ? 0 : last.step());
        }
    }

    public enum Phase { PREPARING, RUNNING, PAUSED, STOPPED, FAILED }

    /**
     * Why a run failed, for a translated message.
     *
     * @param step   the step whose loss was not a number (NOT_A_NUMBER)
     * @param needed bytes the run needs, and {@code available} the bytes Java may use (MEMORY)
     * @param detail the problem in the core's words (OTHER)
     */
    public record Failure(Kind kind, long step, long needed, long available, String detail) {
        public enum Kind { NOT_A_NUMBER, MEMORY, OTHER }
    }

    /**
     * @param trainingSeconds time spent training (pauses left out)
     * @param positions       B·S positions trained on, all lanes together
     * @param failure         what stopped a failed run, for the user
     */
    public record Update(long run, Phase phase, long rounds, double trainingSeconds, long positions,
                         long tokensSeen, List<LaneUpdate> lanes, List<ProbeSnapshot> probes, Failure failure) {

        /** B·S positions per second, all lanes together (TensorFlow's and {@code train}'s "tokens/s"). */
        public double positionsPerSecond() {
            return trainingSeconds == 0 ? 0 : positions / trainingSeconds;
        }

        public List<RaceRow> rows() {
            return lanes.stream().map(LaneUpdate::row).toList();
        }
    }

    private final long id;
    private final Setup setup;
    private final Executor uiThread;
    private final Consumer<Update> sink;
    private final List<Lane> lanes = new ArrayList<>();
    private final ProbeTimeline timeline;
    private volatile InterleavedRun loop;
    private volatile boolean ended;
    private volatile boolean pauseFirst;
    private volatile boolean stepFirst;
    private volatile boolean stopBeforeStart;
    private Thread thread;
    private String probe;
    private double seconds;
    private long positions;
    private long tokens;
    private long lastPublish;
    private Phase phase = Phase.PREPARING;
    private Failure failure;
    private final List<Runnable> early = new ArrayList<>();
    private java.util.concurrent.ExecutorService afterEnd;
    private final java.util.concurrent.atomic.AtomicReference<Update> latest =
            new java.util.concurrent.atomic.AtomicReference<>();

    private static final class Lane {
        final SharingMode mode;
        final Trainer trainer;
        final LossCurve curve = new LossCurve();
        final List<Accuracy> heldOut = new ArrayList<>();
        final double[] millis = new double[TIMING_WINDOW];
        final long parameters;
        final double flops;
        int timed;
        TrainingProgress last;

        Lane(SharingMode mode, Trainer trainer, long parameters, double flops) {
            this.mode = mode;
            this.trainer = trainer;
            this.parameters = parameters;
            this.flops = flops;
        }

        double msPerStep() {
            int n = Math.min(timed, millis.length);
            if (n == 0) return Double.NaN;
            double sum = 0;
            for (int i = 0; i < n; i++) sum += millis[i];
            return sum / n;
        }
    }

    /**
     * @param id       tags every update, so the view model can drop those of a run it has replaced
     * @param uiThread where {@code sink} is called
     */
    public TrainingRun(long id, Setup setup, Executor uiThread, Consumer<Update> sink) {
        this.id = id;
        this.setup = setup;
        this.uiThread = uiThread;
        this.sink = sink;
        this.probe = setup.probe();
        this.timeline = new ProbeTimeline(Math.max(1, setup.probeEvery()));
    }

    /** Starts the training thread; with {@code paused} it sets up the models, takes a first probe and waits. */
    public void start(boolean paused) {
        pauseFirst = paused;
        thread = new Thread(this::body, "albertlab-training-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private void body() {
        try {
            Parallel.limit(setup.settings().threads());
            if (!setup.fits(Runtime.getRuntime().maxMemory())) {
                failure = memoryFailure();
                phase = Phase.FAILED;
                return;
            }
            PretrainingData data = PretrainingData.of(setup.train(), setup.heldOut(), setup.tokenizer(),
                    setup.settings(), setup.heldOutBatches());
            List<InterleavedRun.Lane> runLanes = new ArrayList<>();
            for (SharingMode mode : setup.modes()) {
                AlbertConfig config = setup.config(mode);
                // the same seed in every lane: the modes start as alike as their shapes allow
                AlbertWeights w = InitialWeights.draw(config, setup.settings().seed(), setup.initRange());
                Trainer t = new Trainer(w, setup.settings(), data.batches(), Kernels.best(), data.heldOut(),
                        Trainer.State.START, null, null);
                lanes.add(new Lane(mode, t, setup.parameters(mode), setup.flopsPerStep(mode)));
                runLanes.add(new InterleavedRun.Lane(mode, t));
            }
            InterleavedRun run = new InterleavedRun(runLanes, 0, setup.evalEvery());
            if (pauseFirst || stepFirst) run.pause();
            if (stepFirst) run.stepOnce();
            synchronized (this) {
                loop = run;
                early.forEach(run::betweenRounds);
                early.clear();
            }
            if (stopBeforeStart) run.stop();
            takeProbe(0);
            phase = run.isPaused() ? Phase.PAUSED : Phase.RUNNING;
            publish(true);
            run.run(new InterleavedRun.RoundListener() {
                long roundStart = System.nanoTime();

                @Override
                public void onRound(long round, List<TrainingProgress> progress) {
                    seconds += (System.nanoTime() - roundStart) / 1e9;
                    for (int i = 0; i < progress.size(); i++) {
                        Lane lane = lanes.get(i);
                        TrainingProgress p = progress.get(i);
                        lane.last = p;
                        lane.curve.add(p.step(), p.mlmLoss(), p.sopLoss());
                        lane.millis[lane.timed++ % lane.millis.length] = p.millisPerStep();
                        positions += (long) setup.settings().batchSize() * setup.settings().maxSeqLength();
                    }
                    tokens = progress.get(0).tokensSeen();
                    if (timeline.due(round)) takeProbe(round);
                    boolean pausedNow = run.isPaused();
                    phase = pausedNow ? Phase.PAUSED : Phase.RUNNING;
                    publish(pausedNow);
                    roundStart = System.nanoTime();
                }

                @Override
                public void onEvaluation(long round, List<HeldOutScore> scores) {
                    for (int i = 0; i < scores.size(); i++) {
                        HeldOutScore s = scores.get(i);
                        lanes.get(i).heldOut.add(new Accuracy(s.step(), s.mlmAccuracy(), s.sopAccuracy()));
                    }
                    roundStart = System.nanoTime();
                }
            });
            phase = Phase.STOPPED;
        } catch (TrainingException e) {
            // the failing step updated no weights: every lane keeps the weights of the last good step
            phase = Phase.FAILED;
            failure = new Failure(Failure.Kind.NOT_A_NUMBER, (loop == null ? 0 : loop.rounds()) + 1, 0, 0,
                    e.getMessage());
        } catch (InterruptedException e) {
            phase = Phase.STOPPED;
        } catch (OutOfMemoryError e) {
            phase = Phase.FAILED;
            failure = memoryFailure();
        } catch (RuntimeException e) {
            phase = Phase.FAILED;
            failure = new Failure(Failure.Kind.OTHER, 0, 0, 0, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            List<Runnable> left;
            synchronized (this) {
                ended = true;
                left = new ArrayList<>(early);
                early.clear();
            }
            if (loop != null) loop.runQueued();
            left.forEach(Runnable::run);
            for (Lane l : lanes) l.trainer.close();
            publish(true);
        }
    }

    private Failure memoryFailure() {
        return new Failure(Failure.Kind.MEMORY, 0, setup.memoryBytes(), Runtime.getRuntime().maxMemory(), null);
    }

    private void takeProbe(long round) {
        List<ProbeView> views = new ArrayList<>(lanes.size());
        for (Lane lane : lanes) {
            views.add(ProbeComputation.run(lane.mode, lane.trainer.weights(), setup.tokenizer(), probe));
        }
        timeline.add(new ProbeSnapshot(round, probe, views));
    }

    private void publish(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastPublish < 1_000_000_000L / UPDATES_PER_SECOND) return;
        lastPublish = now;
        List<LaneUpdate> out = new ArrayList<>(lanes.size());
        for (Lane l : lanes) {
            out.add(new LaneUpdate(l.mode, l.parameters, l.flops, l.curve.points(), List.copyOf(l.heldOut), l.last,
                    l.msPerStep(), l.curve.smoothedMlm()));
        }
        Update u = new Update(id, phase, loop == null ? 0 : loop.rounds(), seconds, positions, tokens, List.copyOf(out),
                timeline.snapshots(), failure);
        // at most one update waits for the UI thread: a UI slower than the updates gets the newest one, never a
        // growing queue of stale ones
        if (latest.getAndSet(u) == null) {
            uiThread.execute(() -> {
                Update newest = latest.getAndSet(null);
                if (newest != null) sink.accept(newest);
            });
        }
    }

    // ---- control, from any thread

    public void pause() {
        InterleavedRun r = loop;
        if (r != null) r.pause();
        else pauseFirst = true;
    }

    public void resume() {
        InterleavedRun r = loop;
        if (r != null) r.resume();
        else pauseFirst = false;
    }

    public void stepOnce() {
        InterleavedRun r = loop;
        if (r != null) r.stepOnce();
        else stepFirst = true;
    }

    /** Ends the run after the current step; the thread saves nothing. */
    public void stop() {
        stopBeforeStart = true;
        InterleavedRun r = loop;
        if (r != null) r.stop();
        synchronized (this) {
            if (afterEnd != null) afterEnd.shutdown();
        }
    }

    /** Waits for the training thread to end (closing the app). */
    public void join(long millis) throws InterruptedException {
        if (thread != null) thread.join(millis);
    }

    /** A new probe sentence: the timeline starts again from now, with the weights as they are. */
    public void setProbe(String sentence) {
        atRest(() -> {
            probe = sentence;
            timeline.clear();
            takeProbe(lanes.isEmpty() || loop == null ? 0 : loop.rounds());
            publish(true);
        });
    }

    /** Copies of every lane's weights as they are between two steps, in lane order. */
    public CompletableFuture<List<Trainer.Snapshot>> snapshots() {
        CompletableFuture<List<Trainer.Snapshot>> f = new CompletableFuture<>();
        atRest(() -> f.complete(lanes.stream().map(l -> l.trainer.snapshot()).toList()));
        return f;
    }

    /**
     * Writes {@code mode}'s model to {@code folder} as {@code train --out} does (config.json, model.safetensors,
     * the tokenizer, training.json, loss.csv and the optimizer state, so that {@code train --resume} goes on).
     */
    public CompletableFuture<Path> save(SharingMode mode, Path folder) {
        return save(mode, step -> folder);
    }

    /** The same, into the folder {@code folderForStep} names for the step being saved. */
    public CompletableFuture<Path> save(SharingMode mode, java.util.function.LongFunction<Path> folderForStep) {
        CompletableFuture<Path> f = new CompletableFuture<>();
        atRest(() -> {
            Lane lane = lanes.stream().filter(l -> l.mode == mode).findFirst().orElse(null);
            if (lane == null) {
                f.completeExceptionally(new IllegalArgumentException("no lane trains " + mode));
                return;
            }
            Path folder = folderForStep.apply(lane.trainer.stepsDone());
            if (java.nio.file.Files.exists(folder.resolve("model.safetensors"))) {
                f.completeExceptionally(new java.nio.file.FileAlreadyExistsException(folder.toString()));
                return;
            }
            try {
                TrainingCheckpoint.save(folder, lane.trainer, setup.tokenizerFile(), record(lane));
                f.complete(folder);
            } catch (CheckpointException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private Map<String, Object> record(Lane lane) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("format", 1);
        r.put("command", "ALBERT Lab Training page");
        r.put("settings", setup.settings());
        r.put("seed", setup.settings().seed());
        r.put("sharing", lane.mode.cliName());
        r.put("kernel", Kernels.best().name());
        r.put("threads", setup.settings().threads());
        r.put("corpus", setup.corpusFiles().stream().map(p -> p.toAbsolutePath().toString()).toList());
        r.put("corpusTokens", setup.train().tokens());
        r.put("tokenizer", setup.tokenizerFile().getFileName().toString());
        r.put("initRange", setup.initRange());
        return r;
    }

    /**
     * Runs {@code work} where the weights are at rest: between two rounds on the training thread, or at once when
     * the thread has ended.
     */
    private void atRest(Runnable work) {
        synchronized (this) {
            if (!ended) {
                // still setting up: the loop takes it over once it exists
                if (loop == null) early.add(work);
                else loop.betweenRounds(work);
                return;
            }
            // the training thread is gone: one thread of its own runs such work in order, never the caller's
            // (a probe of a large model on the JavaFX thread would freeze the page)
            if (afterEnd == null) {
                afterEnd = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "albertlab-training-" + id + "-after");
                    t.setDaemon(true);
                    return t;
                });
            }
            afterEnd.execute(work);
        }
    }

    public long id() {
        return id;
    }

    public Setup setup() {
        return setup;
    }
}
