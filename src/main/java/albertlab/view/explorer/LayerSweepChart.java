package albertlab.view.explorer;

import albertlab.core.config.SharingMode;
import albertlab.view.common.ChartStyle;
import albertlab.viewmodel.explorer.ExplorerResult;
import albertlab.viewmodel.explorer.ExplorerTopic;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.explorer.LayerSweep;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;

/**
 * L from 1 to 48 on a shared axis. Top panel: parameters, one line per sharing mode (millions). Bottom panel: the
 * forward FLOPs per token, one line, because they are the same for every mode. Shared lines stay flat while
 * compute climbs: sharing cuts parameters, not work. A marker and a dot show the current configuration.
 */
public final class LayerSweepChart implements ExplorerChart {

    private final I18n i18n;
    private final DefaultXYDataset params = new DefaultXYDataset();
    private final DefaultXYDataset here = new DefaultXYDataset();
    private final DefaultXYDataset flops = new DefaultXYDataset();
    private final NumberAxis layersAxis = new NumberAxis();
    private final NumberAxis paramsAxis = new NumberAxis();
    private final NumberAxis flopsAxis = new NumberAxis();
    private final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer dot = new XYLineAndShapeRenderer(false, true);
    private final XYLineAndShapeRenderer flopLine = new XYLineAndShapeRenderer(true, false);
    private final TextTitle paramsLabel = new TextTitle();
    private final TextTitle flopsLabel = new TextTitle();
    private final ValueMarker paramsMarker = new ValueMarker(12);
    private final ValueMarker flopsMarker = new ValueMarker(12);
    private final JFreeChart chart;
    private ExplorerResult last;

    public LayerSweepChart(I18n i18n, ChartStyle style) {
        this.i18n = i18n;
        XYPlot top = new XYPlot(params, null, paramsAxis, lines);
        top.setDataset(1, here);
        top.setRenderer(1, dot);
        top.addDomainMarker(paramsMarker, Layer.BACKGROUND);
        // each panel names its quantity inside, top left: rotated axis labels would not fit two short panels
        top.addAnnotation(new XYTitleAnnotation(0.01, 0.98, paramsLabel, RectangleAnchor.TOP_LEFT));
        XYPlot bottom = new XYPlot(flops, null, flopsAxis, flopLine);
        bottom.addDomainMarker(flopsMarker, Layer.BACKGROUND);
        bottom.addAnnotation(new XYTitleAnnotation(0.01, 0.98, flopsLabel, RectangleAnchor.TOP_LEFT));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(layersAxis);
        plot.add(top, 3);
        plot.add(bottom, 2);
        plot.setGap(14);
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
        ChartStyle.quietly(chart, () -> restyleQuietly(style));
    }

    private void restyleQuietly(ChartStyle style) {
        style.apply(chart);
        SharingMode[] modes = SharingMode.values();
        for (int i = 0; i < modes.length; i++) {
            lines.setSeriesPaint(i, style.paint(ChartStyle.colour(modes[i])));
            lines.setSeriesStroke(i, new BasicStroke(style.width(3.5f)));
        }
        flopLine.setSeriesPaint(0, style.highContrast() ? Color.LIGHT_GRAY : Color.DARK_GRAY);
        flopLine.setSeriesStroke(0, new BasicStroke(style.width(3f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[]{10f, 6f}, 0f));
        dot.setSeriesPaint(0, style.foreground());
        dot.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
        DecimalFormat number = new DecimalFormat("#,##0.#");
        lines.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0} · L = {1}: {2}M",
                new DecimalFormat("0"), number));
        flopLine.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("L = {1}: {2}M",
                new DecimalFormat("0"), number));
        paramsAxis.setNumberFormatOverride(number);
        flopsAxis.setNumberFormatOverride(number);
        for (ValueMarker m : new ValueMarker[]{paramsMarker, flopsMarker}) {
            m.setPaint(new Color(0x999999));
            m.setStroke(new BasicStroke(style.width(1.5f)));
        }
        paramsMarker.setLabelPaint(style.foreground());
        paramsMarker.setLabelFont(style.font(java.awt.Font.BOLD, 1.0));
        paramsMarker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        paramsMarker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        for (TextTitle t : new TextTitle[]{paramsLabel, flopsLabel}) {
            t.setFont(style.font(java.awt.Font.BOLD, 1.0));
            Color b = style.background();
            t.setBackgroundPaint(new Color(b.getRed(), b.getGreen(), b.getBlue(), 220));
            t.setPaint(style.foreground());
            t.setPadding(2, 6, 2, 6);
        }
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
            int layers = result.config().numHiddenLayers();
            here.addSeries(i18n.get("explorer.chart.layers.here"),
                    new double[][]{{layers}, {result.breakdown().total() / 1e6}});
            double[][] f = new double[2][n];
            for (int l = 1; l <= n; l++) {
                f[0][l - 1] = l;
                f[1][l - 1] = sweep.flopsPerToken(l) / 1e6;
            }
            flops.addSeries(i18n.get("explorer.chart.layers.flopsSeries"), f);
            paramsMarker.setValue(layers);
            flopsMarker.setValue(layers);
            paramsMarker.setLabel("L = " + layers);
        } finally {
            chart.setNotify(true);
        }
    }

    @Override
    public void relabel() {
        chart.setNotify(false);
        try {
            for (DefaultXYDataset d : new DefaultXYDataset[]{params, here, flops}) {
                while (d.getSeriesCount() > 0) d.removeSeries(d.getSeriesKey(0));
            }
            chart.setTitle(i18n.get("explorer.chart.layers.title"));
            layersAxis.setLabel(i18n.get("explorer.chart.axis.layers"));
            paramsLabel.setText(i18n.get("explorer.chart.axis.millions"));
            flopsLabel.setText(i18n.get("explorer.chart.axis.mflops"));
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
