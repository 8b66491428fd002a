package albertlab.view.training;

import albertlab.core.config.SharingMode;
import albertlab.view.common.ChartStyle;
import albertlab.view.common.LessonControls;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.common.IntInput;
import albertlab.viewmodel.common.Numbers;
import albertlab.viewmodel.training.CorpusChoice;
import albertlab.viewmodel.training.RaceSentence;
import albertlab.viewmodel.training.TrainingPreset;
import albertlab.viewmodel.training.TrainingViewModel;
import albertlab.viewmodel.training.TrainingViewModel.State;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.function.Supplier;

/** The left column: the text, the model, the sharing modes, the training settings, and the run's buttons. */
final class SetupPane extends VBox {

    private final TrainingViewModel vm;
    private final I18n i18n;
    private final Supplier<Window> owner;
    private final VBox runBar;

    SetupPane(TrainingViewModel vm, I18n i18n, Supplier<Window> owner) {
        this.vm = vm;
        this.i18n = i18n;
        this.owner = owner;
        getStyleClass().add("pane-body");
        BooleanBinding fixed = vm.runExistsProperty();

        // ---- data
        ComboBox<CorpusChoice> corpus = new ComboBox<>(vm.corpora());
        corpus.setId("training-corpus");
        corpus.valueProperty().bindBidirectional(vm.corpusProperty());
        corpus.setConverter(Texts.converter(c -> i18n.get(c.nameKey(), c.nameArg())));
        corpus.setMaxWidth(Double.MAX_VALUE);
        corpus.disableProperty().bind(fixed);
        i18n.localeProperty().addListener(x -> corpus.setConverter(Texts.converter(c -> i18n.get(c.nameKey(), c.nameArg()))));
        Button open = button("training.corpus.open", "training-open-text");
        open.disableProperty().bind(fixed);
        open.setOnAction(e -> openText());
        Label corpusInfo = new Label();
        corpusInfo.setId("training-corpus-info");
        corpusInfo.getStyleClass().add("hint");
        corpusInfo.setWrapText(true);
        corpusInfo.textProperty().bind(i18n.bind(() -> {
            var l = vm.loadedProperty().get();
            if (l == null) return "";
            return i18n.get("training.corpus.info", Numbers.grouped(l.train().documents().size()),
                    Numbers.grouped(l.train().tokens()), Numbers.grouped(l.heldOut() == null ? 0
                            : l.heldOut().documents().size()), l.choice().tokenizer().getFileName().toString(),
                    Numbers.grouped(l.tokenizer().vocabSize()));
        }, vm.loadedProperty()));

        // ---- model
        ComboBox<TrainingPreset> preset = new ComboBox<>();
        preset.getItems().setAll(TrainingPreset.values());
        preset.setId("training-preset");
        preset.valueProperty().bindBidirectional(vm.sizes().presetProperty());
        preset.setConverter(Texts.converter(p -> i18n.get(p.key())));
        i18n.localeProperty().addListener(x -> preset.setConverter(Texts.converter(p -> i18n.get(p.key()))));
        preset.setPromptText(i18n.get("training.preset.custom"));
        preset.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(TrainingPreset p, boolean empty) {
                super.updateItem(p, empty);
                setText(p == null ? i18n.get("training.preset.custom") : i18n.get(p.key()));
            }
        });
        preset.disableProperty().bind(fixed);
        preset.setMaxWidth(Double.MAX_VALUE);
        GridPane sliders = new GridPane();
        sliders.setHgap(8);
        sliders.setVgap(2);
        int row = 0;
        for (IntInput in : vm.sizes().inputs()) {
            Label name = new Label();
            name.textProperty().bind(i18n.bind("training.size." + in.symbol()));
            Slider s = new Slider(in.sliderMin(), in.sliderMax(), in.sliderProperty().get());
            s.setId("training-size-" + in.symbol());
            s.valueProperty().bindBidirectional(in.sliderProperty());
            s.setBlockIncrement(in.sliderStep());
            s.disableProperty().bind(fixed);
            GridPane.setHgrow(s, Priority.ALWAYS);
            Label value = new Label();
            value.setId("training-size-" + in.symbol() + "-value");
            value.getStyleClass().add("number");
            value.textProperty().bind(in.textProperty());
            value.setMinWidth(48);
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            sliders.addRow(row++, name, s, value);
            LessonControls.tagTogether(name, s, value);
        }
        Label problem = new Label();
        problem.setId("training-problem");
        problem.getStyleClass().add("status-error");
        problem.setWrapText(true);
        problem.textProperty().bind(i18n.bind(() -> vm.sizes().problemProperty().get() == null ? ""
                : vm.sizes().problemProperty().get().in(i18n), vm.sizes().problemProperty()));
        Label fixedHint = new Label();
        fixedHint.textProperty().bind(i18n.bind("training.fixedHint"));
        fixedHint.getStyleClass().add("hint");
        fixedHint.setWrapText(true);
        fixedHint.visibleProperty().bind(fixed);
        fixedHint.managedProperty().bind(fixed);

        // ---- sharing modes
        FlowPane modes = new FlowPane(10, 4);
        for (SharingMode m : RaceSentence.MOST_SHARED_FIRST) {
            CheckBox box = new CheckBox();
            box.setId("training-mode-" + m.cliName());
            box.textProperty().bind(i18n.bind(TrainingViewModel.modeKey(m)));
            box.selectedProperty().bindBidirectional(vm.modeProperty(m));
            box.disableProperty().bind(fixed);
            modeColour(box, m);
            modes.getChildren().add(box);
        }
        Label raceHint = new Label();
        raceHint.textProperty().bind(i18n.bind("training.modes.hint"));
        raceHint.getStyleClass().add("hint");
        raceHint.setWrapText(true);

        // ---- training settings
        ComboBox<Double> lr = new ComboBox<>();
        lr.getItems().setAll(TrainingViewModel.LEARNING_RATES);
        lr.setId("training-learning-rate");
        lr.valueProperty().bindBidirectional(vm.learningRateProperty());
        lr.setConverter(Texts.converter(Numbers::learningRate));
        lr.disableProperty().bind(fixed);
        ComboBox<Integer> seq = new ComboBox<>();
        seq.getItems().setAll(TrainingViewModel.SEQUENCE_LENGTHS);
        seq.setId("training-sequence-length");
        seq.valueProperty().bindBidirectional(vm.sequenceLengthProperty());
        seq.disableProperty().bind(fixed);
        Spinner<Integer> batch = spinner(vm.batchSize(), "training-batch-size");
        batch.disableProperty().bind(fixed);
        Spinner<Integer> threads = spinner(vm.threads(), "training-threads");
        threads.disableProperty().bind(fixed);
        Spinner<Integer> seed = spinner(vm.seed(), "training-seed");
        seed.disableProperty().bind(fixed);
        GridPane settings = new GridPane();
        settings.setHgap(8);
        settings.setVgap(4);
        settings.addRow(0, Texts.label(i18n, "training.learningRate"), lr);
        settings.addRow(1, Texts.label(i18n, "training.batchSize"), batch);
        settings.addRow(2, Texts.label(i18n, "training.sequenceLength"), seq);
        settings.addRow(3, Texts.label(i18n, "training.threads"), threads);
        settings.addRow(4, Texts.label(i18n, "training.seed"), seed);

        Label memory = new Label();
        memory.setId("training-memory");
        memory.setWrapText(true);
        memory.textProperty().bind(i18n.bind(() -> vm.memoryProperty().get() == null ? ""
                : vm.memoryProperty().get().in(i18n), vm.memoryProperty()));
        vm.memoryFitsProperty().addListener((o, a, fits) -> memory.getStyleClass().setAll("label",
                fits ? "hint" : "memory-bad"));
        memory.getStyleClass().add("hint");

        // ---- buttons
        Button start = button("training.start", "training-start");
        start.getStyleClass().add("start-button");
        start.textProperty().bind(i18n.bind(() -> i18n.get(vm.stateProperty().get() == State.PAUSED
                ? "training.resume" : "training.start"), vm.stateProperty()));
        start.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            State s = vm.stateProperty().get();
            boolean startable = s == State.READY || s == State.PAUSED || s == State.ENDED;
            return !startable || vm.sizes().configProperty().get() == null || vm.chosenModes().isEmpty()
                    || !vm.memoryFitsProperty().get();
        }, vm.stateProperty(), vm.sizes().configProperty(), vm.memoryFitsProperty(), vm.plannedRowsProperty()));
        start.setOnAction(e -> vm.start());
        Button pause = button("training.pause", "training-pause");
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(State.RUNNING));
        pause.setOnAction(e -> vm.pause());
        Button step = button("training.step", "training-step");
        step.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            State s = vm.stateProperty().get();
            return !(s == State.READY || s == State.PAUSED || s == State.ENDED) || vm.plannedRowsProperty().get()
                    .isEmpty();
        }, vm.stateProperty(), vm.plannedRowsProperty()));
        step.setOnAction(e -> vm.stepOnce());
        Button reset = button("training.reset", "training-reset");
        reset.disableProperty().bind(fixed.not());
        reset.setOnAction(e -> vm.reset());
        HBox runButtons = new HBox(6, start, pause, step, reset);
        runButtons.setAlignment(Pos.CENTER_LEFT);
        Button save = button("training.save", "training-save");
        save.disableProperty().bind(vm.updateProperty().isNull().or(vm.savingProperty()));
        save.setOnAction(e -> save());
        Button live = button("training.openInLive", "training-open-live");
        live.disableProperty().bind(vm.updateProperty().isNull());
        live.setOnAction(e -> vm.openInLive());
        HBox handOver = new HBox(6, save, live);
        Label watchedNote = new Label();
        watchedNote.getStyleClass().add("hint");
        watchedNote.setWrapText(true);
        watchedNote.textProperty().bind(i18n.bind(() -> i18n.get("training.handOver.which",
                i18n.get(TrainingViewModel.modeKey(vm.watchedProperty().get()))), vm.watchedProperty()));

        Label status = new Label();
        status.setId("training-status");
        status.setWrapText(true);
        status.textProperty().bind(i18n.bind(() -> vm.statusProperty().get() == null ? ""
                : vm.statusProperty().get().in(i18n), vm.statusProperty()));
        vm.statusIsErrorProperty().addListener((o, a, err) -> status.getStyleClass().setAll("label",
                err ? "status-error" : "status"));
        status.getStyleClass().add("status");

        // each section is a group presenter mode may hide when a lesson step uses none of its controls; the
        // preset and each size's row inside the model's section are groups of their own
        LessonControls.tag(preset);
        getChildren().addAll(
                section(Texts.heading(i18n, "training.section.data"), corpus, open, corpusInfo),
                section(Texts.heading(i18n, "training.section.model"), preset, sliders, problem, fixedHint),
                section(Texts.heading(i18n, "training.section.modes"), modes, raceHint),
                section(Texts.heading(i18n, "training.section.settings"), settings, memory));
        LessonControls.tag(runButtons);
        LessonControls.tag(handOver);
        FlowPane bar = new FlowPane(12, 6, runButtons, handOver);
        bar.setAlignment(Pos.CENTER_LEFT);
        runBar = new VBox(4, bar, watchedNote, status);
        runBar.getStyleClass().add("run-bar");
    }

    /** A heading and what it heads, spaced as the pane spaces its children. */
    private static VBox section(javafx.scene.Node... nodes) {
        VBox box = new VBox(8, nodes);
        box.getStyleClass().add("setup-section");
        return LessonControls.tag(box);
    }

    /** The run's buttons, the hand-over and the status line, which the page puts above the run. */
    VBox runBar() {
        return runBar;
    }

    private void openText() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("training.corpus.openTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.get("training.corpus.filter"), "*.txt", "*.txt.gz", "*.gz"),
                new FileChooser.ExtensionFilter(i18n.get("training.corpus.filterAll"), "*"));
        File f = chooser.showOpenDialog(owner.get());
        if (f != null) vm.openTextFile(f.toPath());
    }

    private void save() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.get("training.save.title"));
        File dir = chooser.showDialog(owner.get());
        if (dir == null) return;
        vm.saveModelInto(dir.toPath());
    }

    private Spinner<Integer> spinner(IntInput in, String id) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(in.min(), in.max(),
                in.get()));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(110);
        s.getValueFactory().valueProperty().addListener((o, a, v) -> {
            if (v != null) in.set(v);
        });
        in.valueProperty().addListener((o, a, v) -> s.getValueFactory().setValue(v.intValue()));
        return s;
    }



    private Button button(String key, String id) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.bind(key));
        String tip = key + ".tip";
        if (i18n.has(tip)) {
            Tooltip t = new Tooltip();
            t.textProperty().bind(i18n.bind(tip));
            b.setTooltip(t);
        }
        return b;
    }

    /**
     * A mode's name in bold, in its chart colour. An inline style, not setTextFill: a colour set from code is lost
     * when a stylesheet that set the same property goes away (high contrast off), a style is not; and a class, so
     * that high contrast can lighten it as it lightens the chart's lines.
     */
    static void modeColour(javafx.scene.control.Labeled l, SharingMode m) {
        java.awt.Color c = ChartStyle.colour(m);
        l.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-weight: bold; -fx-text-fill: #%02x%02x%02x;",
                c.getRed(), c.getGreen(), c.getBlue()));
        l.getStyleClass().add("mode-" + m.cliName());
    }
}
