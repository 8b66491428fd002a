package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Which weights each AlbertLayer application uses. Application t = i × inner + j runs inner layer j of outer layer
 * i. Hugging Face picks group g = floor(i / (L / G)); a shared half of the layer lives in slot g × inner + j, an
 * unshared half in slot i × inner + j (one per application).
 *
 * <p>Applications past L ("repeat the shared layer") reuse outer layer L−1's weights: for an all-shared model that
 * is the one shared layer, which is what the repeat experiment is about.
 */
public final class LayerSchedule {

    /** One AlbertLayer application. {@code extra} marks a repeat beyond the config's L layers. */
    public record Application(int index, int layer, int group, int inner, int attentionSlot, int ffnSlot,
                              boolean extra) {
    }

    private final List<Application> applications;
    private final int attentionSlots;
    private final int ffnSlots;

    private LayerSchedule(List<Application> applications, int attentionSlots, int ffnSlots) {
        this.applications = List.copyOf(applications);
        this.attentionSlots = attentionSlots;
        this.ffnSlots = ffnSlots;
    }

    public static LayerSchedule of(AlbertConfig config) {
        return of(config, 0);
    }

    /** The schedule with {@code extraLayers} more outer layers applied after the config's L. */
    public static LayerSchedule of(AlbertConfig config, int extraLayers) {
        if (extraLayers < 0) throw new IllegalArgumentException("extra layers must be >= 0, got " + extraLayers);
        config.requireValid();
        int layers = config.numHiddenLayers();
        int inner = config.innerGroupNum();
        int groups = config.effectiveGroups();
        int layersPerGroup = layers / groups;
        SharingMode mode = config.sharingMode();
        List<Application> out = new ArrayList<>((layers + extraLayers) * inner);
        for (int step = 0; step < layers + extraLayers; step++) {
            int layer = Math.min(step, layers - 1);
            int group = layer / layersPerGroup;
            for (int j = 0; j < inner; j++) {
                int shared = group * inner + j;
                int own = layer * inner + j;
                out.add(new Application(out.size(), step, group, j,
                        mode.attentionShared() ? shared : own,
                        mode.ffnShared() ? shared : own,
                        step >= layers));
            }
        }
        int attention = (mode.attentionShared() ? groups : layers) * inner;
        int ffn = (mode.ffnShared() ? groups : layers) * inner;
        return new LayerSchedule(out, attention, ffn);
    }

    public List<Application> applications() {
        return applications;
    }

    public int size() {
        return applications.size();
    }

    public Application get(int index) {
        return applications.get(index);
    }

    /** Distinct attention weight sets the model stores. */
    public int attentionSlots() {
        return attentionSlots;
    }

    /** Distinct FFN weight sets (with their output LayerNorm) the model stores. */
    public int ffnSlots() {
        return ffnSlots;
    }

    /** True when applications a and b run the very same attention weights. */
    public boolean sameAttention(int a, int b) {
        return applications.get(a).attentionSlot() == applications.get(b).attentionSlot();
    }
}
