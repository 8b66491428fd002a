package albertlab.view.live;

import albertlab.view.common.LessonControls;
import albertlab.view.common.HeatmapView;
import albertlab.view.common.LabCharts;
import albertlab.view.common.ChartStyle;
import albertlab.view.common.LabStyles;
import albertlab.view.common.StaticChartViewer;
import albertlab.view.common.StyleProbe;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.CsvTables;
import albertlab.viewmodel.live.DynamicsCurve;
import albertlab.viewmodel.live.LiveModelViewModel;
import albertlab.viewmodel.live.LiveRequest;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * The paper's Figure 1 for the current sentence: L2 distance and angle between each layer's input and output,
 * for this model and (built-in models) the not-shared and all-shared ones; the layer × layer cosine similarity of
 * hidden states; and a control that keeps applying the last layer to see whether the state settles.
 */
final class DynamicsPane extends VBox {

    private final LiveModelViewModel vm;
    private final I18n i18n;
    private final XYSeriesCollection l2Data = new XYSeriesCollection();
    private final XYSeriesCollection angleData = new XYSeriesCollection();
    private ChartStyle style = ChartStyle.forUi(LabStyles.DEFAULT_SIZE);
    private final JFreeChart l2Chart = LabCharts.lineChart(l2Data, style);
    private final JFreeChart angleChart = LabCharts.lineChart(angleData, style);
    // no zoom, pan or English-only context menu, as on every other chart
    private final ChartViewer l2Viewer = StaticChartViewer.of(l2Chart);
    private final ChartViewer angleViewer = StaticChartViewer.of(angleChart);
    private final StyleProbe fontProbe = new StyleProbe();
    private final HeatmapView cosine = new HeatmapView(true);
    private final Label noOverlay = new Label();

    DynamicsPane(LiveModelViewModel vm, I18n i18n, ExportButtons exports) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("tab-body");

        Label explain = new Label();
        explain.textProperty().bind(i18n.bind("live.dynamics.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        explain.getStyleClass().add("explain");

        Label repeatLabel = new Label();
        repeatLabel.textProperty().bind(i18n.bind("live.dynamics.repeat"));
        Spinner<Integer> repeat = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                LiveRequest.MAX_REPEAT_FACTOR, 1));
        repeat.setId("repeat-factor");
        repeat.setPrefWidth(80);
        repeat.getValueFactory().valueProperty().addListener((o, a, v) -> vm.repeatFactorProperty().set(v));
        vm.repeatFactorProperty().addListener((o, a, v) -> repeat.getValueFactory().setValue(v.intValue()));
        Label repeatValue = new Label();
        repeatValue.textProperty().bind(i18n.bind(() -> {
            var m = vm.modelProperty().get();
            int k = vm.repeatFactorProperty().get();
            int l = m == null ? 0 : m.config().layerApplications();
            return i18n.get("live.dynamics.repeatValue", Integer.toString(k), Integer.toString(k * l));
        }, vm.repeatFactorProperty(), vm.modelProperty()));
        noOverlay.getStyleClass().add("note");
        noOverlay.textProperty().bind(i18n.bind("live.dynamics.noOverlay"));
        noOverlay.setWrapText(true);
        noOverlay.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        noOverlay.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.modelProperty().get() != null && !vm.modelProperty().get().siblingsComparable(),
                vm.modelProperty()));
        noOverlay.managedProperty().bind(noOverlay.visibleProperty());
        HBox controls = new HBox(8, repeatLabel, repeat, repeatValue, noOverlay);
        LessonControls.tagTogether(repeatLabel, repeat, repeatValue);
        controls.getStyleClass().add("controls");

        l2Viewer.setId("l2-chart");
        angleViewer.setId("angle-chart");
        l2Viewer.setPrefSize(520, 240);
        angleViewer.setPrefSize(520, 240);
        VBox.setVgrow(l2Viewer, Priority.ALWAYS);
        VBox.setVgrow(angleViewer, Priority.ALWAYS);
        HBox l2Title = titled("live.dynamics.l2", exports.forChart(() -> l2Chart, () -> size(l2Viewer), "l2-distance",
                this::csv));
        HBox angleTitle = titled("live.dynamics.angle", exports.forChart(() -> angleChart, () -> size(angleViewer),
                "angle", this::csv));
        VBox charts = new VBox(4, l2Title, l2Viewer, angleTitle, angleViewer);
        HBox.setHgrow(charts, Priority.ALWAYS);

        cosine.setId("cosine-heatmap");
        cosine.dataProperty().bind(vm.hiddenCosineProperty());
        cosine.rowAxisProperty().bind(i18n.bind("live.dynamics.cosine.axis"));
        cosine.colAxisProperty().bind(i18n.bind("live.dynamics.cosine.axis"));
        VBox.setVgrow(cosine, Priority.ALWAYS);
        Label cosineValue = new Label();
        cosineValue.getStyleClass().add("hover-readout");
        cosine.hoveredCellProperty().addListener((o, a, c) -> {
            var d = cosine.dataProperty().get();
            cosineValue.setText(c == null || d == null ? "" : "cos(h" + d.rowLabels().get(c.row()) + ", h"
                    + d.colLabels().get(c.col()) + ") = " + HeatmapView.format(d.value(c.row(), c.col()), 4));
        });
        VBox right = new VBox(4, titled("live.dynamics.cosine", exports.forHeatmap(cosine, "hidden-state-cosine",
                () -> vm.hiddenCosineProperty().get() == null ? null
                        : CsvTables.heatmap(vm.hiddenCosineProperty().get(), "state"))), cosine, cosineValue);
        right.setPrefWidth(440);
        right.setMinWidth(300);
        HBox body = new HBox(12, charts, right);
        VBox.setVgrow(body, Priority.ALWAYS);

        getChildren().addAll(explain, controls, body, fontProbe);
        followFontSize();
        vm.curvesProperty().addListener((o, a, c) -> update());
        i18n.localeProperty().addListener((o, a, b) -> update());
    }

    private HBox titled(String key, HBox exportBar) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind(key));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        exportBar.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(8, title, exportBar);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static double[] size(ChartViewer v) {
        return new double[]{v.getWidth(), v.getHeight()};
    }

    private List<List<String>> csv() {
        return CsvTables.dynamics(vm.curvesProperty().get());
    }

    private void update() {
        List<DynamicsCurve> curves = vm.curvesProperty().get();
        ChartStyle.quietly(l2Chart, () -> fill(l2Chart, l2Data, curves, (c, t) -> c.l2()[t], "live.dynamics.yL2"));
        ChartStyle.quietly(angleChart, () -> fill(angleChart, angleData, curves, (c, t) -> c.angleDegrees()[t],
                "live.dynamics.yAngle"));
    }

    private void fill(JFreeChart chart, XYSeriesCollection data, List<DynamicsCurve> curves,
                      ToDoubleBiFunction<DynamicsCurve, Integer> y, String yKey) {
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setLabel(i18n.get("live.dynamics.x"));
        plot.getRangeAxis().setLabel(i18n.get(yKey));
        data.removeAllSeries();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        plot.clearDomainMarkers();
        for (int i = 0; i < curves.size(); i++) {
            DynamicsCurve c = curves.get(i);
            String mode = i18n.get("live.sharing." + c.mode().name());
            XYSeries s = new XYSeries(c.current() ? i18n.get("live.dynamics.current", mode)
                    : i18n.get("live.dynamics.overlay", mode), false, true);
            for (int t = 0; t < c.points(); t++) s.add(t + 1, y.applyAsDouble(c, t));
            data.addSeries(s);
            renderer.setSeriesPaint(i, style.paint(ChartStyle.colour(c.mode())));
            renderer.setSeriesStroke(i, LabCharts.stroke(c.current(), style));
            renderer.setSeriesShapesVisible(i, c.current() && c.points() <= 48);
        }
        plot.setRenderer(renderer);
        if (!curves.isEmpty() && curves.get(0).points() > curves.get(0).layers()) {
            ValueMarker end = new ValueMarker(curves.get(0).layers() + 0.5);
            end.setPaint(style.highContrast() ? Color.LIGHT_GRAY : Color.GRAY);
            end.setLabelPaint(style.foreground());
            end.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[]{4f, 4f}, 0f));
            end.setLabel(i18n.get("live.dynamics.end"));
            end.setLabelFont(style.font(java.awt.Font.PLAIN, 0.9));
            end.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            end.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(end);
        }
    }

    /** Chart type follows the page's font size (Ctrl+= in the shell) and high contrast, as the Explorer's do. */
    private void followFontSize() {
        fontProbe.chartStyleProperty().addListener((obs, old, now) -> {
            if (now == null || now.equals(style)) return;
            style = now;
            // one repaint per chart, not one per change
            ChartStyle.quietly(l2Chart, () -> ChartStyle.quietly(angleChart, () -> {
                LabCharts.restyle(l2Chart, style);
                LabCharts.restyle(angleChart, style);
                update(); // the theme resets series colours and strokes
            }));
        });
    }

    /** The chart style in use now (tests: it follows Ctrl+=). */
    ChartStyle chartStyle() {
        return style;
    }

    XYSeriesCollection l2Dataset() {
        return l2Data;
    }

    XYSeriesCollection angleDataset() {
        return angleData;
    }

    HeatmapView cosineHeatmap() {
        return cosine;
    }
}
