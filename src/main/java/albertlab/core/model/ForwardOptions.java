package albertlab.core.model;

/**
 * @param extraLayers      apply outer layer L−1 (the shared layer, for an all-shared model) this many more times
 * @param keepAttentions   fill {@link ForwardTrace#attentions()} (large for long inputs)
 * @param computeMlm       run the MLM head over every position when the model has one
 */
public record ForwardOptions(int extraLayers, boolean keepAttentions, boolean computeMlm) {

    public static final ForwardOptions DEFAULT = new ForwardOptions(0, true, true);

    public ForwardOptions {
        if (extraLayers < 0) throw new IllegalArgumentException("extra layers must be >= 0");
    }

    public ForwardOptions withExtraLayers(int n) {
        return new ForwardOptions(n, keepAttentions, computeMlm);
    }
}
