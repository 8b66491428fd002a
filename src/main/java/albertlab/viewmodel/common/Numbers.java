package albertlab.viewmodel.common;

import java.util.Locale;

/** How the explorer writes numbers, the same in both languages (the paper's "12M" style for rounded ones). */
public final class Numbers {

    private Numbers() {
    }

    /** 16,128,000 */
    public static String grouped(long v) {
        return IntInput.format(v);
    }

    /** 11.7M, 235M, 0.59M */
    public static String millions(long v) {
        double m = v / 1e6;
        return (m >= 100 ? String.format(Locale.ROOT, "%.0f", m)
                : m >= 1 ? String.format(Locale.ROOT, "%.1f", m)
                : String.format(Locale.ROOT, "%.2f", m)) + "M";
    }

    /** Megabytes (10^6 bytes) with one decimal. */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    /** 174.6 M, 3.52 G (FLOPs) */
    public static String flops(double v) {
        if (v >= 1e9) return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        if (v >= 1e6) return String.format(Locale.ROOT, "%.1f M", v / 1e6);
        return String.format(Locale.ROOT, "%,.0f ", v);
    }

    /** 5.85 */
    public static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 100 ? "%.0f" : r >= 10 ? "%.1f" : "%.2f", r);
    }

    /** +1,482,240 or −316,416 (a real minus sign) */
    public static String signed(long v) {
        return (v < 0 ? "\u2212" : "+") + grouped(Math.abs(v));
    }

    /** 0.001, 0.0003 (a learning rate as a student types it) */
    public static String learningRate(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** 3:07 or 1:02:45 (minutes and seconds; hours when there are any) */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
