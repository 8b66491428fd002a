package albertlab.viewmodel.live;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.params.HeadSelection;
import albertlab.core.params.ParameterCounter;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link LiveRequest} into a {@link LiveResult}; runs on the background thread, touches no UI. */
public final class LiveComputation {

    /** The sharing modes whose curves are drawn over the current model's (the paper's Figure 1 pair). */
    public static final List<SharingMode> OVERLAY_MODES = List.of(SharingMode.NOT_SHARED, SharingMode.ALL_SHARED);

    private LiveComputation() {
    }

    public static LiveResult compute(LiveRequest request) {
        LiveModel model = request.model();
        TokenizedInput input = TokenizedInput.of(model.tokenizer(), model.maxTokens(), request.first(),
                request.second(), request.maskedPosition());
        // only the masked row's logits are read (the predictions): the [V][E] decoder over every row would cost
        // about three times the built-in model's whole encoder
        int masked = input.maskedPosition();
        ForwardOptions main = masked >= 0 ? ForwardOptions.DEFAULT.withMlmRows(masked)
                : ForwardOptions.DEFAULT.withMlmRows();
        ForwardTrace trace = model.forward().forward(input.modelInput(), main);

        int extra = request.extraLayers();
        ForwardOptions light = new ForwardOptions(extra, false, false);
        ForwardTrace dynamics = extra == 0 ? trace : model.forward().forward(input.modelInput(), light);

        Map<SharingMode, ForwardTrace> overlays = new EnumMap<>(SharingMode.class);
        if (model.siblingsComparable()) {
            for (SharingMode mode : OVERLAY_MODES) {
                if (mode == model.sharingMode()) continue;
                overlays.put(mode, model.sibling().apply(mode).forward(input.modelInput(), light));
            }
        }

        float[] given = null;
        float[] swapped = null;
        if (input.pair() && model.hasSopHead()) {
            ForwardOptions sopOnly = new ForwardOptions(0, false, false);
            // the verdict is about the sentences as written: a [MASK] in one of them must not sway it
            given = input.maskedPosition() < 0 ? trace.sopLogits() : model.forward().forward(
                    TokenizedInput.of(model.tokenizer(), model.maxTokens(), request.first(), request.second(), -1)
                            .modelInput(), sopOnly).sopLogits();
            TokenizedInput other = TokenizedInput.of(model.tokenizer(), model.maxTokens(), request.second(),
                    request.first(), -1);
            swapped = model.forward().forward(other.modelInput(), sopOnly).sopLogits();
        }

        AlbertConfig config = model.config();
        HeadSelection heads = heads(model.hasMlmHead(), model.hasSopHead());
        return new LiveResult(request, input, trace, dynamics, overlays, given, swapped,
                ParameterCounter.flops(config, heads, input.length()), HiddenStates.cosineHeatmap(dynamics));
    }

    static HeadSelection heads(boolean mlm, boolean sop) {
        if (mlm && sop) return HeadSelection.BOTH;
        if (mlm) return HeadSelection.MLM;
        return sop ? HeadSelection.SOP : HeadSelection.NONE;
    }
}
