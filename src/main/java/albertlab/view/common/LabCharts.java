package albertlab.view.common;

import albertlab.view.common.ChartStyle;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;

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
        ChartStyle.quietly(chart, () -> {
            style.apply(chart);
            XYPlot plot = chart.getXYPlot();
            NumberAxis x = (NumberAxis) plot.getDomainAxis();
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            x.setAutoRangeIncludesZero(false);
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        });
    }

    /** The current model's line solid, the others dashed; wider in a high-contrast style. */
    public static BasicStroke stroke(boolean current, ChartStyle style) {
        float k = style.width(1f);
        return current ? new BasicStroke(3f * k)
                : new BasicStroke(2f * k, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[]{7f * k, 5f * k}, 0f);
    }
}
