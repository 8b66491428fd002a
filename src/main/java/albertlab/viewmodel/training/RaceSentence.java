package albertlab.viewmodel.training;

import albertlab.core.config.SharingMode;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.common.Numbers;

import java.util.List;

/**
 * What the race table shows today, as numbers for one sentence: the most shared mode in the race against the least
 * shared one ("all shared stores 5.1× fewer parameters; its steps take 0.98× as long; its MLM loss is 0.21 higher
 * after 2,000 steps"). Computed from the rows, never written in advance.
 *
 * @param parameterRatio the other mode's parameters over this one's (how many times fewer this one stores)
 * @param timeRatio      this mode's ms per step over the other's
 * @param lossDifference this mode's MLM loss minus the other's (positive: higher)
 */
public record RaceSentence(SharingMode shared, SharingMode other, double parameterRatio, double timeRatio,
                           double lossDifference, long steps) {

    /** Most shared first: the order in which the paper's Table 4 shrinks the parameters. */
    public static final List<SharingMode> MOST_SHARED_FIRST = List.of(SharingMode.ALL_SHARED, SharingMode.SHARED_ATTENTION,
            SharingMode.SHARED_FFN, SharingMode.NOT_SHARED);

    /** The sentence for these rows, or null with fewer than two modes or before both have taken a step. */
    public static RaceSentence of(List<RaceRow> rows) {
        if (rows.size() < 2) return null;
        RaceRow shared = null;
        RaceRow other = null;
        for (SharingMode m : MOST_SHARED_FIRST) {
            RaceRow r = rows.stream().filter(x -> x.mode() == m).findFirst().orElse(null);
            if (r == null) continue;
            if (shared == null) shared = r;
            other = r;
        }
        if (shared == null || other == null || shared == other) return null;
        if (shared.steps() == 0 || other.steps() == 0 || Double.isNaN(shared.msPerStep())
                || Double.isNaN(other.msPerStep())) {
            return null;
        }
        return new RaceSentence(shared.mode(), other.mode(), (double) other.parameters() / shared.parameters(),
                shared.msPerStep() / other.msPerStep(), shared.mlmLoss() - other.mlmLoss(),
                Math.min(shared.steps(), other.steps()));
    }

    /** The sentence in the current language, its numbers as the table rounds them. */
    public String in(I18n i18n) {
        String loss = String.format(java.util.Locale.ROOT, "%.2f", Math.abs(lossDifference));
        String key = Math.abs(lossDifference) < 0.005 ? "training.race.sentence.same"
                : lossDifference > 0 ? "training.race.sentence.higher" : "training.race.sentence.lower";
        return i18n.get(key, i18n.get(TrainingViewModel.modeKey(shared)), i18n.get(TrainingViewModel.modeKey(other)),
                Numbers.ratio(parameterRatio), Numbers.ratio(timeRatio), loss, Numbers.grouped(steps));
    }
}
