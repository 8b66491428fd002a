package albertlab.view.training;

import albertlab.view.common.ChartStyle;
import albertlab.view.common.LabCharts;
import albertlab.view.common.LabStyles;
import albertlab.view.common.StaticChartViewer;
import albertlab.view.common.StyleProbe;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.common.Numbers;
import albertlab.viewmodel.training.RaceRow;
import albertlab.viewmodel.training.RaceSentence;
import albertlab.viewmodel.training.TrainingRun;
import albertlab.viewmodel.training.TrainingViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The run in the middle of the page: steps, tokens, speed and time; the MLM and SOP loss curves of every mode, raw
 * and smoothed; held-out accuracy; and the race table with the sentence its numbers make.
 */
final class RunPane extends VBox {

    /** Points drawn per series at most; the curve keeps more, the chart averages them into this many. */
    static final int DRAWN_POINTS = 500;

    private final TrainingViewModel vm;
    private final I18n i18n;
    private final XYSeriesCollection mlm = new XYSeriesCollection();
    private final XYSeriesCollection sop = new XYSeriesCollection();
    private final XYSeriesCollection accuracy = new XYSeriesCollection();
    private ChartStyle style = ChartStyle.forUi(LabStyles.DEFAULT_SIZE);
    private final JFreeChart mlmChart = LabCharts.lineChart(mlm, style);
    private final JFreeChart sopChart = LabCharts.lineChart(sop, style);
    private final JFreeChart accuracyChart = LabCharts.lineChart(accuracy, style);
    private final GridPane race = new GridPane();
    private final Label sentence = new Label();
    private final Label steps = value("training-steps");
    private final Label tokens = value("training-tokens");
    private final Label speed = value("training-speed");
    private final Label elapsed = value("training-elapsed");
    private final Label heldOut = value("training-held-out");
    private final StyleProbe probe = new StyleProbe();

    RunPane(TrainingViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("pane-body");
        javafx.scene.layout.FlowPane readouts = new javafx.scene.layout.FlowPane(22, 6, readout("training.readout.steps", steps), readout("training.readout.tokens", tokens),
                readout("training.readout.speed", speed), readout("training.readout.elapsed", elapsed),
                readout("training.readout.heldOut", heldOut));
        readouts.setAlignment(Pos.CENTER_LEFT);
        for (JFreeChart c : List.of(mlmChart, sopChart)) {
            ((org.jfree.chart.axis.NumberAxis) c.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        }

        ChartViewer mlmViewer = StaticChartViewer.of(mlmChart);
        mlmViewer.setId("training-mlm-chart");
        mlmViewer.setPrefSize(560, 260);
        mlmViewer.setMinHeight(160);
        ChartViewer sopViewer = StaticChartViewer.of(sopChart);
        sopViewer.setId("training-sop-chart");
        sopViewer.setPrefSize(280, 170);
        ChartViewer accuracyViewer = StaticChartViewer.of(accuracyChart);
        accuracyViewer.setId("training-accuracy-chart");
        accuracyViewer.setPrefSize(280, 170);
        VBox.setVgrow(mlmViewer, Priority.ALWAYS);
        VBox sopBox = new VBox(2, Texts.heading(i18n, "training.chart.sop"), sopViewer);
        VBox accBox = new VBox(2, Texts.heading(i18n, "training.chart.accuracy"), accuracyViewer);
        HBox.setHgrow(sopBox, Priority.ALWAYS);
        HBox.setHgrow(accBox, Priority.ALWAYS);
        VBox.setVgrow(sopViewer, Priority.ALWAYS);
        VBox.setVgrow(accuracyViewer, Priority.ALWAYS);
        HBox small = new HBox(10, sopBox, accBox);
        small.setPrefHeight(190);

        race.setId("training-race");
        race.setHgap(12);
        race.setVgap(3);
        sentence.setId("training-race-sentence");
        sentence.getStyleClass().add("race-sentence");
        sentence.setWrapText(true);
        sentence.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label raceNote = new Label();
        raceNote.getStyleClass().add("hint");
        raceNote.setWrapText(true);
        raceNote.textProperty().bind(i18n.bind("training.race.note"));
        raceNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        getChildren().addAll(readouts, Texts.heading(i18n, "training.chart.mlm"), mlmViewer, small,
                Texts.heading(i18n, "training.race.title"), race, sentence, raceNote, probe);

        vm.updateProperty().addListener((o, a, u) -> redraw());
        vm.plannedRowsProperty().addListener((o, a, r) -> redraw());
        vm.sentenceProperty().addListener((o, a, s) -> redraw());
        i18n.localeProperty().addListener(x -> redraw());
        // charts follow Ctrl+= (the page's text size, not the large readouts') and high contrast
        probe.chartStyleProperty().addListener((o, a, next) -> {
            if (next != null && !next.equals(style)) {
                style = next;
                // one repaint per chart at the end, not one per change
                List<JFreeChart> charts = List.of(mlmChart, sopChart, accuracyChart);
                charts.forEach(c -> c.setNotify(false));
                try {
                    for (JFreeChart c : charts) LabCharts.restyle(c, style);
                    for (JFreeChart c : List.of(mlmChart, sopChart)) {
                        ((org.jfree.chart.axis.NumberAxis) c.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
                    }
                    redraw();
                } finally {
                    charts.forEach(c -> c.setNotify(true));
                }
            }
        });
        redraw();
    }

    private void redraw() {
        TrainingRun.Update u = vm.updateProperty().get();
        steps.setText(u == null ? "0" : Numbers.grouped(u.rounds()));
        tokens.setText(u == null ? "0" : Numbers.grouped(u.tokensSeen()));
        speed.setText(u == null || u.trainingSeconds() == 0 ? "–"
                : String.format(Locale.ROOT, "%,.0f", u.positionsPerSecond()));
        elapsed.setText(u == null ? "0:00" : Numbers.clock(u.trainingSeconds()));
        heldOut.setText(heldOutText(u));
        drawCurves(u);
        drawRace(u);
        RaceSentence s = vm.sentenceProperty().get();
        sentence.setText(s == null ? "" : s.in(i18n));
    }

    private String heldOutText(TrainingRun.Update u) {
        if (u == null) return "–";
        StringBuilder b = new StringBuilder();
        for (TrainingRun.LaneUpdate l : u.lanes()) {
            if (l.heldOut().isEmpty()) continue;
            if (!b.isEmpty()) b.append("  ");
            TrainingRun.Accuracy a = l.heldOut().get(l.heldOut().size() - 1);
            b.append(String.format(Locale.ROOT, "%.1f%%", 100 * a.mlmAccuracy()));
        }
        return b.isEmpty() ? "–" : b.toString();
    }

    private void drawCurves(TrainingRun.Update u) {
        // one repaint per chart per update, not one per series change
        ChartStyle.quietly(mlmChart, () -> ChartStyle.quietly(sopChart, () -> ChartStyle.quietly(accuracyChart,
                () -> fillCurves(u))));
    }

    private void fillCurves(TrainingRun.Update u) {
        mlm.removeAllSeries();
        sop.removeAllSeries();
        accuracy.removeAllSeries();
        if (u == null) return;
        int i = 0;
        for (TrainingRun.LaneUpdate l : u.lanes()) {
            String name = i18n.get(TrainingViewModel.modeKey(l.mode()));
            var points = l.curve();
            int stride = Math.max(1, (points.size() + DRAWN_POINTS - 1) / DRAWN_POINTS);
            XYSeries mRaw = new XYSeries(name + " · " + i18n.get("training.chart.raw"), false, true);
            XYSeries mSmooth = new XYSeries(name, false, true);
            XYSeries sRaw = new XYSeries(name + " · " + i18n.get("training.chart.raw"), false, true);
            XYSeries sSmooth = new XYSeries(name, false, true);
            for (int p = 0; p < points.size(); p += stride) {
                int end = Math.min(points.size(), p + stride);
                double m = 0;
                double s = 0;
                for (int q = p; q < end; q++) {
                    m += points.get(q).mlm();
                    s += points.get(q).sop();
                }
                var last = points.get(end - 1);
                mRaw.add(last.step(), m / (end - p), false);
                sRaw.add(last.step(), s / (end - p), false);
                mSmooth.add(last.step(), last.mlmSmoothed(), false);
                sSmooth.add(last.step(), last.sopSmoothed(), false);
            }
            mlm.addSeries(mRaw);
            mlm.addSeries(mSmooth);
            sop.addSeries(sRaw);
            sop.addSeries(sSmooth);
            XYSeries acc = new XYSeries(name, false, true);
            for (TrainingRun.Accuracy a : l.heldOut()) acc.add(a.step(), 100 * a.mlmAccuracy(), false);
            accuracy.addSeries(acc);
            Color c = style.paint(ChartStyle.colour(l.mode()));
            Color faint = new Color(c.getRed(), c.getGreen(), c.getBlue(), style.highContrast() ? 110 : 70);
            style(mlmChart, 2 * i, faint, 1f, false);
            style(mlmChart, 2 * i + 1, c, style.width(2.6f), false);
            style(sopChart, 2 * i, faint, 1f, false);
            style(sopChart, 2 * i + 1, c, style.width(2.2f), false);
            style(accuracyChart, i, c, style.width(2.2f), true);
            i++;
        }
        // the raw curves would double every legend entry
        mlmChart.getLegend().setVisible(u.lanes().size() > 1);
        sopChart.getLegend().setVisible(false);
        accuracyChart.getLegend().setVisible(false);
    }

    private static void style(JFreeChart chart, int series, Color colour, float width, boolean shapes) {
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setSeriesPaint(series, colour);
        r.setSeriesStroke(series, new BasicStroke(width));
        r.setSeriesShapesVisible(series, shapes);
        r.setSeriesVisibleInLegend(series, width > 1.5f);
    }

    private void drawRace(TrainingRun.Update u) {
        race.getChildren().clear();
        List<RaceRow> rows = u == null ? vm.plannedRowsProperty().get() : u.rows();
        String[] headers = {"training.race.mode", "training.race.parameters", "training.race.flops",
                "training.race.ms", "training.race.loss", "training.race.steps"};
        for (int c = 0; c < headers.length; c++) {
            Label h = new Label(i18n.get(headers[c]));
            h.getStyleClass().add("race-header");
            h.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            race.add(h, c, 0);
        }
        int r = 1;
        for (RaceRow row : rows) {
            Label mode = new Label(i18n.get(TrainingViewModel.modeKey(row.mode())));
            SetupPane.modeColour(mode, row.mode());
            mode.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            race.add(mode, 0, r);
            race.add(cell(Numbers.grouped(row.parameters()), "race-params-" + row.mode().cliName()), 1, r);
            race.add(cell(Numbers.flops(row.flopsPerStep()), "race-flops-" + row.mode().cliName()), 2, r);
            race.add(cell(Double.isNaN(row.msPerStep()) ? "–" : String.format(Locale.ROOT, "%.1f", row.msPerStep()),
                    "race-ms-" + row.mode().cliName()), 3, r);
            race.add(cell(Double.isNaN(row.mlmLoss()) ? "–" : String.format(Locale.ROOT, "%.3f", row.mlmLoss()),
                    "race-loss-" + row.mode().cliName()), 4, r);
            race.add(cell(Numbers.grouped(row.steps()), "race-steps-" + row.mode().cliName()), 5, r);
            r++;
        }
    }

    private static Label cell(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add("number");
        return l;
    }


    private VBox readout(String key, Label value) {
        Label name = new Label();
        name.textProperty().bind(i18n.bind(key));
        name.getStyleClass().add("readout-name");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new VBox(0, value, name);
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("readout-value");
        return l;
    }
}
