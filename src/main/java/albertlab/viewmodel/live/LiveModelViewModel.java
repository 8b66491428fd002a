package albertlab.viewmodel.live;

import albertlab.viewmodel.common.HeatmapData;
import albertlab.core.model.TokenProbabilities;
import albertlab.core.model.TokenGuess;
import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import albertlab.core.session.LiveState;
import albertlab.core.train.CardExamples;
import albertlab.viewmodel.common.LatestOnlyRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The live page's state. Inputs are the model (a family and a sharing mode), the two sentences, the masked
 * position and the repeat factor; every change re-runs the forward pass on the background executor and only the
 * newest result is applied. Outputs are read-only properties the views bind to.
 */
public final class LiveModelViewModel {

    public static final int TOP_K = 10;

    private final LatestOnlyRunner forwardRunner;
    /** Built-in models and opened folders load on runners of their own: one must never supersede the other. */
    private final LatestOnlyRunner builtInRunner;
    private final LatestOnlyRunner folderRunner;
    private final LatestOnlyRunner timingRunner;
    private final ModelLoader loader;

    private final ObservableList<ModelFamily> families = FXCollections.observableArrayList();
    private final ObjectProperty<ModelFamily> family = new SimpleObjectProperty<>(this, "family");
    private final ObjectProperty<SharingMode> sharingMode = new SimpleObjectProperty<>(this, "sharingMode");
    private final ReadOnlyObjectWrapper<LiveModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final StringProperty first = new SimpleStringProperty(this, "first", "");
    private final StringProperty second = new SimpleStringProperty(this, "second", "");
    private final StringProperty tab = new SimpleStringProperty(this, "tab", LiveState.DEFAULT_TAB);
    /** A state whose model is still loading: applied when it is there. */
    private LiveState pending;
    private final IntegerProperty maskedPosition = new SimpleIntegerProperty(this, "maskedPosition", -1);
    private final IntegerProperty repeatFactor = new SimpleIntegerProperty(this, "repeatFactor", 1);

    private final ReadOnlyObjectWrapper<LiveResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper computeError = new ReadOnlyStringWrapper(this, "computeError");
    private final ReadOnlyBooleanWrapper loadingBuiltIns = new ReadOnlyBooleanWrapper(this, "loadingBuiltIns");
    private final ReadOnlyBooleanWrapper loadingFolder = new ReadOnlyBooleanWrapper(this, "loadingFolder");
    private final BooleanBinding loading = loadingBuiltIns.or(loadingFolder);
    private final ReadOnlyObjectWrapper<LoadFailure> loadFailure = new ReadOnlyObjectWrapper<>(this, "loadFailure");
    /** Why the built-in models did not load; unlike loadFailure, not cleared once a dialog has shown it. */
    private final ReadOnlyStringWrapper builtInFailure = new ReadOnlyStringWrapper(this, "builtInFailure");
    private final StringBinding pageError =
            Bindings.createStringBinding(() -> computeError.get() != null ? computeError.get() : builtInFailure.get(),
                    computeError, builtInFailure);
    private final ReadOnlyObjectWrapper<List<TokenGuess>> predictions =
            new ReadOnlyObjectWrapper<>(this, "predictions", List.of());
    private final ReadOnlyObjectWrapper<SentenceOrder> sentenceOrder = new ReadOnlyObjectWrapper<>(this, "sentenceOrder");
    private final ReadOnlyObjectWrapper<List<DynamicsCurve>> curves =
            new ReadOnlyObjectWrapper<>(this, "curves", List.of());
    private final ReadOnlyObjectWrapper<HeatmapData> hiddenCosine = new ReadOnlyObjectWrapper<>(this, "hiddenCosine");
    private final ReadOnlyObjectWrapper<List<TimingRow>> timings = new ReadOnlyObjectWrapper<>(this, "timings", List.of());
    private final ReadOnlyBooleanWrapper timing = new ReadOnlyBooleanWrapper(this, "timing");

    /** The current model's example sentences (from its card); empty for untrained or opened models. */
    private final ReadOnlyObjectWrapper<List<CardExamples.Example>> examples =
            new ReadOnlyObjectWrapper<>(this, "examples", List.of());

    private final AttentionViewModel attention;
    /** The folder each loaded checkpoint came from, so a snapshot can name it. */
    private final Map<ModelFamily, Path> folders = new IdentityHashMap<>();
    private ModelFamily snapshot;

    /**
     * @param background where forward passes, loading and timing run (AppContext.background in the app)
     * @param uiThread   where results are applied (Platform::runLater in the app)
     */
    public LiveModelViewModel(Executor background, Executor uiThread, ModelLoader loader) {
        this.forwardRunner = new LatestOnlyRunner(background, uiThread);
        this.builtInRunner = new LatestOnlyRunner(background, uiThread);
        this.folderRunner = new LatestOnlyRunner(background, uiThread);
        this.timingRunner = new LatestOnlyRunner(background, uiThread);
        this.loader = loader;
        this.attention = new AttentionViewModel(background, uiThread);
        attention.resultProperty().bind(result);

        family.addListener((o, old, f) -> {
            if (f != null && !f.modes().contains(sharingMode.get())) sharingMode.set(f.defaultMode());
            updateModel();
        });
        sharingMode.addListener((o, a, b) -> updateModel());
        model.addListener((o, a, b) -> {
            examples.set(b == null || b.card() == null ? List.of() : b.card().examples());
            maskedPosition.set(-1);
            dropTimings();
            refresh();
        });
        first.addListener((o, a, b) -> textChanged());
        second.addListener((o, a, b) -> textChanged());
        maskedPosition.addListener((o, a, b) -> refresh());
        repeatFactor.addListener((o, a, b) -> refresh());
        result.addListener((o, a, r) -> derive(r));
    }

    private void updateModel() {
        ModelFamily f = family.get();
        model.set(f == null ? null : f.member(sharingMode.get()));
    }

    /** The timings were of another sentence or model: clear them, and drop a timing run still going. */
    private void dropTimings() {
        timingRunner.cancelPending();
        timing.set(false);
        timings.set(List.of());
    }

    private void textChanged() {
        dropTimings();
        if (applyingExample) return; // applyExample runs the one pass for both sentences and the mask
        if (maskedPosition.get() >= 0) {
            maskedPosition.set(-1); // the tokens moved: the old position may now be another word
        } else {
            refresh();
        }
    }

    /** Re-runs the forward pass for the current inputs; the newest request wins. */
    public void refresh() {
        LiveModel m = model.get();
        if (m == null) return;
        int repeat = Math.max(1, Math.min(LiveRequest.MAX_REPEAT_FACTOR, repeatFactor.get()));
        LiveRequest request = new LiveRequest(m, first.get(), second.get(), maskedPosition.get(), repeat);
        computing.set(true);
        forwardRunner.submit(() -> LiveComputation.compute(request), r -> {
            computing.set(false);
            computeError.set(null);
            result.set(r);
        }, e -> {
            computing.set(false);
            computeError.set(messageOf(e));
        });
    }

    private void derive(LiveResult r) {
        if (r == null) {
            predictions.set(List.of());
            sentenceOrder.set(null);
            curves.set(List.of());
            hiddenCosine.set(null);
            return;
        }
        int masked = r.input().maskedPosition();
        float[][] logits = r.trace().mlmLogits();
        predictions.set(masked >= 0 && logits != null && r.model().hasMlmHead()
                ? TokenProbabilities.topK(logits[masked], TOP_K, r.model().tokenizer()) : List.of());
        sentenceOrder.set(r.swappedSop() != null && r.givenSop() != null
                ? SentenceOrder.of(r.givenSop(), r.swappedSop()) : null);
        curves.set(DynamicsCurve.of(r));
        hiddenCosine.set(r.hiddenCosine()); // computed with the result, off the JavaFX thread
    }

    /** Masks the token at {@code position}, or unmasks it when it is the masked one. */
    public void toggleMask(int position) {
        maskedPosition.set(maskedPosition.get() == position ? -1 : position);
    }

    /** Shows one of the card's examples: its two sentences, with its word masked; one forward pass. */
    public void applyExample(CardExamples.Example e) {
        applyingExample = true;
        try {
            first.set(e.a());
            second.set(e.b());
        } finally {
            applyingExample = false;
        }
        if (maskedPosition.get() == e.position()) refresh();
        else maskedPosition.set(e.position());
    }

    private boolean applyingExample;

    /** Puts sentence B first and A second. */
    public void swapSentences() {
        String a = first.get();
        String b = second.get();
        maskedPosition.set(-1);
        first.set(b);
        second.set(a);
    }

    /** Adds models (the built-in ones at start) and selects the first family added when none is selected. */
    public void addFamilies(List<ModelFamily> added) {
        families.addAll(added);
        if (family.get() == null && !added.isEmpty()) family.set(added.get(0));
    }

    /**
     * Shows a model handed over by the Training page. Only the newest hand-over is kept in the list: each holds a
     * copy of the weights of every mode of its run.
     */
    public void openSnapshot(LiveModel model) {
        ModelFamily f = ModelFamily.single(model);
        if (snapshot != null) families.remove(snapshot);
        snapshot = f;
        families.add(f);
        family.set(f);
    }

    /** Creates the built-in models off the JavaFX thread, then adds them. */
    public void loadBuiltIns(Supplier<List<ModelFamily>> factory) {
        loadingBuiltIns.set(true);
        builtInRunner.submit(factory, f -> {
            loadingBuiltIns.set(false);
            addFamilies(f);
            // a trained model opens on a held-out sentence it gets right, its word masked: the first thing a
            // student sees is the model working
            List<CardExamples.Example> e = examples.get();
            if (pending == null && !e.isEmpty() && e.get(0).correct()) applyExample(e.get(0));
            applyPending();
        }, e -> {
            loadingBuiltIns.set(false);
            builtInFailure.set(messageOf(e));
            loadFailure.set(new LoadFailure(null, messageOf(e)));
        });
    }

    /**
     * Loads a checkpoint folder off the JavaFX thread. On success it becomes the current model; on failure
     * {@link #loadFailureProperty()} names the problem and the current model stays.
     */
    public void openFolder(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        for (Map.Entry<ModelFamily, Path> e : folders.entrySet()) {
            if (e.getValue().toAbsolutePath().normalize().equals(key)) {
                family.set(e.getKey()); // opened already: show it again instead of loading a second copy
                return;
            }
        }
        loadingFolder.set(true);
        folderRunner.submit(() -> {
            try {
                return loader.load(folder);
            } catch (CheckpointException e) {
                throw new LoadException(e.getMessage(), e);
            }
        }, m -> {
            loadingFolder.set(false);
            ModelFamily f = ModelFamily.single(m);
            // one opened checkpoint at a time: the one it replaces is released (an albert-base is ~45 MB of
            // weights, and packed copies on top), the built-in models stay
            List<ModelFamily> replaced = List.copyOf(folders.keySet());
            folders.clear();
            folders.put(f, folder);
            families.add(f);
            family.set(f);
            families.removeAll(replaced);
            applyPending();
        }, e -> {
            pending = null;
            loadingFolder.set(false);
            loadFailure.set(new LoadFailure(folder, messageOf(e)));
        });
    }

    /**
     * The inputs as they are now.
     *
     * @throws IllegalStateException before any model is there (the built-in ones load in the background)
     */
    public LiveState snapshot() {
        ModelFamily f = family.get();
        if (f == null) throw new IllegalStateException("no model yet");
        SharingMode mode = sharingMode.get() != null ? sharingMode.get() : f.defaultMode();
        int repeat = Math.max(1, Math.min(LiveRequest.MAX_REPEAT_FACTOR, repeatFactor.get()));
        String trained = trainedNameOf(f);
        String vocabulary = trained == null ? vocabularyOf(f) : null;
        return new LiveState(vocabulary, vocabulary == null && trained == null ? folders.get(f) : null, mode,
                first.get(), second.get(), Math.max(-1, maskedPosition.get()), repeat, trained,
                LiveState.TABS.contains(tab.get()) ? tab.get() : LiveState.DEFAULT_TAB,
                Math.max(-1, attention.layerProperty().get()), Math.max(-1, attention.headProperty().get()));
    }

    /**
     * Sets the model, sharing mode, sentences, masked position and repeat factor from a state; the masked position
     * is set last because a new model or new text clears it. The model is chosen among those already in
     * {@link #families()}: a built-in vocabulary not loaded yet, or a folder never opened, leaves the current
     * model (loading a folder from a state is left to the caller, who can {@link #openFolder} it).
     */
    public void apply(LiveState s) {
        pending = null;
        boolean found = false;
        for (ModelFamily f : families) {
            boolean match = s.vocabulary() != null ? s.vocabulary().equals(vocabularyOf(f))
                    : s.trainedModel() != null ? s.trainedModel().equals(trainedNameOf(f))
                    : s.modelFolder().equals(folders.get(f));
            if (match) {
                family.set(f);
                found = true;
                break;
            }
        }
        sharingMode.set(s.sharingMode());
        first.set(s.sentenceA());
        second.set(s.sentenceB());
        repeatFactor.set(s.repeatFactor());
        maskedPosition.set(s.maskedPosition());
        tab.set(s.tab());
        attention.select(s.application(), s.head());
        if (!found && (loadingBuiltIns.get() || s.modelFolder() != null && loadingFolder.get())) pending = s;
    }

    /**
     * {@link #apply}, opening the state's checkpoint folder first when it is not open yet; the rest of the state
     * follows once it has loaded (a saved session, a lesson step on a folder model).
     */
    public void applyOpening(LiveState s) {
        if (s.modelFolder() != null && folders.values().stream().noneMatch(
                p -> p.toAbsolutePath().normalize().equals(s.modelFolder().toAbsolutePath().normalize()))) {
            openFolder(s.modelFolder());
        }
        apply(s);
    }

    /** True while a Training page snapshot is shown: it has no file a state could name. */
    public boolean showsSnapshot() {
        return snapshot != null && family.get() == snapshot;
    }

    private void applyPending() {
        LiveState p = pending;
        if (p != null) apply(p);
    }

    /** The card's name of a trained model that ships with the app, or null. */
    private static String trainedNameOf(ModelFamily f) {
        LiveModel m = f.member(f.defaultMode());
        return m.card() == null ? null : m.card().name();
    }

    /** "english" or "chinese" for a built-in random family, null for a loaded one. */
    private String vocabularyOf(ModelFamily f) {
        if (folders.containsKey(f)) return null;
        if (f.nameKey().equals(BuiltInModels.Vocabulary.ENGLISH.nameKey())) return LiveState.ENGLISH;
        if (f.nameKey().equals(BuiltInModels.Vocabulary.CHINESE.nameKey())) return LiveState.CHINESE;
        return null;
    }

    /** Times the current sentence through all four sharing modes of the current shape, off the JavaFX thread. */
    public void timeSharingModes() {
        LiveResult r = result.get();
        if (r == null) return;
        timing.set(true);
        timingRunner.submit(() -> SharingTimer.time(r.model(), r.input().modelInput(), SharingTimer.RUNS), rows -> {
            timing.set(false);
            timings.set(rows);
        }, e -> {
            timing.set(false);
            computeError.set(messageOf(e));
        });
    }

    /** The dialog has shown the failure. */
    public void clearLoadFailure() {
        loadFailure.set(null);
    }

    static String messageOf(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static final class LoadException extends RuntimeException {
        LoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public ObservableList<ModelFamily> families() {
        return families;
    }

    public ObjectProperty<ModelFamily> familyProperty() {
        return family;
    }

    /** The tab shown, one of {@link LiveState#TABS}. */
    public StringProperty tabProperty() {
        return tab;
    }

    public ObjectProperty<SharingMode> sharingModeProperty() {
        return sharingMode;
    }

    public ReadOnlyObjectProperty<LiveModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public StringProperty firstProperty() {
        return first;
    }

    public StringProperty secondProperty() {
        return second;
    }

    public IntegerProperty maskedPositionProperty() {
        return maskedPosition;
    }

    public IntegerProperty repeatFactorProperty() {
        return repeatFactor;
    }

    public ReadOnlyObjectProperty<LiveResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty computeErrorProperty() {
        return computeError.getReadOnlyProperty();
    }

    /**
     * What keeps the page from showing a result, or null: the newest forward pass (or timing run) failed, or the
     * built-in models did not load. A failed folder load is not here: the previous model stays and works.
     */
    public StringBinding errorProperty() {
        return pageError;
    }

    /** True while the built-in models or an opened folder are loading. */
    public BooleanBinding loadingProperty() {
        return loading;
    }

    public ReadOnlyObjectProperty<LoadFailure> loadFailureProperty() {
        return loadFailure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<TokenGuess>> predictionsProperty() {
        return predictions.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SentenceOrder> sentenceOrderProperty() {
        return sentenceOrder.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<DynamicsCurve>> curvesProperty() {
        return curves.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HeatmapData> hiddenCosineProperty() {
        return hiddenCosine.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<TimingRow>> timingsProperty() {
        return timings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<CardExamples.Example>> examplesProperty() {
        return examples.getReadOnlyProperty();
    }

    public AttentionViewModel attention() {
        return attention;
    }
}
