package albertlab.viewmodel.live;

import albertlab.viewmodel.common.HeatmapData;
import albertlab.core.config.SharingMode;
import albertlab.core.model.ForwardTrace;
import albertlab.core.params.ParameterCounter.Flops;

import java.util.Map;

/**
 * One finished update: the input as tokenized, the forward pass every view draws from, and the extra passes some
 * views need.
 *
 * @param trace          the model's pass with attentions and MLM logits (L applications)
 * @param dynamics       the pass the hidden-state views plot: {@code trace} itself, or a pass with the last layer
 *                       applied again up to repeatFactor × L times
 * @param overlays       the same sentence through the same-weights siblings in other sharing modes (not shared and
 *                       all shared), with the same repeats; empty when the model has no such siblings
 * @param givenSop       SOP logits [2] for the pair as written (without any [MASK]), or null (no pair or no SOP head)
 * @param swappedSop     SOP logits [2] for the pair with the sentences swapped, or null (no pair or no SOP head)
 * @param flops          matrix-product FLOPs of {@code trace}'s pass
 * @param hiddenCosine   layer × layer cosine of {@code dynamics}' hidden states: O(n²·S·H), so computed with the
 *                       pass on the background thread, not when the result is shown
 */
public record LiveResult(LiveRequest request, TokenizedInput input, ForwardTrace trace, ForwardTrace dynamics,
                         Map<SharingMode, ForwardTrace> overlays, float[] givenSop, float[] swappedSop,
                         Flops flops, HeatmapData hiddenCosine) {

    public LiveResult {
        overlays = Map.copyOf(overlays);
    }

    public LiveModel model() {
        return request.model();
    }
}
