package albertlab.view.live;

import albertlab.core.config.SharingMode;
import albertlab.view.common.LabFonts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;

/**
 * JFreeChart line charts in the app's look. Charts do not read the JavaFX CSS, so the CJK-capable font family is
 * named here again (otherwise Chinese axis labels show as boxes).
 */
final class LabCharts {

    private LabCharts() {
    }

    static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("albert-lab");
        theme.setExtraLargeFont(LabFonts.awt(Font.BOLD, 16));
        theme.setLargeFont(LabFonts.awt(Font.BOLD, 14));
        theme.setRegularFont(LabFonts.awt(Font.PLAIN, 13));
        theme.setSmallFont(LabFonts.awt(Font.PLAIN, 11));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xdddddd));
        theme.setRangeGridlinePaint(new Color(0xdddddd));
        return theme;
    }

    static JFreeChart lineChart(XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(null, "", "", data, PlotOrientation.VERTICAL, true, true,
                false);
        theme().apply(chart);
        XYPlot plot = chart.getXYPlot();
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        return chart;
    }

    /** One colour per sharing mode, the same in every chart. */
    static Paint colour(SharingMode mode) {
        return switch (mode) {
            case NOT_SHARED -> new Color(0xe66100);
            case ALL_SHARED -> new Color(0x1f5fbf);
            case SHARED_ATTENTION -> new Color(0x1b9e77);
            case SHARED_FFN -> new Color(0x7b3294);
        };
    }

    static BasicStroke stroke(boolean current) {
        return current ? new BasicStroke(3f)
                : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{7f, 5f}, 0f);
    }
}
