package albertlab.view.explorer;

import albertlab.view.common.ChartStyle;
import albertlab.viewmodel.explorer.ExplorerResult;
import albertlab.viewmodel.explorer.ExplorerTopic;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.explorer.ModeCost;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Paint;
import java.text.DecimalFormat;

/**
 * Parameters and FLOPs side by side for the BERT twin and this configuration under every sharing mode: two bar
 * panels that share the row labels. The left bars differ a lot, the right ones hardly at all: sharing cuts
 * parameters, not compute. The current mode's bars are drawn in full colour, the others paler.
 */
public final class ComputeChart implements ExplorerChart {

    private final I18n i18n;
    private final DefaultCategoryDataset params = new DefaultCategoryDataset();
    private final DefaultCategoryDataset flops = new DefaultCategoryDataset();
    private final CategoryAxis rows = new CategoryAxis();
    private final NumberAxis paramsAxis = new NumberAxis();
    private final NumberAxis flopsAxis = new NumberAxis();
    private final HighlightRenderer paramsBars = new HighlightRenderer(ChartStyle.BLUE);
    private final HighlightRenderer flopsBars = new HighlightRenderer(ChartStyle.ORANGE);
    private final JFreeChart chart;
    private ExplorerResult last;

    public ComputeChart(I18n i18n, ChartStyle style) {
        this.i18n = i18n;
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(rows);
        for (CategoryPlot p : new CategoryPlot[]{new CategoryPlot(params, null, paramsAxis, paramsBars),
                new CategoryPlot(flops, null, flopsAxis, flopsBars)}) {
            // value axes below the bars: above them they would collide with the chart title
            p.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
            plot.add(p, 1);
        }
        plot.setOrientation(PlotOrientation.HORIZONTAL); // panels side by side, row labels on the left
        plot.setGap(24);
        paramsAxis.setAutoRangeIncludesZero(true);
        flopsAxis.setAutoRangeIncludesZero(true);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        restyle(style);
        relabel();
    }

    @Override
    public void restyle(ChartStyle style) {
        ChartStyle.quietly(chart, () -> restyleQuietly(style));
    }

    private void restyleQuietly(ChartStyle style) {
        style.apply(chart);
        // side-by-side panels start a little above their area: keep them clear of the title
        chart.getPlot().setInsets(new RectangleInsets(style.fontSize(), 4, 4, 8));
        DecimalFormat f = new DecimalFormat("#,##0.#");
        paramsAxis.setNumberFormatOverride(f);
        flopsAxis.setNumberFormatOverride(f);
        paramsBars.setColour(style.paint(ChartStyle.BLUE), style.highContrast());
        flopsBars.setColour(style.paint(ChartStyle.ORANGE), style.highContrast());
        for (HighlightRenderer r : new HighlightRenderer[]{paramsBars, flopsBars}) {
            r.setDrawBarOutline(false);
            r.setShadowVisible(false);
            r.setMaximumBarWidth(0.7);
            r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
            r.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}: {2}",
                    new DecimalFormat("#,##0.##")));
        }
        rows.setMaximumCategoryLabelLines(2);
        rows.setCategoryMargin(0.25);
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
            int column = 0;
            for (ModeCost m : result.modes()) {
                String row = i18n.get(m.isBertTwin() ? "explorer.chart.twin" : "explorer.sharing." + m.id());
                params.setValue(m.parameters() / 1e6, "p", row);
                flops.setValue(m.flopsPerToken() / 1e6, "f", row);
                boolean current = !m.isBertTwin() && m.mode() == result.config().sharingMode();
                if (current) {
                    paramsBars.highlight = column;
                    flopsBars.highlight = column;
                }
                column++;
            }
        } finally {
            chart.setNotify(true);
        }
    }

    @Override
    public void relabel() {
        chart.setNotify(false);
        try {
            params.clear();
            flops.clear();
            chart.setTitle(i18n.get("explorer.chart.compute.title"));
            paramsAxis.setLabel(i18n.get("explorer.chart.axis.millions"));
            flopsAxis.setLabel(i18n.get("explorer.chart.axis.mflops"));
            update(last);
        } finally {
            chart.setNotify(true);
        }
    }

    @Override
    public String tabKey() {
        return "explorer.chart.compute.tab";
    }

    @Override
    public ExplorerTopic topic() {
        return ExplorerTopic.CHART_COMPUTE;
    }

    @Override
    public String fileStem() {
        return "albert-parameters-vs-compute";
    }

    /** One colour per panel; the current configuration's bar at full strength, the others paler. */
    private static final class HighlightRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private Color colour;
        private Color pale;
        int highlight = -1;

        HighlightRenderer(Color colour) {
            setColour(colour, false);
        }

        /** On black, a translucent bar would sink into the background: there the others are half-strength. */
        void setColour(Color c, boolean onBlack) {
            this.colour = c;
            this.pale = onBlack ? new Color(c.getRed() / 2, c.getGreen() / 2, c.getBlue() / 2)
                    : new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return column == highlight ? colour : pale;
        }
    }
}
