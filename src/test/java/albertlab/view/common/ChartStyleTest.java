package albertlab.view.common;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts' two looks, and one repaint for a whole restyle. */
class ChartStyleTest {

    private final ChartStyle normal = new ChartStyle("Dialog", 15);
    private final ChartStyle contrast = normal.withHighContrast(true);

    @Test
    void highContrastLightensSeriesColoursAndThickensLines() {
        assertEquals(ChartStyle.BLUE, normal.paint(ChartStyle.BLUE));
        Color light = contrast.paint(ChartStyle.BLUE); // 0x0072B2 four tenths of the way to white
        assertEquals(new Color(0x66, 0xAA, 0xD1), light);
        // against the black background: below WCAG's 4.5:1 before, above its 7:1 (AAA) after
        assertTrue(contrastOnBlack(ChartStyle.BLUE) < 4.5, "" + contrastOnBlack(ChartStyle.BLUE));
        assertTrue(contrastOnBlack(light) > 7, "" + contrastOnBlack(light));
        assertEquals(3f, normal.width(3f));
        assertTrue(contrast.width(3f) > 4f);
    }

    @Test
    void stylesAreEqualWhenSizeFamilyAndContrastAre() {
        assertEquals(normal, new ChartStyle("Dialog", 15));
        assertNotEquals(normal, contrast);
        assertNotEquals(normal, normal.withFontSize(19.5));
        assertEquals(contrast, normal.withFontSize(19.5).withHighContrast(true).withFontSize(15));
    }

    @Test
    void highContrastChartsAreWhiteOnBlackAndARestyleRepaintsOnce() {
        JFreeChart chart = ChartFactory.createXYLineChart("t", "x", "y", new XYSeriesCollection());
        normal.apply(chart);
        assertEquals(Color.WHITE, chart.getBackgroundPaint());
        AtomicInteger repaints = new AtomicInteger();
        chart.addChangeListener(e -> repaints.incrementAndGet());
        contrast.apply(chart);
        assertEquals(1, repaints.get(), "one change event for the whole theme");
        assertEquals(Color.BLACK, chart.getBackgroundPaint());
        assertEquals(Color.BLACK, chart.getXYPlot().getBackgroundPaint());
        assertEquals(Color.WHITE, chart.getTitle().getPaint());
        assertEquals(Color.WHITE, chart.getXYPlot().getDomainAxis().getTickLabelPaint());
        assertEquals(Color.WHITE, chart.getXYPlot().getRangeAxis().getAxisLinePaint());
    }

    /** WCAG 2 contrast ratio of a colour against black: (L + 0.05) / 0.05 with L the relative luminance. */
    private static double contrastOnBlack(Color c) {
        double l = 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
        return (l + 0.05) / 0.05;
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
