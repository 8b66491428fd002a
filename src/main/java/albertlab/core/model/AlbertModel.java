package albertlab.core.model;

import albertlab.core.config.AlbertConfig;

/**
 * A mini ALBERT with Hugging Face {@code AlbertModel} semantics (eval mode) plus ALBERT Lab's partial sharing
 * modes. (API stub: the engine issue fills it in.)
 */
public final class AlbertModel {

    private final AlbertWeights weights;

    private AlbertModel(AlbertWeights weights) {
        this.weights = weights;
    }

    /** Checks every shape against the config and builds the model; IllegalArgumentException names the tensor. */
    public static AlbertModel create(AlbertWeights weights) {
        return new AlbertModel(weights);
    }

    /** Fixed-seed weights drawn to look trained (not HF's 0.02 init, under which attention is almost uniform). */
    public static AlbertModel random(AlbertConfig config, long seed, boolean withHeads) {
        throw new UnsupportedOperationException("not yet");
    }

    public AlbertConfig config() {
        return weights.config();
    }

    public AlbertWeights weights() {
        return weights;
    }

    public boolean hasMlmHead() {
        return weights.mlmHead() != null;
    }

    public boolean hasSopHead() {
        return weights.sopClassifier() != null;
    }

    public ForwardTrace forward(ModelInput input) {
        return forward(input, ForwardOptions.DEFAULT);
    }

    public ForwardTrace forward(ModelInput input, ForwardOptions options) {
        throw new UnsupportedOperationException("not yet");
    }
}
