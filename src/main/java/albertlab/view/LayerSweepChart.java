package albertlab.view;

import albertlab.core.config.SharingMode;
import albertlab.viewmodel.ExplorerResult;
import albertlab.viewmodel.ExplorerTopic;
import albertlab.viewmodel.I18n;
import albertlab.viewmodel.LayerSweep;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;

/**
 * Parameters as L grows from 1 to 48, one line per sharing mode (left axis, millions), and the forward FLOPs per
 * token (right axis, dashed), which are the same for every mode. Shared lines stay flat while compute climbs:
 * sharing cuts parameters, not work. A marker and a dot show where the current configuration sits.
 */
public final class LayerSweepChart implements ExplorerChart {

    private static final Paint[] MODE_COLOURS = {ChartStyle.VERMILLION, ChartStyle.BLUE, ChartStyle.ORANGE,
            ChartStyle.GREEN};

    private final I18n i18n;
    private final DefaultXYDataset params = new DefaultXYDataset();
    private final DefaultXYDataset flops = new DefaultXYDataset();
    private final DefaultXYDataset here = new DefaultXYDataset();
    private final NumberAxis layersAxis = new NumberAxis();
    private final NumberAxis paramsAxis = new NumberAxis();
    private final NumberAxis flopsAxis = new NumberAxis();
    private final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer flopLine = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer dot = new XYLineAndShapeRenderer(false, true);
    private final ValueMarker marker = new ValueMarker(12);
    private final JFreeChart chart;
    private ExplorerResult last;

    public LayerSweepChart(I18n i18n, ChartStyle style) {
        this.i18n = i18n;
        XYPlot plot = new XYPlot(params, layersAxis, paramsAxis, lines);
        plot.setDataset(1, flops);
        plot.setRangeAxis(1, flopsAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, flopLine);
        plot.setDataset(2, here);
        plot.setRenderer(2, dot);
        plot.addDomainMarker(marker, Layer.BACKGROUND);
        layersAxis.setRange(0.5, LayerSweep.MAX_LAYERS + 0.5);
        layersAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        paramsAxis.setAutoRangeIncludesZero(true);
        flopsAxis.setAutoRangeIncludesZero(true);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        restyle(style);
        relabel();
    }

    @Override
    public void restyle(ChartStyle style) {
        style.apply(chart);
        for (int i = 0; i < MODE_COLOURS.length; i++) {
            lines.setSeriesPaint(i, MODE_COLOURS[i]);
            lines.setSeriesStroke(i, new BasicStroke(3.5f));
        }
        flopLine.setSeriesPaint(0, Color.DARK_GRAY);
        flopLine.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{10f, 7f}, 0f));
        dot.setSeriesPaint(0, Color.BLACK);
        dot.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
        DecimalFormat millions = new DecimalFormat("#,##0.##");
        lines.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} · L = {1}: {2}M",
                new DecimalFormat("0"), millions));
        flopLine.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} · L = {1}: {2}",
                new DecimalFormat("0"), new DecimalFormat("#,##0.#")));
        paramsAxis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        marker.setPaint(new Color(0x999999));
        marker.setStroke(new BasicStroke(1.5f));
        marker.setLabelFont(style.font(java.awt.Font.BOLD, 1.0));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public void update(ExplorerResult result) {
        last = result;
        if (result == null) return;
        LayerSweep sweep = result.sweep();
        int n = LayerSweep.MAX_LAYERS;
        chart.setNotify(false);
        try {
            for (SharingMode m : SharingMode.values()) {
                double[][] xy = new double[2][n];
                for (int l = 1; l <= n; l++) {
                    xy[0][l - 1] = l;
                    xy[1][l - 1] = sweep.parameters(m, l) / 1e6;
                }
                params.addSeries(i18n.get("explorer.sharing." + m.cliName()), xy);
            }
            double[][] f = new double[2][n];
            for (int l = 1; l <= n; l++) {
                f[0][l - 1] = l;
                f[1][l - 1] = sweep.flopsPerToken(l) / 1e6;
            }
            flops.addSeries(i18n.get("explorer.chart.layers.flopsSeries"), f);
            int layers = result.config().numHiddenLayers();
            here.addSeries(i18n.get("explorer.chart.layers.here"),
                    new double[][]{{layers}, {result.breakdown().total() / 1e6}});
            marker.setValue(layers);
            marker.setLabel("L = " + layers);
        } finally {
            chart.setNotify(true);
        }
    }

    @Override
    public void relabel() {
        chart.setNotify(false);
        try {
            for (DefaultXYDataset d : new DefaultXYDataset[]{params, flops, here}) {
                while (d.getSeriesCount() > 0) d.removeSeries(d.getSeriesKey(0));
            }
            chart.setTitle(i18n.get("explorer.chart.layers.title"));
            layersAxis.setLabel(i18n.get("explorer.chart.axis.layers"));
            paramsAxis.setLabel(i18n.get("explorer.chart.axis.millions"));
            flopsAxis.setLabel(i18n.get("explorer.chart.axis.mflops"));
            update(last);
        } finally {
            chart.setNotify(true);
        }
    }

    @Override
    public String tabKey() {
        return "explorer.chart.layers.tab";
    }

    @Override
    public ExplorerTopic topic() {
        return ExplorerTopic.CHART_LAYERS;
    }

    @Override
    public String fileStem() {
        return "albert-parameters-vs-layers";
    }
}
