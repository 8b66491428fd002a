package albertlab.view.common;

import albertlab.core.config.SharingMode;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
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

/**
 * The one look of every chart in the app, for a projector: large type in a family that can draw Chinese
 * (JFreeChart ignores the CSS, so the family is named here again), white background, light grid, and colours
 * from the Okabe–Ito palette, which stay distinct for colour-blind students and in grey-scale handouts.
 * Any view builds its charts, then calls {@link #apply}.
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
    static final Paint[] SERIES = {BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, GREY};

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

    /**
     * @param family   a font family that has Chinese glyphs ({@link LabFonts#family()} in the app)
     * @param fontSize the size of tick labels and legends in pixels; titles scale from it
     */
    public ChartStyle(String family, double fontSize) {
        this.family = family;
        this.fontSize = fontSize;
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
        return new ChartStyle(family, size);
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
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(new Color(0xDDDDDD));
        t.setRangeGridlinePaint(new Color(0xDDDDDD));
        t.setPlotOutlinePaint(new Color(0xBBBBBB));
        t.setAxisLabelPaint(Color.BLACK);
        t.setTickLabelPaint(new Color(0x222222));
        t.setItemLabelPaint(Color.BLACK);
        t.setAxisOffset(RectangleInsets.ZERO_INSETS);
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        t.setDrawingSupplier(new DefaultDrawingSupplier(SERIES, SERIES, SERIES,
                new Stroke[]{new BasicStroke(3f)}, new Stroke[]{new BasicStroke(1f)},
                new Shape[]{new Ellipse2D.Double(-4, -4, 8, 8)}));
        return t;
    }

    /** Applies the theme; set series colours and strokes after this call (the theme resets them). */
    public void apply(JFreeChart chart) {
        // a title made later by chart.setTitle(String) would get JFreeChart's default font, which cannot draw
        // Chinese with every JDK: make it now so the theme gives it our family
        if (chart.getTitle() == null) chart.setTitle(new TextTitle(""));
        theme().apply(chart);
        chart.getTitle().setPadding(new RectangleInsets(2, 2, fontSize * 0.4, 2));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
    }
}
