package albertlab.view.common;

import albertlab.core.config.SharingMode;
import albertlab.view.common.ChartStyle;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Paint;

/** The app's line charts, in the app's one {@link ChartStyle}. */
public final class LabCharts {

    private LabCharts() {
    }

    public static JFreeChart lineChart(XYSeriesCollection data, ChartStyle style) {
        JFreeChart chart = ChartFactory.createXYLineChart(null, "", "", data, PlotOrientation.VERTICAL, true, true,
                false);
        restyle(chart, style);
        return chart;
    }

    /** The style again, at a new font size (Ctrl+= in the shell); series colours are set by the caller after this. */
    public static void restyle(JFreeChart chart, ChartStyle style) {
        style.apply(chart);
        XYPlot plot = chart.getXYPlot();
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    }

    /** One colour per sharing mode, the same as the Explorer's. */
    public static Paint colour(SharingMode mode) {
        return ChartStyle.colour(mode);
    }

    public static BasicStroke stroke(boolean current) {
        return current ? new BasicStroke(3f)
                : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{7f, 5f}, 0f);
    }
}
