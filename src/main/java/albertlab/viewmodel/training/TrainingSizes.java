package albertlab.viewmodel.training;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ConfigProblem;
import albertlab.core.config.SharingMode;
import albertlab.viewmodel.common.IntInput;
import albertlab.viewmodel.common.Message;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;

import static albertlab.viewmodel.common.IntInput.Scale.LINEAR;
import static albertlab.viewmodel.common.IntInput.Scale.LOG;

/**
 * The model the Training page will train: E, H, L, A and I from sliders or a preset, and the vocabulary of the
 * corpus's tokenizer. {@link #configProperty()} is the config in ALBERT's all-shared mode (each lane of a run takes
 * it in its own mode), or null while the sizes do not make a model; {@link #problemProperty()} then says why.
 */
public final class TrainingSizes {

    public static final int MAX_POSITIONS = 128;

    private final IntInput embedding = new IntInput("E", 8, 256, TrainingPreset.TINY.e, LOG, IntInput.multipleOf(8));
    private final IntInput hidden = new IntInput("H", 32, 512, TrainingPreset.TINY.h, LOG, IntInput.multipleOf(32));
    private final IntInput layers = new IntInput("L", 1, 12, TrainingPreset.TINY.l, LINEAR, IntInput::exact);
    private final IntInput heads = new IntInput("A", 1, 8, TrainingPreset.TINY.a, LINEAR, IntInput::exact);
    private final IntInput intermediate = new IntInput("I", 64, 2048, TrainingPreset.TINY.i, LOG,
            IntInput.multipleOf(64));
    private final ObjectProperty<Integer> vocabSize = new SimpleObjectProperty<>(this, "vocabSize", 30_000);
    private final ObjectProperty<Integer> padId = new SimpleObjectProperty<>(this, "padId", 0);
    private final ObjectProperty<TrainingPreset> preset = new SimpleObjectProperty<>(this, "preset",
            TrainingPreset.TINY);
    private final ReadOnlyObjectWrapper<AlbertConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private boolean applyingPreset;

    public TrainingSizes() {
        preset.addListener((o, a, p) -> {
            if (p != null) apply(p);
        });
        for (IntInput in : inputs()) {
            in.valueProperty().addListener(x -> {
                if (!applyingPreset) preset.set(presetOf());
            });
        }
        Observable[] deps = {embedding.valueProperty(), hidden.valueProperty(), layers.valueProperty(),
                heads.valueProperty(), intermediate.valueProperty(), vocabSize, padId};
        for (Observable d : deps) d.addListener(x -> rebuild());
        rebuild();
    }

    public List<IntInput> inputs() {
        return List.of(embedding, hidden, layers, heads, intermediate);
    }

    private void apply(TrainingPreset p) {
        applyingPreset = true;
        embedding.set(p.e);
        hidden.set(p.h);
        layers.set(p.l);
        heads.set(p.a);
        intermediate.set(p.i);
        applyingPreset = false;
        rebuild();
    }

    private TrainingPreset presetOf() {
        for (TrainingPreset p : TrainingPreset.values()) {
            if (p.e == embedding.get() && p.h == hidden.get() && p.l == layers.get() && p.a == heads.get()
                    && p.i == intermediate.get()) {
                return p;
            }
        }
        return null;
    }

    private void rebuild() {
        if (applyingPreset) return;
        for (IntInput in : inputs()) {
            if (!in.inRange()) {
                fail(Message.of("training.problem.range", in.symbol(), IntInput.format(in.min()),
                        IntInput.format(in.max()), IntInput.format(in.get())));
                return;
            }
        }
        AlbertConfig c = AlbertConfig.builder().vocabSize(vocabSize.get()).padTokenId(padId.get())
                .embeddingSize(embedding.get()).hiddenSize(hidden.get()).numHiddenLayers(layers.get())
                .numAttentionHeads(heads.get()).intermediateSize(intermediate.get())
                .maxPositionEmbeddings(MAX_POSITIONS).sharingMode(SharingMode.ALL_SHARED).build();
        for (ConfigProblem p : c.fatalProblems()) {
            fail(p.kind() == ConfigProblem.Kind.HIDDEN_NOT_DIVISIBLE_BY_HEADS
                    ? Message.of("training.problem.heads", IntInput.format(hidden.get()), IntInput.format(heads.get()))
                    : Message.of("training.problem.other", p.message()));
            return;
        }
        problem.set(null);
        config.set(c);
    }

    private void fail(Message m) {
        problem.set(m);
        config.set(null);
    }

    /** Takes the vocabulary size and padding id of the corpus's tokenizer. */
    public void setVocabulary(int size, int pad) {
        padId.set(pad);
        vocabSize.set(size);
    }

    public IntInput embedding() {
        return embedding;
    }

    public IntInput hidden() {
        return hidden;
    }

    public IntInput layers() {
        return layers;
    }

    public IntInput heads() {
        return heads;
    }

    public IntInput intermediate() {
        return intermediate;
    }

    /** The preset the sliders match, or null when they match none. */
    public ObjectProperty<TrainingPreset> presetProperty() {
        return preset;
    }

    public ReadOnlyObjectProperty<AlbertConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
