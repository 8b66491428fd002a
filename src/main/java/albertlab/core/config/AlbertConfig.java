package albertlab.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * An ALBERT (or BERT) architecture. Field names follow Hugging Face's {@code config.json}; the letters are the
 * paper's: V vocabulary, E embedding size, H hidden size, L layers, G groups, A heads, I FFN size, P positions,
 * T token types. {@code sharingMode} and {@code projection} are ALBERT Lab's own additions (HF cannot express the
 * partial sharing modes, and the two codebases disagree about the projection when E = H).
 *
 * <p>Immutable; change one field with {@link #toBuilder()}.
 */
public record AlbertConfig(
        int vocabSize,
        int embeddingSize,
        int hiddenSize,
        int numHiddenLayers,
        int numHiddenGroups,
        int numAttentionHeads,
        int intermediateSize,
        int innerGroupNum,
        Activation hiddenAct,
        int maxPositionEmbeddings,
        int typeVocabSize,
        double layerNormEps,
        int padTokenId,
        SharingMode sharingMode,
        ProjectionConvention projection) {

    public static final int MAX_VOCAB = 1_000_000;
    public static final int MAX_WIDTH = 16_384;
    public static final int MAX_INTERMEDIATE = 65_536;
    public static final int MAX_LAYERS = 256;
    public static final int MAX_INNER = 16;
    public static final int MAX_POSITIONS = 8_192;
    public static final int MAX_TYPES = 16;

    public AlbertConfig {
        if (hiddenAct == null) throw new IllegalArgumentException("hidden_act is missing");
        if (sharingMode == null) throw new IllegalArgumentException("sharing mode is missing");
        if (projection == null) throw new IllegalArgumentException("projection convention is missing");
    }

    /** albert-base-v2's values; a starting point for builders. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** d = H / A, the width of one attention head. */
    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    /** L × inner: how many times an AlbertLayer is applied in one forward pass. */
    public int layerApplications() {
        return numHiddenLayers * innerGroupNum;
    }

    public boolean hasProjection() {
        return projection.hasProjection(embeddingSize, hiddenSize);
    }

    /** Groups that actually hold distinct weights: G for a shared half; not-shared means one per layer. */
    public int effectiveGroups() {
        return sharingMode == SharingMode.NOT_SHARED ? numHiddenLayers : numHiddenGroups;
    }

    /** Every problem, fatal or not, in a stable order. Empty when the configuration is fine. */
    public List<ConfigProblem> problems() {
        List<ConfigProblem> out = new ArrayList<>();
        positive(out, "vocab_size (V)", vocabSize, MAX_VOCAB);
        positive(out, "embedding_size (E)", embeddingSize, MAX_WIDTH);
        positive(out, "hidden_size (H)", hiddenSize, MAX_WIDTH);
        positive(out, "num_hidden_layers (L)", numHiddenLayers, MAX_LAYERS);
        positive(out, "num_hidden_groups (G)", numHiddenGroups, MAX_LAYERS);
        positive(out, "num_attention_heads (A)", numAttentionHeads, MAX_WIDTH);
        positive(out, "intermediate_size (I)", intermediateSize, MAX_INTERMEDIATE);
        positive(out, "inner_group_num", innerGroupNum, MAX_INNER);
        positive(out, "max_position_embeddings (P)", maxPositionEmbeddings, MAX_POSITIONS);
        positive(out, "type_vocab_size (T)", typeVocabSize, MAX_TYPES);
        if (!(layerNormEps > 0) || Double.isInfinite(layerNormEps)) {
            out.add(new ConfigProblem(ConfigProblem.Kind.NOT_POSITIVE,
                    "layer_norm_eps must be a positive number, got " + layerNormEps));
        }
        if (hiddenSize > 0 && numAttentionHeads > 0 && hiddenSize % numAttentionHeads != 0) {
            out.add(new ConfigProblem(ConfigProblem.Kind.HIDDEN_NOT_DIVISIBLE_BY_HEADS,
                    "hidden_size " + hiddenSize + " is not divisible by num_attention_heads " + numAttentionHeads));
        }
        boolean groupsMatter = sharingMode != SharingMode.NOT_SHARED;
        if (groupsMatter && numHiddenLayers > 0 && numHiddenGroups > numHiddenLayers) {
            out.add(new ConfigProblem(ConfigProblem.Kind.MORE_GROUPS_THAN_LAYERS,
                    "num_hidden_groups " + numHiddenGroups + " exceeds num_hidden_layers " + numHiddenLayers));
        } else if (groupsMatter && numHiddenLayers > 0 && numHiddenGroups > 0
                && numHiddenLayers % numHiddenGroups != 0) {
            out.add(new ConfigProblem(ConfigProblem.Kind.LAYERS_NOT_DIVISIBLE_BY_GROUPS,
                    "num_hidden_layers " + numHiddenLayers + " is not divisible by num_hidden_groups "
                            + numHiddenGroups));
        }
        if (embeddingSize > hiddenSize && hiddenSize > 0) {
            out.add(new ConfigProblem(ConfigProblem.Kind.EMBEDDING_LARGER_THAN_HIDDEN,
                    "embedding_size " + embeddingSize + " is larger than hidden_size " + hiddenSize
                            + ": the factorization would add parameters instead of saving them"));
        }
        return out;
    }

    /** Problems that make the model impossible to build or count. */
    public List<ConfigProblem> fatalProblems() {
        return problems().stream().filter(p -> p.kind().fatal()).toList();
    }

    public boolean isValid() {
        return fatalProblems().isEmpty();
    }

    /** Throws with the first fatal problem's message; returns this otherwise. */
    public AlbertConfig requireValid() {
        List<ConfigProblem> fatal = fatalProblems();
        if (!fatal.isEmpty()) {
            throw new InvalidConfigException(fatal);
        }
        return this;
    }

    private static void positive(List<ConfigProblem> out, String name, long value, long max) {
        if (value < 1) {
            out.add(new ConfigProblem(ConfigProblem.Kind.NOT_POSITIVE, name + " must be at least 1, got " + value));
        } else if (value > max) {
            out.add(new ConfigProblem(ConfigProblem.Kind.TOO_LARGE, name + " must be at most " + max + ", got " + value));
        }
    }

    /** Mutable twin of {@link AlbertConfig}; defaults are albert-base-v2's. */
    public static final class Builder {
        private int vocabSize = 30000;
        private int embeddingSize = 128;
        private int hiddenSize = 768;
        private int numHiddenLayers = 12;
        private int numHiddenGroups = 1;
        private int numAttentionHeads = 12;
        private int intermediateSize = 3072;
        private int innerGroupNum = 1;
        private Activation hiddenAct = Activation.GELU_NEW;
        private int maxPositionEmbeddings = 512;
        private int typeVocabSize = 2;
        private double layerNormEps = 1e-12;
        private int padTokenId = 0;
        private SharingMode sharingMode = SharingMode.ALL_SHARED;
        private ProjectionConvention projection = ProjectionConvention.HUGGING_FACE_ALWAYS;

        private Builder() {
        }

        private Builder(AlbertConfig c) {
            vocabSize = c.vocabSize;
            embeddingSize = c.embeddingSize;
            hiddenSize = c.hiddenSize;
            numHiddenLayers = c.numHiddenLayers;
            numHiddenGroups = c.numHiddenGroups;
            numAttentionHeads = c.numAttentionHeads;
            intermediateSize = c.intermediateSize;
            innerGroupNum = c.innerGroupNum;
            hiddenAct = c.hiddenAct;
            maxPositionEmbeddings = c.maxPositionEmbeddings;
            typeVocabSize = c.typeVocabSize;
            layerNormEps = c.layerNormEps;
            padTokenId = c.padTokenId;
            sharingMode = c.sharingMode;
            projection = c.projection;
        }

        public Builder vocabSize(int v) { vocabSize = v; return this; }
        public Builder embeddingSize(int v) { embeddingSize = v; return this; }
        public Builder hiddenSize(int v) { hiddenSize = v; return this; }
        public Builder numHiddenLayers(int v) { numHiddenLayers = v; return this; }
        public Builder numHiddenGroups(int v) { numHiddenGroups = v; return this; }
        public Builder numAttentionHeads(int v) { numAttentionHeads = v; return this; }
        public Builder intermediateSize(int v) { intermediateSize = v; return this; }
        public Builder innerGroupNum(int v) { innerGroupNum = v; return this; }
        public Builder hiddenAct(Activation v) { hiddenAct = v; return this; }
        public Builder maxPositionEmbeddings(int v) { maxPositionEmbeddings = v; return this; }
        public Builder typeVocabSize(int v) { typeVocabSize = v; return this; }
        public Builder layerNormEps(double v) { layerNormEps = v; return this; }
        public Builder padTokenId(int v) { padTokenId = v; return this; }
        public Builder sharingMode(SharingMode v) { sharingMode = v; return this; }
        public Builder projection(ProjectionConvention v) { projection = v; return this; }

        /** BERT's shape: E = H, nothing shared, no projection. */
        public Builder bertStyle() {
            embeddingSize = hiddenSize;
            sharingMode = SharingMode.NOT_SHARED;
            numHiddenGroups = 1;
            projection = ProjectionConvention.ORIGINAL_ONLY_WHEN_FACTORIZED;
            return this;
        }

        public AlbertConfig build() {
            return new AlbertConfig(vocabSize, embeddingSize, hiddenSize, numHiddenLayers, numHiddenGroups,
                    numAttentionHeads, intermediateSize, innerGroupNum, hiddenAct, maxPositionEmbeddings,
                    typeVocabSize, layerNormEps, padTokenId, sharingMode, projection);
        }
    }
}
