package albertlab.viewmodel.live;

import albertlab.core.config.Activation;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import albertlab.core.model.AlbertModel;
import albertlab.core.model.AlbertWeights;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.tokenizer.Tokenizers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in mini ALBERT: random, untrained weights of a small fixed shape, with a real vocabulary so that any
 * sentence can be typed. Its embedding table has one row per piece of the vocabulary it ships with (V matches),
 * but the numbers are random: attention patterns and hidden-state dynamics are those of a model that has learned
 * nothing, and MLM and SOP guesses are noise. The page says so.
 *
 * <p>One not-shared model is drawn with a fixed seed; the other three sharing modes are cut from it (a shared half
 * reuses layer 1's weights), so the four models agree in every weight they have in common and differ only in
 * sharing.
 */
public final class BuiltInModels {

    public static final long SEED = 20200426L;

    /** The two vocabularies shipped. */
    public enum Vocabulary {
        /** albert-base-v2's SentencePiece model: English. */
        ENGLISH("live.model.builtin.english", "spiece.model"),
        /** BERT-Chinese WordPiece: one piece per Chinese character, lower-cased English word pieces. */
        CHINESE("live.model.builtin.chinese", "vocab.txt");

        private final String nameKey;
        private final String file;

        Vocabulary(String nameKey, String file) {
            this.nameKey = nameKey;
            this.file = file;
        }

        public String nameKey() {
            return nameKey;
        }

        public String file() {
            return file;
        }
    }

    private BuiltInModels() {
    }

    /** E = 32, H = 64, I = 256, L = 6, A = 4 (head size 16), P = 128 positions; not shared. */
    public static AlbertConfig shape(int vocabSize) {
        return AlbertConfig.builder()
                .vocabSize(vocabSize).embeddingSize(32).hiddenSize(64).intermediateSize(256)
                .numHiddenLayers(6).numHiddenGroups(1).numAttentionHeads(4).innerGroupNum(1)
                .hiddenAct(Activation.GELU_NEW).maxPositionEmbeddings(128).typeVocabSize(2)
                .sharingMode(SharingMode.NOT_SHARED).build();
    }

    /** Both vocabularies, the preferred one first. */
    public static List<ModelFamily> create(Vocabulary preferred) {
        Vocabulary other = preferred == Vocabulary.ENGLISH ? Vocabulary.CHINESE : Vocabulary.ENGLISH;
        return List.of(family(preferred), family(other));
    }

    public static ModelFamily family(Vocabulary vocabulary) {
        Tokenizer tokenizer = tokenizer(vocabulary);
        AlbertModel notShared = AlbertModel.random(shape(tokenizer.vocabSize()), SEED, true);
        Map<SharingMode, AlbertModel> models = new EnumMap<>(SharingMode.class);
        for (SharingMode mode : SharingMode.values()) {
            models.put(mode, AlbertModel.create(cut(notShared.weights(), mode)));
        }
        Map<SharingMode, LiveModel> members = new EnumMap<>(SharingMode.class);
        for (SharingMode mode : SharingMode.values()) {
            AlbertModel m = models.get(mode);
            members.put(mode, new LiveModel(vocabulary.nameKey(), "", m.config(), tokenizer, m::forward,
                    m.hasMlmHead(), m.hasSopHead(), true, s -> models.get(s)::forward, true));
        }
        return new ModelFamily(vocabulary.nameKey(), "", members, SharingMode.ALL_SHARED);
    }

    /**
     * The not-shared weights in another sharing mode: a shared attention or FFN keeps only layer 1's weights
     * (slot 0), which then serve every layer.
     */
    static AlbertWeights cut(AlbertWeights notShared, SharingMode mode) {
        AlbertConfig config = SharingTimer.sibling(notShared.config(), mode);
        return new AlbertWeights(config, notShared.embeddings(), notShared.projection(),
                mode.attentionShared() ? notShared.attention().subList(0, 1) : notShared.attention(),
                mode.ffnShared() ? notShared.ffn().subList(0, 1) : notShared.ffn(),
                notShared.pooler(), notShared.mlmHead(), notShared.sopClassifier());
    }

    /** Loads a shipped vocabulary; the tokenizer reads files, so the resource is copied to a temporary one. */
    static Tokenizer tokenizer(Vocabulary vocabulary) {
        try {
            Path dir = Files.createTempDirectory("albert-lab-vocab");
            Path file = dir.resolve(vocabulary.file());
            try (InputStream in = BuiltInModels.class.getResourceAsStream("vocab/" + vocabulary.file())) {
                if (in == null) throw new IOException("the built-in vocabulary " + vocabulary.file() + " is missing");
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Tokenizer t = Tokenizers.load(file);
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CheckpointException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
