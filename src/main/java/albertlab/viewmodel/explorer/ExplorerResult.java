package albertlab.viewmodel.explorer;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.Preset;
import albertlab.core.config.Presets;
import albertlab.core.config.SharingMode;
import albertlab.core.params.ParameterBreakdown;
import albertlab.core.params.ParameterCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the Parameter Explorer shows for one valid configuration, computed in one go after each change so
 * that readouts and charts always agree. A pure function of the config (no JavaFX): the benchmark and the tests
 * call {@link #of} directly.
 *
 * @param bertTwin the BERT of the same V, H, L, A and I: no factorization (E = H, no projection), nothing shared
 * @param modes    the BERT twin, then this configuration under each sharing mode
 * @param preset   the preset this configuration is exactly, if any
 */
public record ExplorerResult(AlbertConfig config, ParameterBreakdown breakdown, ParameterBreakdown bertTwin,
                             LayerSweep sweep, List<ModeCost> modes, Optional<Preset> preset,
                             Optional<PaperComparison> paper) {

    public static ExplorerResult of(AlbertConfig config) {
        ParameterBreakdown b = ParameterCounter.count(config);
        ParameterBreakdown twin = ParameterCounter.count(bertTwin(config));
        List<ModeCost> modes = new ArrayList<>();
        modes.add(new ModeCost(null, twin.total(), twin.flops().perToken()));
        int g = config.numHiddenGroups();
        // keep the user's G where it fits; a mode that cannot use it falls back to one group
        int groups = g <= config.numHiddenLayers() && config.numHiddenLayers() % g == 0 ? g : 1;
        for (SharingMode m : SharingMode.values()) {
            ParameterBreakdown mb = ParameterCounter.count(
                    config.toBuilder().sharingMode(m).numHiddenGroups(groups).build());
            modes.add(new ModeCost(m, mb.total(), mb.flops().perToken()));
        }
        Optional<Preset> preset = Presets.all().stream().filter(p -> p.config().equals(config)).findFirst();
        return new ExplorerResult(config, b, twin, LayerSweep.of(config), List.copyOf(modes), preset,
                preset.flatMap(p -> PaperComparison.of(p, b)));
    }

    public static AlbertConfig bertTwin(AlbertConfig config) {
        return config.toBuilder().bertStyle().build();
    }

    public StackedParts parts() {
        return StackedParts.of(breakdown);
    }

    public StackedParts twinParts() {
        return StackedParts.of(bertTwin);
    }
}
