package albertlab.viewmodel.live;

/**
 * Everything one update of the live page depends on; the view model snapshots it on the JavaFX thread and the
 * background thread turns it into a {@link LiveResult}.
 *
 * @param maskedPosition -1 for none
 * @param repeatFactor   1..4: run the last layer until there are this many × L layer applications
 */
public record LiveRequest(LiveModel model, String first, String second, int maskedPosition, int repeatFactor) {

    /** The session file's limit, so a saved state and the page agree: one constant, not two copies. */
    public static final int MAX_REPEAT_FACTOR = albertlab.core.session.LiveState.MAX_REPEAT_FACTOR;

    public LiveRequest {
        if (repeatFactor < 1 || repeatFactor > MAX_REPEAT_FACTOR) {
            throw new IllegalArgumentException("repeat factor must be 1.." + MAX_REPEAT_FACTOR + ", got " + repeatFactor);
        }
    }

    /** Applications past the config's L for {@code repeatFactor} (the ForwardOptions' extraLayers). */
    public int extraLayers() {
        return (repeatFactor - 1) * model.config().numHiddenLayers();
    }
}
