package albertlab.core.lesson;

import java.util.Locale;

/** A number a lesson's text shows, with how it is written: counts grouped by thousands, ratios with a ×, ... */
public record LessonValue(double value, Kind kind) {

    public enum Kind { COUNT, RATIO, PERCENT, DEGREES, DECIMAL, GIGA, MILLISECONDS }

    /** As the text shows it; the same in both languages (Chinese text uses Western digits too). */
    public String format() {
        return switch (kind) {
            case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
            case RATIO -> String.format(Locale.ROOT, "%.2f×", value);
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            case DEGREES -> String.format(Locale.ROOT, "%.1f°", value);
            case DECIMAL -> String.format(Locale.ROOT, "%.2f", value);
            case GIGA -> String.format(Locale.ROOT, "%.2f G", value / 1e9);
            case MILLISECONDS -> String.format(Locale.ROOT, "%.1f ms", value);
        };
    }

    /** What a numeric answer is compared with: the number as shown (a percent as 85.1, not 0.851). */
    public double answerValue() {
        return switch (kind) {
            case PERCENT -> value * 100;
            case GIGA -> value / 1e9;
            default -> value;
        };
    }
}
