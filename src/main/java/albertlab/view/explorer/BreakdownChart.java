package albertlab.view.explorer;

import albertlab.view.common.ChartStyle;
import albertlab.viewmodel.explorer.ExplorerResult;
import albertlab.viewmodel.explorer.ExplorerTopic;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.common.Numbers;
import albertlab.viewmodel.explorer.StackedParts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;

/**
 * Where the parameters live, stacked: embeddings, projection, attention, FFN, LayerNorm, pooler, for the BERT
 * twin and for this ALBERT, in millions. The difference in bar length is what factorization and sharing save.
 */
public final class BreakdownChart implements ExplorerChart {

    private static final Color[] PART_COLOURS = {ChartStyle.BLUE, ChartStyle.SKY, ChartStyle.ORANGE,
            ChartStyle.GREEN, ChartStyle.GREY, ChartStyle.PURPLE};

    private final I18n i18n;
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private ExplorerResult last;

    public BreakdownChart(I18n i18n, ChartStyle style) {
        this.i18n = i18n;
        chart = ChartFactory.createStackedBarChart(null, null, null, data, PlotOrientation.HORIZONTAL,
                true, true, false);
        restyle(style);
        relabel();
    }

    @Override
    public void restyle(ChartStyle style) {
        ChartStyle.quietly(chart, () -> restyleQuietly(style));
    }

    private void restyleQuietly(ChartStyle style) {
        style.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT); // below the bars, clear of the title
        BarRenderer r = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < PART_COLOURS.length; i++) r.setSeriesPaint(i, style.paint(PART_COLOURS[i]));
        r.setMaximumBarWidth(0.32);
        r.setDrawBarOutline(false);
        r.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1} · {0}: {2}M",
                new DecimalFormat("#,##0.00")));
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.3f);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
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
        chart.setNotify(false);
        try {
            // the totals are part of the category names, so the names change with every update
            data.clear();
            fill(i18n.get("explorer.chart.twin") + ": " + Numbers.millions(result.bertTwin().total()),
                    result.twinParts());
            fill(i18n.get("explorer.chart.this") + ": " + Numbers.millions(result.breakdown().total()),
                    result.parts());
        } finally {
            chart.setNotify(true);
        }
    }

    private void fill(String category, StackedParts parts) {
        List<Long> values = parts.values();
        for (int i = 0; i < values.size(); i++) {
            data.setValue(values.get(i) / 1e6, i18n.get("explorer.part." + StackedParts.IDS.get(i)), category);
        }
    }

    @Override
    public void relabel() {
        chart.setNotify(false);
        try {
            data.clear();
            chart.setTitle(i18n.get("explorer.chart.breakdown.title"));
            chart.getCategoryPlot().getRangeAxis().setLabel(i18n.get("explorer.chart.axis.millions"));
            update(last);
        } finally {
            chart.setNotify(true);
        }
    }

    @Override
    public String tabKey() {
        return "explorer.chart.breakdown.tab";
    }

    @Override
    public ExplorerTopic topic() {
        return ExplorerTopic.CHART_BREAKDOWN;
    }

    @Override
    public String fileStem() {
        return "albert-parameters-by-part";
    }
}
