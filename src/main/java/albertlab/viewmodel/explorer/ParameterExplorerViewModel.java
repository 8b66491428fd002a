package albertlab.viewmodel.explorer;

import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.common.IntInput;
import albertlab.viewmodel.common.Message;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ConfigProblem;
import albertlab.core.config.Preset;
import albertlab.core.config.Presets;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.session.ExplorerState;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static albertlab.viewmodel.common.IntInput.Scale.LINEAR;
import static albertlab.viewmodel.common.IntInput.Scale.LOG;

/**
 * The Parameter Explorer's state. Inputs are V, E, H, L, A, I, G, the sharing mode and the projection
 * convention; every change builds an immutable {@link AlbertConfig} and, when it is valid, recounts it
 * ({@link ExplorerResult#of}, well under a millisecond, so on the JavaFX thread). An impossible combination keeps
 * the last valid result on screen, marks it {@link #staleProperty() stale} and says why in the current language.
 * No toolkit needed: tests set properties and read outputs.
 */
public final class ParameterExplorerViewModel {

    public static final String DEFAULT_PRESET = "albert-base-v2";

    private final I18n i18n;
    private final IntInput vocab = new IntInput("V", 1_000, 250_000, 30_000, LOG, IntInput::threeSignificant);
    private final IntInput embedding = new IntInput("E", 16, 4_096, 128, LOG, IntInput.multipleOf(16));
    private final IntInput hidden = new IntInput("H", 64, 4_096, 768, LOG,
            v -> v < 256 ? IntInput.multipleOf(16).applyAsInt(v) : IntInput.multipleOf(64).applyAsInt(v));
    private final IntInput layers = new IntInput("L", 1, LayerSweep.MAX_LAYERS, 12, LINEAR, IntInput::exact);
    private final IntInput heads = new IntInput("A", 1, 64, 12, LINEAR, IntInput::exact);
    private final IntInput intermediate = new IntInput("I", 64, 16_384, 3_072, LOG, IntInput.multipleOf(64));
    private final IntInput groups = new IntInput("G", 1, LayerSweep.MAX_LAYERS, 1, LINEAR, IntInput::exact);
    private final List<IntInput> inputs = List.of(vocab, embedding, hidden, layers, heads, intermediate, groups);

    private final BooleanProperty ffnLockedTo4H = new SimpleBooleanProperty(this, "ffnLockedTo4H", true);
    private final ObjectProperty<SharingMode> sharing =
            new SimpleObjectProperty<>(this, "sharing", SharingMode.ALL_SHARED);
    private final ObjectProperty<ProjectionConvention> projection =
            new SimpleObjectProperty<>(this, "projection", ProjectionConvention.HUGGING_FACE_ALWAYS);
    private final ObjectProperty<ExplorerTopic> topic = new SimpleObjectProperty<>(this, "topic");
    /** The chart shown, one of {@link ExplorerState#CHARTS}. */
    private final javafx.beans.property.StringProperty chart = new javafx.beans.property.SimpleStringProperty(
            this, "chart", ExplorerState.CHARTS.get(0));

    private final ReadOnlyObjectWrapper<ExplorerResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<AlbertConfig> candidate = new ReadOnlyObjectWrapper<>(this, "candidate");
    private final ReadOnlyObjectWrapper<List<Message>> problems =
            new ReadOnlyObjectWrapper<>(this, "problems", List.of());
    private final ReadOnlyObjectWrapper<List<Message>> warnings =
            new ReadOnlyObjectWrapper<>(this, "warnings", List.of());
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyObjectWrapper<Set<String>> flagged = new ReadOnlyObjectWrapper<>(this, "flagged", Set.of());
    private final ReadOnlyObjectWrapper<Preset> currentPreset = new ReadOnlyObjectWrapper<>(this, "currentPreset");
    private final BooleanBinding groupsMatter = sharing.isNotEqualTo(SharingMode.NOT_SHARED);
    private final ExplorerReadouts readouts;

    /** Non-size fields (P, T, activation, inner groups) come from the last preset applied. */
    private AlbertConfig base;
    /** The preset {@link #base} came from. */
    private Preset basePreset;
    private int batchDepth;

    public ParameterExplorerViewModel(I18n i18n) {
        this.i18n = i18n;
        List<Observable> triggers = new ArrayList<>();
        for (IntInput in : inputs) {
            if (in != hidden) triggers.add(in.valueProperty());
            triggers.add(in.textProblemProperty());
        }
        triggers.add(sharing);
        triggers.add(projection);
        for (Observable o : triggers) o.addListener(x -> recompute());
        // H and a locked I change together: one recount, never one with the new H and the old I
        hidden.valueProperty().addListener(x -> batch(this::followHidden));
        ffnLockedTo4H.addListener(x -> batch(this::followHidden));
        readouts = new ExplorerReadouts(i18n, result.getReadOnlyProperty());
        applyPreset(Presets.require(DEFAULT_PRESET));
    }

    // --- inputs ---

    public IntInput vocab() { return vocab; }
    public IntInput embedding() { return embedding; }
    public IntInput hidden() { return hidden; }
    public IntInput layers() { return layers; }
    public IntInput heads() { return heads; }
    public IntInput intermediate() { return intermediate; }
    public IntInput groups() { return groups; }

    /** V, E, H, L, A, I, G in that order. */
    public List<IntInput> inputs() {
        return inputs;
    }

    /** While true, I follows 4H (the paper's choice for every model in Table 1). */
    public BooleanProperty ffnLockedTo4HProperty() {
        return ffnLockedTo4H;
    }

    public ObjectProperty<SharingMode> sharingProperty() {
        return sharing;
    }

    public ObjectProperty<ProjectionConvention> projectionProperty() {
        return projection;
    }

    /** What the explanation panel shows; null when it is closed. */
    public javafx.beans.property.StringProperty chartProperty() {
        return chart;
    }

    public ObjectProperty<ExplorerTopic> topicProperty() {
        return topic;
    }

    /** G only means something when at least one half of the layer is shared. */
    public BooleanBinding groupsMatterBinding() {
        return groupsMatter;
    }

    public List<Preset> presets() {
        return Presets.all();
    }

    /** Sets every control from a preset, then recounts once. */
    public void applyPreset(Preset preset) {
        AlbertConfig c = preset.config();
        batch(() -> {
            base = c;
            basePreset = preset;
            ffnLockedTo4H.set(false);
            vocab.set(c.vocabSize());
            embedding.set(c.embeddingSize());
            hidden.set(c.hiddenSize());
            layers.set(c.numHiddenLayers());
            heads.set(c.numAttentionHeads());
            intermediate.set(c.intermediateSize());
            groups.set(c.numHiddenGroups());
            sharing.set(c.sharingMode());
            projection.set(c.projection());
            ffnLockedTo4H.set(c.intermediateSize() == 4 * c.hiddenSize());
            for (IntInput in : inputs) in.revertText();
        });
    }

    /** The inputs as they are now; {@code preset} is the one the non-size fields come from. */
    public ExplorerState snapshot() {
        return new ExplorerState(vocab.get(), embedding.get(), hidden.get(), layers.get(), heads.get(),
                intermediate.get(), ffnLockedTo4H.get(), sharing.get(), groups.get(), projection.get(),
                basePreset.name(), chart.get());
    }

    /**
     * Sets every input from a state and recounts once, so the readouts equal those of the same values typed by
     * hand. A locked I follows 4H, as it would on screen. A null preset means {@link #DEFAULT_PRESET}'s fields.
     *
     * @throws IllegalArgumentException when the state names an unknown preset (nothing is changed then)
     */
    public void apply(ExplorerState s) {
        Preset p = Presets.require(s.preset() == null ? DEFAULT_PRESET : s.preset());
        batch(() -> {
            base = p.config();
            basePreset = p;
            ffnLockedTo4H.set(false);
            vocab.set(s.vocab());
            embedding.set(s.embedding());
            hidden.set(s.hidden());
            layers.set(s.layers());
            heads.set(s.heads());
            intermediate.set(s.intermediate());
            groups.set(s.groups());
            sharing.set(s.sharing());
            projection.set(s.projection());
            ffnLockedTo4H.set(s.ffnLockedTo4H());
            for (IntInput in : inputs) in.revertText();
        });
        chart.set(s.chart());
    }

    /** Runs several input changes as one: a single recount at the end, no half-applied state in between. */
    public void batch(Runnable changes) {
        batchDepth++;
        try {
            changes.run();
        } finally {
            batchDepth--;
        }
        recompute();
    }

    // --- outputs ---

    /** The last valid configuration's numbers; never null. */
    public ReadOnlyObjectProperty<ExplorerResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ExplorerResult result() {
        return result.get();
    }

    /** The configuration the controls describe right now, valid or not; null while a field holds no number. */
    public ReadOnlyObjectProperty<AlbertConfig> candidateProperty() {
        return candidate.getReadOnlyProperty();
    }

    /** True while the controls describe no valid model and the outputs show the last valid one. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Why the current controls are not a model; empty when they are. */
    public ReadOnlyObjectProperty<List<Message>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Valid but worth a remark (E > H). */
    public ReadOnlyObjectProperty<List<Message>> warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** Letters of the inputs a current problem is about (both H and A when A does not divide H). */
    public ReadOnlyObjectProperty<Set<String>> flaggedInputsProperty() {
        return flagged.getReadOnlyProperty();
    }

    public StringBinding problemText() {
        return joined(problems);
    }

    public StringBinding warningText() {
        return joined(warnings);
    }

    /** The preset the controls match exactly, or null ("custom"). */
    public ReadOnlyObjectProperty<Preset> currentPresetProperty() {
        return currentPreset.getReadOnlyProperty();
    }

    public ExplorerReadouts readouts() {
        return readouts;
    }

    public I18n i18n() {
        return i18n;
    }

    /** The translated display name of a preset. */
    public String presetName(Preset p) {
        return i18n.get("explorer.preset." + p.name());
    }

    /** The breakdown of the shown result as a table, header first, in the current language. */
    public List<List<String>> breakdownCsv() {
        return BreakdownTable.rows(result.get(), i18n);
    }

    // --- the one place where inputs become outputs ---

    private void followHidden() {
        if (ffnLockedTo4H.get()) intermediate.set(4 * hidden.get());
    }

    private void recompute() {
        if (batchDepth > 0) return;
        List<Message> fatal = new ArrayList<>();
        List<Message> remarks = new ArrayList<>();
        Set<String> marked = new TreeSet<>();
        for (IntInput in : inputs) {
            Message textProblem = in.textProblemProperty().get();
            if (textProblem != null) {
                fatal.add(textProblem);
                marked.add(in.symbol());
            } else if (!in.inRange() && (in != groups || groupsMatter.get())) {
                marked.add(in.symbol());
                fatal.add(Message.of("explorer.problem.range", in.symbol(), IntInput.format(in.min()),
                        IntInput.format(in.max()), IntInput.format(in.get())));
            }
        }
        AlbertConfig c = base.toBuilder()
                .vocabSize(vocab.get()).embeddingSize(embedding.get()).hiddenSize(hidden.get())
                .numHiddenLayers(layers.get()).numAttentionHeads(heads.get())
                .intermediateSize(intermediate.get()).numHiddenGroups(groups.get())
                .sharingMode(sharing.get()).projection(projection.get()).build();
        boolean rangeProblems = !fatal.isEmpty();
        for (ConfigProblem p : c.problems()) {
            Message m = explain(p, c);
            if (m == null || (rangeProblems && isSizeKind(p))) continue;
            (p.kind().fatal() ? fatal : remarks).add(m);
            if (p.kind().fatal()) marked.addAll(inputsOf(p.kind()));
        }
        flagged.set(Set.copyOf(marked));
        candidate.set(c);
        problems.set(List.copyOf(fatal));
        warnings.set(List.copyOf(remarks));
        if (fatal.isEmpty()) {
            result.set(ExplorerResult.of(c));
            stale.set(false);
            currentPreset.set(result.get().preset().orElse(null));
        } else {
            stale.set(result.get() != null);
            currentPreset.set(null);
        }
    }

    private static List<String> inputsOf(ConfigProblem.Kind kind) {
        return switch (kind) {
            case HIDDEN_NOT_DIVISIBLE_BY_HEADS -> List.of("H", "A");
            case LAYERS_NOT_DIVISIBLE_BY_GROUPS, MORE_GROUPS_THAN_LAYERS -> List.of("L", "G");
            case EMBEDDING_LARGER_THAN_HIDDEN -> List.of("E", "H");
            case NOT_POSITIVE, TOO_LARGE -> List.of();
        };
    }

    private static boolean isSizeKind(ConfigProblem p) {
        return p.kind() == ConfigProblem.Kind.NOT_POSITIVE || p.kind() == ConfigProblem.Kind.TOO_LARGE;
    }

    private static Message explain(ConfigProblem p, AlbertConfig c) {
        String h = IntInput.format(c.hiddenSize());
        return switch (p.kind()) {
            case HIDDEN_NOT_DIVISIBLE_BY_HEADS -> Message.of("explorer.problem.heads", h,
                    IntInput.format(c.numAttentionHeads()),
                    String.format(java.util.Locale.ROOT, "%.2f", (double) c.hiddenSize() / c.numAttentionHeads()));
            case LAYERS_NOT_DIVISIBLE_BY_GROUPS -> Message.of("explorer.problem.groups",
                    c.numHiddenLayers(), c.numHiddenGroups());
            case MORE_GROUPS_THAN_LAYERS -> Message.of("explorer.problem.moreGroups",
                    c.numHiddenGroups(), c.numHiddenLayers());
            case EMBEDDING_LARGER_THAN_HIDDEN -> Message.of("explorer.warning.embedding",
                    IntInput.format(c.embeddingSize()), h);
            case NOT_POSITIVE, TOO_LARGE -> Message.of("explorer.problem.other", p.message());
        };
    }

    private StringBinding joined(ReadOnlyObjectWrapper<List<Message>> messages) {
        return i18n.bind(() -> messages.get().stream().map(m -> m.in(i18n)).collect(Collectors.joining("\n")),
                messages);
    }

    /** For views that must show a state without a binding (tests, self-test). */
    public boolean isStale() {
        return stale.get();
    }
}
