package albertlab.view.training;

import albertlab.core.config.SharingMode;
import albertlab.core.model.TokenGuess;
import albertlab.view.common.HeatmapView;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.common.Numbers;
import albertlab.viewmodel.training.ProbeSnapshot;
import albertlab.viewmodel.training.ProbeView;
import albertlab.viewmodel.training.TrainingRun;
import albertlab.viewmodel.training.TrainingViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * Watch it learn: a probe sentence, one head's attention on it and one masked word's guesses, as they were at any
 * snapshot of the run (the timeline) or as they are now.
 */
final class ProbePane extends VBox {

    private final TrainingViewModel vm;
    private final I18n i18n;
    private final ComboBox<SharingMode> watched = new ComboBox<>();
    private final ComboBox<Integer> word = new ComboBox<>();
    private final Spinner<Integer> application = new Spinner<>(1, 1, 1);
    private final Spinner<Integer> head = new Spinner<>(1, 1, 1);
    private final Slider timeline = new Slider(0, 0, 0);
    private final CheckBox follow = new CheckBox();
    private final Label timelineStep = new Label();
    private final VBox guesses = new VBox(3);
    private final HeatmapView heatmap = new HeatmapView(true);
    private boolean syncing;

    ProbePane(TrainingViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("pane-body");

        Label explain = new Label();
        explain.textProperty().bind(i18n.bind("training.probe.explain"));
        explain.setWrapText(true);
        explain.getStyleClass().add("hint");
        explain.setMinHeight(Region.USE_PREF_SIZE);
        TextField probe = new TextField();
        probe.setId("training-probe");
        probe.setText(vm.probeProperty().get());
        // the probe is re-run when the student presses Enter or leaves the field, not on every key
        probe.setOnAction(e -> vm.probeProperty().set(probe.getText()));
        probe.focusedProperty().addListener((o, a, f) -> {
            if (!f) vm.probeProperty().set(probe.getText());
        });
        vm.probeProperty().addListener((o, a, p) -> probe.setText(p));

        watched.setId("training-watched");
        watched.setConverter(Texts.converter(m -> i18n.get(TrainingViewModel.modeKey(m))));
        i18n.localeProperty().addListener(x -> watched.setConverter(Texts.converter(
                m -> i18n.get(TrainingViewModel.modeKey(m)))));
        watched.valueProperty().addListener((o, a, m) -> {
            if (m != null && !syncing) vm.watchedProperty().set(m);
        });
        application.setId("training-application");
        head.setId("training-head");
        application.setPrefWidth(80);
        head.setPrefWidth(80);
        application.valueProperty().addListener((o, a, v) -> {
            if (v != null && !syncing) vm.applicationProperty().set(v - 1);
        });
        head.valueProperty().addListener((o, a, v) -> {
            if (v != null && !syncing) vm.headProperty().set(v - 1);
        });
        GridPane choose = new GridPane();
        choose.setHgap(8);
        choose.setVgap(4);
        choose.addRow(0, Texts.label(i18n, "training.probe.mode"), watched);
        choose.addRow(1, Texts.label(i18n, "training.probe.application"), application);
        choose.addRow(2, Texts.label(i18n, "training.probe.head"), head);

        heatmap.setId("training-heatmap");
        heatmap.dataProperty().bind(vm.heatmapProperty());
        heatmap.rowAxisProperty().bind(i18n.bind("training.probe.query"));
        heatmap.colAxisProperty().bind(i18n.bind("training.probe.key"));
        heatmap.setPrefSize(340, 300);
        heatmap.setMinHeight(220);
        Label empty = new Label();
        empty.textProperty().bind(i18n.bind("training.probe.empty"));
        empty.getStyleClass().add("hint");
        empty.setWrapText(true);
        empty.visibleProperty().bind(vm.heatmapProperty().isNull());
        StackPane map = new StackPane(heatmap, empty);

        word.setId("training-masked-word");
        word.valueProperty().addListener((o, a, v) -> {
            if (v != null && !syncing) vm.maskedPositionProperty().set(v);
        });
        HBox wordRow = new HBox(8, Texts.label(i18n, "training.probe.word"), word);
        wordRow.setAlignment(Pos.CENTER_LEFT);
        guesses.setId("training-guesses");

        timeline.setId("training-timeline");
        timeline.setMajorTickUnit(1);
        timeline.setMinorTickCount(0);
        timeline.setSnapToTicks(true);
        timeline.valueProperty().addListener((o, a, v) -> {
            if (syncing) return;
            follow.setSelected(false);
            vm.timelineIndexProperty().set((int) Math.round(v.doubleValue()));
        });
        follow.setId("training-follow");
        follow.textProperty().bind(i18n.bind("training.probe.follow"));
        follow.setSelected(true);
        follow.selectedProperty().addListener((o, a, f) -> {
            if (f && !syncing) vm.timelineIndexProperty().set(-1);
        });
        timelineStep.setId("training-timeline-step");
        HBox.setHgrow(timeline, Priority.ALWAYS);
        HBox timelineRow = new HBox(8, timeline, follow);
        timelineRow.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(Texts.heading(i18n, "training.probe.title"), explain, probe, choose, map,
                Texts.heading(i18n, "training.probe.guesses"), wordRow, guesses,
                Texts.heading(i18n, "training.probe.timeline"), timelineRow, timelineStep);

        vm.updateProperty().addListener((o, a, u) -> refresh());
        vm.shownSnapshotProperty().addListener((o, a, s) -> refresh());
        vm.timelineIndexProperty().addListener((o, a, i) -> refresh());
        vm.guessesProperty().addListener((o, a, g) -> drawGuesses(g));
        i18n.localeProperty().addListener(x -> refresh());
        refresh();
    }

    /** Keeps the choosers in step with the run (its modes, applications, heads, words and snapshots). */
    private void refresh() {
        syncing = true;
        try {
            TrainingRun.Update u = vm.updateProperty().get();
            List<SharingMode> modes = u == null ? vm.chosenModes() : u.lanes().stream()
                    .map(TrainingRun.LaneUpdate::mode).toList();
            if (!watched.getItems().equals(modes)) watched.getItems().setAll(modes);
            watched.setValue(vm.watchedProperty().get());
            ProbeSnapshot s = vm.shownSnapshotProperty().get();
            ProbeView view = s == null ? null : s.lanes().stream().filter(v -> v.mode() == vm.watchedProperty().get())
                    .findFirst().orElse(s.lanes().get(0));
            int apps = view == null ? 1 : Math.max(1, view.applications());
            int heads = view == null ? 1 : Math.max(1, view.heads());
            setRange(application, apps, vm.applicationProperty().get() + 1);
            setRange(head, heads, vm.headProperty().get() + 1);
            if (view != null) {
                List<Integer> words = new java.util.ArrayList<>();
                for (int t = 1; t < view.tokens().size() - 1; t++) words.add(t);
                if (!word.getItems().equals(words)) {
                    List<String> tokens = view.tokens();
                    word.setConverter(Texts.converter(t -> t + ": " + tokens.get(t)));
                    word.getItems().setAll(words);
                }
                int m = vm.maskedPositionProperty().get();
                word.setValue(words.contains(m) ? m : words.isEmpty() ? null : words.get(0));
                if (!words.isEmpty() && !words.contains(m)) vm.maskedPositionProperty().set(words.get(0));
            }
            int n = u == null ? 0 : u.probes().size();
            timeline.setMax(Math.max(0, n - 1));
            timeline.setDisable(n < 2);
            int i = vm.timelineIndexProperty().get();
            timeline.setValue(i < 0 ? Math.max(0, n - 1) : i);
            follow.setSelected(i < 0);
            timelineStep.setText(s == null ? "" : i18n.get("training.probe.atStep", Numbers.grouped(s.step()),
                    Integer.toString((i < 0 ? n - 1 : i) + 1), Integer.toString(n)));
        } finally {
            syncing = false;
        }
        drawGuesses(vm.guessesProperty().get());
    }

    /** 12.3%, or two significant digits below 0.1% (an untrained model spreads 1/30,000 over every piece). */
    static String percent(double p) {
        double pc = 100 * p;
        return pc >= 0.1 ? String.format(Locale.ROOT, "%.1f%%", pc)
                : new java.math.BigDecimal(pc).round(new java.math.MathContext(2)).toPlainString() + "%";
    }

    private static void setRange(Spinner<Integer> s, int max, int value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = (SpinnerValueFactory.IntegerSpinnerValueFactory)
                s.getValueFactory();
        if (f.getMax() != max) f.setMax(max);
        f.setValue(Math.max(1, Math.min(max, value)));
    }

    private void drawGuesses(List<TokenGuess> g) {
        guesses.getChildren().clear();
        if (g == null) return;
        for (int k = 0; k < g.size(); k++) {
            TokenGuess x = g.get(k);
            Region bar = new Region();
            bar.getStyleClass().add("guess-bar");
            bar.setMinHeight(12);
            bar.setPrefWidth(Math.max(2, 160 * x.probability()));
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            Label text = new Label(x.token() + "  " + percent(x.probability()));
            text.setId("training-guess-" + k);
            text.setMinWidth(130);
            HBox row = new HBox(8, text, bar);
            row.setAlignment(Pos.CENTER_LEFT);
            guesses.getChildren().add(row);
        }
    }



    HeatmapView heatmap() {
        return heatmap;
    }
}
