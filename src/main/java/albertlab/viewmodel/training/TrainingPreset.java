package albertlab.viewmodel.training;

/**
 * Model sizes for the Training page that learn visibly within a minute or two on a laptop. The vocabulary is the
 * real tokenizer's (30,000 SentencePiece pieces for English, 21,128 characters for Chinese).
 *
 * @param e embedding size E, @param h hidden size H, @param l layers L, @param a attention heads A,
 *          @param i feed-forward size I
 */
public enum TrainingPreset {
    /** A few milliseconds a step: the loss falls within seconds. */
    TINY(16, 64, 4, 2, 256),
    /** The size of the trained models that ship with the app. */
    MINI(32, 128, 6, 4, 512),
    /** Slower steps; the layers hold most of the parameters, so sharing cuts them about 4×. */
    SMALL(16, 256, 6, 4, 1024);

    public final int e;
    public final int h;
    public final int l;
    public final int a;
    public final int i;

    TrainingPreset(int e, int h, int l, int a, int i) {
        this.e = e;
        this.h = h;
        this.l = l;
        this.a = a;
        this.i = i;
    }

    public String key() {
        return "training.preset." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
