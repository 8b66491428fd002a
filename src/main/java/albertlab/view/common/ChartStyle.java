package albertlab.view.common;

import albertlab.core.config.SharingMode;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one look of every chart in the app, for a projector: large type in a family that can draw Chinese
 * (JFreeChart ignores the CSS, so the family is named here again), white background, light grid, and colours
 * from the Okabe–Ito palette, which stay distinct for colour-blind students and in grey-scale handouts.
 * Any view builds its charts, then calls {@link #apply}.
 *
 * <p>The high-contrast variant (View › High contrast, for a weak projector) draws white text and lines on black,
 * lightens every series colour ({@link #paint}) so that it stands out from black as much as the normal one does
 * from white, and makes lines thicker ({@link #width}). A chart sets its own series colours through those two, so
 * both looks come from one place. Equal styles are {@code equals}, so a view restyles only on a real change.
 */
public final class ChartStyle {

    /** Okabe–Ito: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black. */
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color PURPLE = new Color(0xCC79A7);
    public static final Color SKY = new Color(0x56B4E9);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color GREY = new Color(0x555555);
    static final Color[] SERIES = {BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, GREY};
    /** How far towards white a series colour moves on the black high-contrast background. */
    private static final double LIGHTEN = 0.4;
    /** Lines and strokes in high contrast are this much wider. */
    private static final float THICKER = 1.6f;

    /**
     * One colour per sharing mode, the same in every chart of every page (the Explorer's layer sweep, the Live
     * page's dynamics): not shared vermillion, all shared blue, shared attention orange, shared FFN green.
     */
    public static Color colour(SharingMode mode) {
        return switch (mode) {
            case NOT_SHARED -> VERMILLION;
            case ALL_SHARED -> BLUE;
            case SHARED_ATTENTION -> ORANGE;
            case SHARED_FFN -> GREEN;
        };
    }

    private final String family;
    private final double fontSize;
    private final boolean highContrast;

    /**
     * @param family   a font family that has Chinese glyphs ({@link LabFonts#family()} in the app)
     * @param fontSize the size of tick labels and legends in pixels; titles scale from it
     */
    public ChartStyle(String family, double fontSize) {
        this(family, fontSize, false);
    }

    private ChartStyle(String family, double fontSize, boolean highContrast) {
        this.family = family;
        this.fontSize = fontSize;
        this.highContrast = highContrast;
    }

    /** The app's style: the UI family at the UI's base size. Needs the JavaFX toolkit (to list fonts). */
    public static ChartStyle forUi(double fontSize) {
        return new ChartStyle(LabFonts.family(), fontSize);
    }

    public String family() {
        return family;
    }

    public double fontSize() {
        return fontSize;
    }

    public ChartStyle withFontSize(double size) {
        return new ChartStyle(family, size, highContrast);
    }

    public boolean highContrast() {
        return highContrast;
    }

    public ChartStyle withHighContrast(boolean on) {
        return new ChartStyle(family, fontSize, on);
    }

    /** Text, axes and outlines: black, or white in high contrast. */
    public Color foreground() {
        return highContrast ? Color.WHITE : Color.BLACK;
    }

    /** The chart's background: white, or black in high contrast. */
    public Color background() {
        return highContrast ? Color.BLACK : Color.WHITE;
    }

    /** A series colour as this style draws it: itself, or lightened towards white on the black background. */
    public Color paint(Color c) {
        if (!highContrast) return c;
        return new Color(lighten(c.getRed()), lighten(c.getGreen()), lighten(c.getBlue()), c.getAlpha());
    }

    private static int lighten(int channel) {
        return (int) Math.round(channel + (255 - channel) * LIGHTEN);
    }

    /** A line width as this style draws it (wider in high contrast). */
    public float width(float w) {
        return highContrast ? w * THICKER : w;
    }

    public Font font(int style, double scale) {
        return new Font(family, style, (int) Math.round(fontSize * scale));
    }

    public StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("ALBERT Lab");
        t.setExtraLargeFont(font(Font.BOLD, 1.3));
        t.setLargeFont(font(Font.BOLD, 1.05));
        t.setRegularFont(font(Font.PLAIN, 1.0));
        t.setSmallFont(font(Font.PLAIN, 0.9));
        Color grid = highContrast ? new Color(0x707070) : new Color(0xDDDDDD);
        t.setChartBackgroundPaint(background());
        t.setPlotBackgroundPaint(background());
        t.setLegendBackgroundPaint(background());
        t.setLegendItemPaint(foreground());
        t.setTitlePaint(foreground());
        t.setSubtitlePaint(foreground());
        t.setDomainGridlinePaint(grid);
        t.setRangeGridlinePaint(grid);
        t.setPlotOutlinePaint(highContrast ? Color.WHITE : new Color(0xBBBBBB));
        t.setAxisLabelPaint(foreground());
        t.setTickLabelPaint(highContrast ? Color.WHITE : new Color(0x222222));
        t.setItemLabelPaint(foreground());
        t.setBaselinePaint(foreground());
        t.setAxisOffset(RectangleInsets.ZERO_INSETS);
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        Paint[] series = new Paint[SERIES.length];
        for (int i = 0; i < series.length; i++) series[i] = paint(SERIES[i]);
        t.setDrawingSupplier(new DefaultDrawingSupplier(series, series, series,
                new Stroke[]{new BasicStroke(width(3f))}, new Stroke[]{new BasicStroke(width(1f))},
                new Shape[]{new Ellipse2D.Double(-4, -4, 8, 8)}));
        return t;
    }

    /** Applies the theme; set series colours and strokes after this call (the theme resets them). */
    public void apply(JFreeChart chart) {
        quietly(chart, () -> applyQuietly(chart));
    }

    /**
     * Makes many changes to a chart with one repaint at the end. A chart on screen repaints itself after every
     * single change (each setter of the theme, each series colour), which on a software-rendered projector PC
     * turned one text-size step into seconds.
     */
    public static void quietly(JFreeChart chart, Runnable changes) {
        boolean was = chart.isNotify();
        chart.setNotify(false);
        try {
            changes.run();
        } finally {
            chart.setNotify(was);
        }
    }

    private void applyQuietly(JFreeChart chart) {
        // a title made later by chart.setTitle(String) would get JFreeChart's default font, which cannot draw
        // Chinese with every JDK: make it now so the theme gives it our family
        if (chart.getTitle() == null) chart.setTitle(new TextTitle(""));
        theme().apply(chart);
        chart.getTitle().setPadding(new RectangleInsets(2, 2, fontSize * 0.4, 2));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        // the theme leaves axis lines and tick marks grey, which a weak projector loses on black
        for (Axis a : axes(chart.getPlot())) {
            a.setAxisLinePaint(highContrast ? Color.WHITE : Color.GRAY);
            a.setAxisLineStroke(new BasicStroke(width(1f)));
            a.setTickMarkPaint(highContrast ? Color.WHITE : Color.GRAY);
            a.setTickMarkStroke(new BasicStroke(width(1f)));
        }
        chart.getPlot().setOutlineStroke(new BasicStroke(highContrast ? 1.5f : 0.5f));
    }

    /** Every axis of a plot, those of combined plots' panels included. */
    static List<Axis> axes(Plot plot) {
        List<Axis> out = new ArrayList<>();
        if (plot instanceof XYPlot p) {
            for (int i = 0; i < p.getDomainAxisCount(); i++) if (p.getDomainAxis(i) != null) out.add(p.getDomainAxis(i));
            for (int i = 0; i < p.getRangeAxisCount(); i++) if (p.getRangeAxis(i) != null) out.add(p.getRangeAxis(i));
            if (p instanceof CombinedDomainXYPlot c) for (XYPlot sub : c.getSubplots()) out.addAll(axes(sub));
            if (p instanceof CombinedRangeXYPlot c) for (XYPlot sub : c.getSubplots()) out.addAll(axes(sub));
        } else if (plot instanceof CategoryPlot p) {
            for (int i = 0; i < p.getDomainAxisCount(); i++) if (p.getDomainAxis(i) != null) out.add(p.getDomainAxis(i));
            for (int i = 0; i < p.getRangeAxisCount(); i++) if (p.getRangeAxis(i) != null) out.add(p.getRangeAxis(i));
            // raw lists in JFreeChart 1.5
            if (p instanceof CombinedDomainCategoryPlot c) for (Object sub : c.getSubplots()) out.addAll(axes((Plot) sub));
            if (p instanceof CombinedRangeCategoryPlot c) for (Object sub : c.getSubplots()) out.addAll(axes((Plot) sub));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChartStyle s && s.family.equals(family) && s.fontSize == fontSize
                && s.highContrast == highContrast;
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, fontSize, highContrast);
    }

    @Override
    public String toString() {
        return "ChartStyle[" + family + ", " + fontSize + " px" + (highContrast ? ", high contrast" : "") + "]";
    }
}
