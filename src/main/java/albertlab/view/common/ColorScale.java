package albertlab.view.common;

import javafx.scene.paint.Color;

/**
 * Colour scales for heatmaps, chosen to read on a projector: a one-sided scale from near-white to deep blue for
 * probabilities, and a diverging blue–white–red scale centred on zero for cosine similarities.
 */
public enum ColorScale {
    SEQUENTIAL(new Color[]{
            Color.web("#f7fbff"), Color.web("#c6dbef"), Color.web("#6baed6"), Color.web("#2171b5"),
            Color.web("#08306b")}),
    DIVERGING(new Color[]{
            Color.web("#2166ac"), Color.web("#92c5de"), Color.web("#f7f7f7"), Color.web("#f4a582"),
            Color.web("#b2182b")});

    private final Color[] stops;

    ColorScale(Color[] stops) {
        this.stops = stops;
    }

    /** The colour of {@code value} on a scale from {@code low} to {@code high}; values outside are clamped. */
    public Color color(double value, double low, double high) {
        if (Double.isNaN(value)) return Color.LIGHTGRAY;
        double f = high > low ? (value - low) / (high - low) : 0;
        f = Math.max(0, Math.min(1, f));
        double x = f * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        return stops[i].interpolate(stops[i + 1], x - i);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue();
        return luminance > 0.55 ? Color.BLACK : Color.WHITE;
    }
}
