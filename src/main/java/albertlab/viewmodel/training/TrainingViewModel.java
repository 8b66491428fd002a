package albertlab.viewmodel.training;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import albertlab.core.model.TokenGuess;
import albertlab.core.train.MaskingStrategy;
import albertlab.core.train.OptimizerKind;
import albertlab.core.train.TrainingSettings;
import albertlab.viewmodel.common.HeatmapData;
import albertlab.viewmodel.common.IntInput;
import albertlab.viewmodel.common.LatestOnlyRunner;
import albertlab.viewmodel.common.Message;
import albertlab.viewmodel.common.Numbers;
import albertlab.viewmodel.live.LiveModel;
import albertlab.viewmodel.live.SnapshotModels;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Training page's state: which text, which model, which sharing modes, the controls, and what the current run
 * shows. A run lives on a thread of its own ({@link TrainingRun}); its updates arrive here through the UI executor
 * and are applied only while that run is still the current one, so a stale update never overwrites a newer one.
 */
public final class TrainingViewModel {

    public static final List<Double> LEARNING_RATES = List.of(1e-4, 3e-4, 1e-3, 3e-3, 1e-2);
    public static final List<Integer> SEQUENCE_LENGTHS = List.of(32, 64, 128);
    public static final double INIT_RANGE = 0.05;
    public static final long EVAL_EVERY = 50;
    public static final long PROBE_EVERY = 10;
    public static final int HELD_OUT_BATCHES = 4;
    /** Training worth more than this is not thrown away without asking. */
    public static final double UNSAVED_SECONDS = 60;

    public enum State { NO_CORPUS, READY, PREPARING, RUNNING, PAUSED, ENDED }

    private final Executor uiThread;
    private final LatestOnlyRunner corpusRunner;
    private final TrainingSizes sizes = new TrainingSizes();
    private final ObservableList<CorpusChoice> corpora = FXCollections.observableArrayList();
    private final ObjectProperty<CorpusChoice> corpus = new SimpleObjectProperty<>(this, "corpus");
    private final ReadOnlyObjectWrapper<LoadedCorpus> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final Map<String, LoadedCorpus> cache = new HashMap<>();
    private final Map<SharingMode, BooleanProperty> modes = new EnumMap<>(SharingMode.class);
    private final IntInput batchSize = new IntInput("B", 1, 64, 16, IntInput.Scale.LINEAR, IntInput::exact);
    private final IntInput threads = new IntInput("T", 1, Math.max(2, Runtime.getRuntime().availableProcessors()),
            defaultThreads(), IntInput.Scale.LINEAR, IntInput::exact);
    private final IntInput seed = new IntInput("seed", 1, 9_999, 42, IntInput.Scale.LINEAR, IntInput::exact);
    private final ObjectProperty<Double> learningRate = new SimpleObjectProperty<>(this, "learningRate", 1e-3);
    private final ObjectProperty<Integer> sequenceLength = new SimpleObjectProperty<>(this, "sequenceLength", 32);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NO_CORPUS);
    private final ReadOnlyObjectWrapper<TrainingRun.Update> update = new ReadOnlyObjectWrapper<>(this, "update");
    private final ReadOnlyObjectWrapper<List<RaceRow>> plannedRows = new ReadOnlyObjectWrapper<>(this, "plannedRows",
            List.of());
    private final ReadOnlyObjectWrapper<Message> memory = new ReadOnlyObjectWrapper<>(this, "memory");
    private final ReadOnlyBooleanWrapper memoryFits = new ReadOnlyBooleanWrapper(this, "memoryFits", true);
    private final ReadOnlyObjectWrapper<Message> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(this, "statusIsError");
    private final ReadOnlyObjectWrapper<RaceSentence> sentence = new ReadOnlyObjectWrapper<>(this, "sentence");
    private final StringProperty probe = new SimpleStringProperty(this, "probe", "");
    private final ObjectProperty<SharingMode> watched = new SimpleObjectProperty<>(this, "watched",
            SharingMode.ALL_SHARED);
    private final IntegerProperty application = new SimpleIntegerProperty(this, "application", 0);
    private final IntegerProperty head = new SimpleIntegerProperty(this, "head", 0);
    private final IntegerProperty maskedPosition = new SimpleIntegerProperty(this, "maskedPosition", 1);
    /** Which snapshot the probe shows: -1 follows the newest. */
    private final IntegerProperty timelineIndex = new SimpleIntegerProperty(this, "timelineIndex", -1);
    private final ReadOnlyObjectWrapper<ProbeSnapshot> shownSnapshot = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<HeatmapData> heatmap = new ReadOnlyObjectWrapper<>(this, "heatmap");
    private final ReadOnlyObjectWrapper<List<TokenGuess>> guesses = new ReadOnlyObjectWrapper<>(this, "guesses",
            List.of());
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private TrainingRun run;
    private long runIds;
    private double savedAtSeconds;
    private Consumer<LiveModel> liveHandOff = m -> {
    };

    /**
     * @param background where corpora are read (the app's background executor)
     * @param uiThread   where results are applied ({@code Platform::runLater} in the app)
     */
    public TrainingViewModel(Executor background, Executor uiThread) {
        this.uiThread = uiThread;
        this.corpusRunner = new LatestOnlyRunner(background, uiThread);
        for (SharingMode m : SharingMode.values()) {
            BooleanProperty on = new SimpleBooleanProperty(this, m.cliName(), m == SharingMode.ALL_SHARED);
            on.addListener(x -> replan());
            modes.put(m, on);
        }
        corpus.addListener((o, a, c) -> {
            if (c != null) loadCorpus(c);
        });
        Observable[] plan = {sizes.configProperty(), batchSize.valueProperty(), sequenceLength, loaded};
        for (Observable p : plan) p.addListener(x -> replan());
        Observable[] probeInputs = {update, watched, application, head, maskedPosition, timelineIndex};
        for (Observable p : probeInputs) p.addListener(x -> showProbe());
        probe.addListener((o, a, p) -> {
            if (run != null) run.setProbe(p);
        });
        replan();
    }

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    // ---- corpus

    public void addCorpora(List<CorpusChoice> choices, String language) {
        corpora.addAll(choices);
        CorpusChoice preferred = choices.stream().filter(c -> c.language().equals(language)).findFirst()
                .orElse(choices.isEmpty() ? null : choices.get(0));
        if (preferred != null) corpus.set(preferred);
    }

    /** Opens a text file of the user's as the corpus, read with the current corpus's tokenizer. */
    public void openTextFile(Path file) {
        CorpusChoice like = corpus.get() != null ? corpus.get() : corpora.isEmpty() ? null : corpora.get(0);
        if (like == null) return;
        CorpusChoice c = CorpusChoice.file(file, like);
        corpora.removeIf(x -> x.id().equals(c.id()));
        corpora.add(c);
        corpus.set(c);
    }

    private void loadCorpus(CorpusChoice c) {
        LoadedCorpus known = cache.get(c.id());
        if (known != null) {
            corpusRunner.cancelPending();
            setLoaded(known);
            return;
        }
        loaded.set(null);
        if (state.get() == State.READY || state.get() == State.NO_CORPUS) state.set(State.NO_CORPUS);
        setStatus(Message.of("training.status.reading", c.nameArg().isEmpty() ? c.id() : c.nameArg()), false);
        corpusRunner.submit(() -> {
            try {
                return LoadedCorpus.read(c);
            } catch (CheckpointException e) {
                throw new CompletionException(e);
            }
        }, l -> {
            cache.clear(); // one corpus in memory at a time: a slice is tens of MB as ids
            cache.put(c.id(), l);
            setLoaded(l);
            setStatus(null, false);
        }, e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            setStatus(Message.of("training.status.corpusFailed", cause.getMessage()), true);
        });
    }

    private void setLoaded(LoadedCorpus l) {
        loaded.set(l);
        sizes.setVocabulary(l.tokenizer().vocabSize(), l.tokenizer().padId());
        if (state.get() == State.NO_CORPUS) state.set(State.READY);
    }

    // ---- planning

    /** The modes ticked, most shared first (the order of the race table). */
    public List<SharingMode> chosenModes() {
        List<SharingMode> out = new ArrayList<>();
        for (SharingMode m : RaceSentence.MOST_SHARED_FIRST) if (modes.get(m).get()) out.add(m);
        return out;
    }

    private TrainingRun.Setup setup() {
        AlbertConfig c = sizes.configProperty().get();
        LoadedCorpus l = loaded.get();
        List<SharingMode> chosen = chosenModes();
        if (c == null || l == null || chosen.isEmpty()) return null;
        int s = sequenceLength.get();
        TrainingSettings settings = new TrainingSettings(batchSize.get(), s, 0, 1e9, learningRate.get(), 50,
                OptimizerKind.ADAMW, 0.01, 1.0, MaskingStrategy.TOKEN, seed.get(), threads.get(), EVAL_EVERY, 0,
                TrainingSettings.defaultMaxPredictions(s));
        return new TrainingRun.Setup(chosen, c, settings, l.train(), l.heldOut(), l.tokenizer(), l.choice().tokenizer(),
                List.of(l.choice().train()), INIT_RANGE, EVAL_EVERY, PROBE_EVERY, probe.get(), HELD_OUT_BATCHES);
    }

    /** For tests: the run that Start would begin now, or null. */
    TrainingRun.Setup setupForTest() {
        return setup();
    }

    private void replan() {
        TrainingRun.Setup s;
        try {
            s = setup();
        } catch (IllegalArgumentException e) {
            s = null;
        }
        if (s == null) {
            plannedRows.set(List.of());
            memory.set(null);
            memoryFits.set(true);
            return;
        }
        List<RaceRow> rows = new ArrayList<>();
        for (SharingMode m : s.modes()) {
            rows.add(new RaceRow(m, s.parameters(m), s.flopsPerStep(m), Double.NaN, Double.NaN, 0));
        }
        plannedRows.set(List.copyOf(rows));
        long max = Runtime.getRuntime().maxMemory();
        memoryFits.set(s.fits(max));
        memory.set(Message.of(memoryFits.get() ? "training.memory.fits" : "training.memory.tooLarge",
                Numbers.megabytes(s.memoryBytes()), Numbers.megabytes(max)));
    }

    // ---- controls

    /** Start (a new run) or Resume (a paused one). */
    public void start() {
        if (run != null && state.get() == State.PAUSED) {
            run.resume();
            state.set(State.RUNNING);
            return;
        }
        if (run == null || state.get() == State.ENDED) begin(false);
    }

    public void pause() {
        if (run != null && state.get() == State.RUNNING) run.pause();
    }

    /** One step of every mode; starts a paused run first when there is none. */
    public void stepOnce() {
        if (run == null || state.get() == State.ENDED) {
            if (!begin(true)) return;
        }
        run.stepOnce();
    }

    /** Throws the run away: the next Start draws new initial weights with the seed shown. */
    public void reset() {
        if (run != null) run.stop();
        run = null;
        update.set(null);
        sentence.set(null);
        timelineIndex.set(-1);
        savedAtSeconds = 0;
        state.set(loaded.get() == null ? State.NO_CORPUS : State.READY);
        setStatus(null, false);
    }

    private boolean begin(boolean paused) {
        TrainingRun.Setup s;
        try {
            s = setup();
        } catch (IllegalArgumentException e) {
            setStatus(Message.of("training.problem.other", e.getMessage()), true);
            return false;
        }
        if (s == null) return false;
        if (!s.fits(Runtime.getRuntime().maxMemory())) {
            setStatus(Message.of("training.memory.refused", Numbers.megabytes(s.memoryBytes()),
                    Numbers.megabytes(Runtime.getRuntime().maxMemory())), true);
            return false;
        }
        if (run != null) run.stop();
        long id = ++runIds;
        update.set(null);
        timelineIndex.set(-1);
        savedAtSeconds = 0;
        if (!s.modes().contains(watched.get())) watched.set(s.modes().get(0));
        setStatus(null, false);
        run = new TrainingRun(id, s, uiThread, this::apply);
        state.set(State.PREPARING);
        run.start(paused);
        return true;
    }

    private void apply(TrainingRun.Update u) {
        if (run == null || u.run() != run.id()) return; // a run that was reset or replaced
        update.set(u);
        sentence.set(RaceSentence.of(u.rows()));
        switch (u.phase()) {
            case PREPARING -> state.set(State.PREPARING);
            case RUNNING -> state.set(State.RUNNING);
            case PAUSED -> state.set(State.PAUSED);
            case STOPPED -> state.set(State.ENDED);
            case FAILED -> {
                state.set(State.ENDED);
                setStatus(failureMessage(u.failure()), true);
            }
        }
    }

    private Message failureMessage(TrainingRun.Failure f) {
        if (f == null) return Message.of("training.status.failed", "?");
        return switch (f.kind()) {
            case NOT_A_NUMBER -> Message.of("training.status.nan", IntInput.format(f.step()),
                    IntInput.format(Math.max(0, f.step() - 1)), Numbers.learningRate(learningRate.get()));
            case MEMORY -> Message.of("training.memory.refused", Numbers.megabytes(f.needed()),
                    Numbers.megabytes(f.available()));
            case OTHER -> Message.of("training.status.failed", f.detail());
        };
    }

    private void setStatus(Message m, boolean error) {
        status.set(m);
        statusIsError.set(error && m != null);
    }

    // ---- probe

    private void showProbe() {
        TrainingRun.Update u = update.get();
        List<ProbeSnapshot> snaps = u == null ? List.of() : u.probes();
        if (snaps.isEmpty()) {
            shownSnapshot.set(null);
            heatmap.set(null);
            guesses.set(List.of());
            return;
        }
        int i = timelineIndex.get();
        ProbeSnapshot s = snaps.get(i < 0 || i >= snaps.size() ? snaps.size() - 1 : i);
        shownSnapshot.set(s);
        ProbeView view = s.lanes().stream().filter(v -> v.mode() == watched.get()).findFirst()
                .orElse(s.lanes().get(0));
        heatmap.set(ProbeDisplay.attention(view, application.get(), head.get()));
        guesses.set(ProbeDisplay.guesses(view, maskedPosition.get()));
    }

    // ---- hand-over

    /** Where "Open in Live Model" sends the snapshot (the app wires the Live page in). */
    public void setLiveHandOff(Consumer<LiveModel> handOff) {
        this.liveHandOff = handOff;
    }

    /** Copies the watched mode's weights now (all modes' for the overlays) and sends them to the Live page. */
    public void openInLive() {
        TrainingRun r = run;
        LoadedCorpus l = loaded.get();
        if (r == null || l == null) return;
        SharingMode mode = watched.get();
        r.snapshots().thenAccept(snaps -> {
            LiveModel model = SnapshotModels.create(r.setup().modes(), snaps, mode, l.tokenizer());
            uiThread.execute(() -> {
                liveHandOff.accept(model);
                setStatus(Message.of("training.status.openedInLive", modeKey(mode), IntInput.format(
                        snaps.get(r.setup().modes().indexOf(mode)).step())), false);
            });
        });
    }

    /**
     * Saves the watched mode's model into {@code folder} in {@code train --out}'s format. The folder is created;
     * one that already holds a model is refused, so no earlier work is overwritten.
     */
    public void saveModel(Path folder) {
        save(step -> folder);
    }

    /** The same, into a new folder inside {@code parent} named for the mode and the step saved. */
    public void saveModelInto(Path parent) {
        SharingMode mode = watched.get();
        save(step -> parent.resolve("albert-lab-" + mode.cliName() + "-step-" + step));
    }

    private void save(java.util.function.LongFunction<Path> folder) {
        TrainingRun r = run;
        if (r == null) return;
        saving.set(true);
        r.save(watched.get(), folder).whenComplete((path, error) -> uiThread.execute(() -> {
            saving.set(false);
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof java.nio.file.FileAlreadyExistsException exists) {
                    setStatus(Message.of("training.status.saveExists", exists.getFile()), true);
                } else {
                    setStatus(Message.of("training.status.saveFailed", folder.apply(0).toString(),
                            cause.getMessage()), true);
                }
            } else {
                TrainingRun.Update u = update.get();
                savedAtSeconds = u == null ? 0 : u.trainingSeconds();
                setStatus(Message.of("training.status.saved", path.toString()), false);
            }
        }));
    }

    /** Copies of every mode's weights as they are now, in the run's lane order (empty without a run). */
    public java.util.concurrent.CompletableFuture<List<albertlab.core.train.Trainer.Snapshot>> snapshots() {
        TrainingRun r = run;
        return r == null ? java.util.concurrent.CompletableFuture.completedFuture(List.of()) : r.snapshots();
    }

    /** Training time not yet saved, in seconds (the app asks before throwing away more than a minute). */
    public double unsavedSeconds() {
        TrainingRun.Update u = update.get();
        return u == null ? 0 : Math.max(0, u.trainingSeconds() - savedAtSeconds);
    }

    /** Stops the run for good (the app is closing) and waits briefly for its thread. */
    public void shutdown() {
        TrainingRun r = run;
        if (r == null) return;
        r.stop();
        try {
            r.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String modeKey(SharingMode m) {
        return "training.mode." + m.cliName();
    }

    // ---- properties

    public TrainingSizes sizes() {
        return sizes;
    }

    public ObservableList<CorpusChoice> corpora() {
        return corpora;
    }

    public ObjectProperty<CorpusChoice> corpusProperty() {
        return corpus;
    }

    public ReadOnlyObjectProperty<LoadedCorpus> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public BooleanProperty modeProperty(SharingMode m) {
        return modes.get(m);
    }

    public IntInput batchSize() {
        return batchSize;
    }

    public IntInput threads() {
        return threads;
    }

    public IntInput seed() {
        return seed;
    }

    public ObjectProperty<Double> learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<Integer> sequenceLengthProperty() {
        return sequenceLength;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingRun.Update> updateProperty() {
        return update.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<RaceRow>> plannedRowsProperty() {
        return plannedRows.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty memoryFitsProperty() {
        return memoryFits.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RaceSentence> sentenceProperty() {
        return sentence.getReadOnlyProperty();
    }

    public StringProperty probeProperty() {
        return probe;
    }

    public ObjectProperty<SharingMode> watchedProperty() {
        return watched;
    }

    public IntegerProperty applicationProperty() {
        return application;
    }

    public IntegerProperty headProperty() {
        return head;
    }

    public IntegerProperty maskedPositionProperty() {
        return maskedPosition;
    }

    public IntegerProperty timelineIndexProperty() {
        return timelineIndex;
    }

    public ReadOnlyObjectProperty<ProbeSnapshot> shownSnapshotProperty() {
        return shownSnapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HeatmapData> heatmapProperty() {
        return heatmap.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<TokenGuess>> guessesProperty() {
        return guesses.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** True while a run exists (running, paused or being set up): the model's sizes are fixed until Reset. */
    /** The settings as they are now (a lesson step, a saved session). */
    public albertlab.core.session.TrainingState snapshot() {
        List<SharingMode> chosen = chosenModes();
        return new albertlab.core.session.TrainingState(sizes.embedding().get(), sizes.hidden().get(),
                sizes.layers().get(), sizes.heads().get(), sizes.intermediate().get(),
                chosen.isEmpty() ? List.of(SharingMode.ALL_SHARED) : chosen, learningRate.get(), batchSize.get(),
                sequenceLength.get(), seed.get(), probe.get(), watched.get(), Math.max(0, application.get()),
                Math.max(0, head.get()));
    }

    /**
     * Sets the page from a state. While a run exists its sizes and settings are fixed, so only the probe and what
     * of it is watched change then; Reset frees the rest.
     */
    public void apply(albertlab.core.session.TrainingState s) {
        if (!runExistsProperty().get()) {
            sizes.embedding().set(s.embedding());
            sizes.hidden().set(s.hidden());
            sizes.layers().set(s.layers());
            sizes.heads().set(s.heads());
            sizes.intermediate().set(s.intermediate());
            for (SharingMode m : SharingMode.values()) modes.get(m).set(s.modes().contains(m));
            learningRate.set(s.learningRate());
            batchSize.set(s.batchSize());
            sequenceLength.set(s.sequenceLength());
            seed.set(s.seed());
        }
        if (s.probe() != null) probe.set(s.probe());
        watched.set(s.watched());
        application.set(s.application());
        head.set(s.head());
    }

    public BooleanBinding runExistsProperty() {
        return Bindings.createBooleanBinding(() -> state.get() == State.PREPARING || state.get() == State.RUNNING
                || state.get() == State.PAUSED || state.get() == State.ENDED && update.get() != null, state, update);
    }
}
