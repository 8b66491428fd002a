package albertlab.core.lesson;

import java.util.Locale;

/** A number a lesson's text shows, with how it is written: counts grouped by thousands, ratios with a ×, ... */
public record LessonValue(double value, Kind kind) {

    public enum Kind { COUNT, RATIO, PERCENT, DEGREES, DECIMAL, TENTHS, FLOPS, MILLISECONDS }

    /** As the text shows it; the same in both languages (Chinese text uses Western digits too). */
    public String format() {
        return switch (kind) {
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
            case RATIO -> String.format(Locale.ROOT, "%.2f×", value);
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            case DEGREES -> String.format(Locale.ROOT, "%.1f°", value);
            case DECIMAL -> String.format(Locale.ROOT, "%.2f", value);
            case TENTHS -> String.format(Locale.ROOT, "%.1f", value);
            // as the explorer's readouts write FLOPs: 174.8 M, 22.50 G
            case FLOPS -> value >= 1e9 ? String.format(Locale.ROOT, "%.2f G", value / 1e9)
                    : value >= 1e6 ? String.format(Locale.ROOT, "%.1f M", value / 1e6)
                    : String.format(Locale.ROOT, "%,.0f", value);
            case MILLISECONDS -> String.format(Locale.ROOT, "%.1f ms", value);
        };
    }

    /** What a numeric answer is compared with: the number as shown (a percent as 85.1, not 0.851). */
    public double answerValue() {
        return kind == Kind.PERCENT ? value * 100 : value;
    }

    /** The unit the text shows the number in (a million for "174.8 M"): a typed number without M or G is in it. */
    public double shownUnit() {
        if (kind != Kind.FLOPS) return 1;
        return value >= 1e9 ? 1e9 : value >= 1e6 ? 1e6 : 1;
    }
}
