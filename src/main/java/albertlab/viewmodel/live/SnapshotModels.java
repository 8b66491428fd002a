package albertlab.viewmodel.live;

import albertlab.core.config.SharingMode;
import albertlab.core.model.AlbertModel;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.train.Trainer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A model the Training page hands to the Live page: a copy of one sharing mode's weights at a step, with the
 * other modes of the same run (trained on the same batches for the same steps) as its siblings.
 */
public final class SnapshotModels {

    private SnapshotModels() {
    }

    /**
     * @param modes     the run's modes, in the order of {@code snapshots}
     * @param shown     the mode the Live page shows first
     */
    public static LiveModel create(List<SharingMode> modes, List<Trainer.Snapshot> snapshots, SharingMode shown,
                                   Tokenizer tokenizer) {
        Map<SharingMode, ForwardFunction> byMode = new EnumMap<>(SharingMode.class);
        long step = 0;
        AlbertModel own = null;
        for (int i = 0; i < modes.size(); i++) {
            AlbertModel m = AlbertModel.create(snapshots.get(i).weights());
            byMode.put(modes.get(i), m::forward);
            if (modes.get(i) == shown) {
                own = m;
                step = snapshots.get(i).step();
            }
        }
        if (own == null) throw new IllegalArgumentException("the run does not train " + shown);
        AlbertModel model = own;
        // the not-shared and all-shared curves compare fairly only when both trained in this run
        boolean comparable = byMode.containsKey(SharingMode.NOT_SHARED) && byMode.containsKey(SharingMode.ALL_SHARED);
        return new LiveModel("live.model.snapshot." + shown.cliName(), String.format(java.util.Locale.ROOT, "%,d", step),
                model.config(), tokenizer, model::forward, model.hasMlmHead(), model.hasSopHead(), false,
                mode -> {
                    ForwardFunction f = byMode.get(mode);
                    if (f != null) return f;
                    AlbertModel random = AlbertModel.random(SharingTimer.sibling(model.config(), mode),
                            FolderModels.TIMING_SEED, true);
                    return random::forward;
                }, comparable);
    }
}
