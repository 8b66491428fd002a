package albertlab.viewmodel.live;

import java.util.List;

/**
 * Runs the first model's forward pass a few times before the page shows any figure. The very first pass runs on a
 * cold JIT (about 580 ms for the built-in model, against about 3 ms once compiled): a student would read that
 * figure as the model's speed. Runs on the background thread, with the models' loading.
 */
public final class WarmUp {

    /** Passes of the sentence the page opens with. */
    static final int PASSES = 20;

    private WarmUp() {
    }

    /** Warms the first family's default model on {@code sentence}, then returns the families unchanged. */
    public static List<ModelFamily> run(List<ModelFamily> families, String sentence) {
        if (families.isEmpty()) return families;
        ModelFamily first = families.get(0);
        LiveModel model = first.member(first.defaultMode());
        LiveRequest request = new LiveRequest(model, sentence, "", -1, 1);
        for (int i = 0; i < PASSES; i++) LiveComputation.compute(request);
        return families;
    }
}
