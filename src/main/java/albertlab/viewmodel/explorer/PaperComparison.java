package albertlab.viewmodel.explorer;

import albertlab.core.config.Preset;
import albertlab.core.params.ParameterBreakdown;

import java.util.Optional;

/**
 * A preset's exact count next to the rounded figure of the ALBERT paper's Table 1, and which simple reason
 * explains the gap, if any: rounding to whole millions, or the pooler (H×H + H) being left out of the paper's
 * figure. Anything else is called unexplained: the paper does not list which tensors it counts.
 */
public record PaperComparison(String paperLabel, long paperCount, long exact, long pooler, Reason reason) {

    public enum Reason { ROUNDING, WITHOUT_POOLER, UNEXPLAINED }

    private static final long HALF_MILLION = 500_000;

    public static Optional<PaperComparison> of(Preset preset, ParameterBreakdown exact) {
        String label = preset.paperLabel();
        if (label == null || !label.endsWith("M")) return Optional.empty();
        long paper = Math.round(Double.parseDouble(label.substring(0, label.length() - 1)) * 1_000_000);
        long total = exact.total();
        long pooler = exact.pooler();
        Reason reason;
        if (Math.abs(total - paper) <= HALF_MILLION) {
            reason = Reason.ROUNDING;
        } else if (Math.abs(total - pooler - paper) <= 2 * HALF_MILLION) {
            reason = Reason.WITHOUT_POOLER;
        } else {
            reason = Reason.UNEXPLAINED;
        }
        return Optional.of(new PaperComparison(label, paper, total, pooler, reason));
    }

    /** exact − paper; negative when the paper's figure is the larger one. */
    public long difference() {
        return exact - paperCount;
    }
}
