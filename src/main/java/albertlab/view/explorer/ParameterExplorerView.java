package albertlab.view.explorer;

import albertlab.view.common.ChartStyle;
import albertlab.view.common.ExportActions;
import albertlab.view.common.Exports;
import albertlab.view.common.LabStyles;
import albertlab.view.common.LessonControls;
import albertlab.view.common.StyleProbe;
import albertlab.view.common.StaticChartViewer;
import albertlab.core.config.Preset;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.viewmodel.explorer.ExplorerTopic;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.common.IntInput;
import albertlab.viewmodel.explorer.ParameterExplorerViewModel;
import albertlab.core.session.ExplorerState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Parameter Explorer: sizes on the left, live readouts and charts on the right, explanations in a side panel.
 * Only binds to {@link ParameterExplorerViewModel} and draws; every number comes from the view model.
 */
public final class ParameterExplorerView extends BorderPane {

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final ParameterExplorerViewModel vm;
    private final I18n i18n;
    private final List<ExplorerChart> charts;
    private final TabPane chartTabs = new TabPane();
    private final ExportActions exports;
    private final StyleProbe fontProbe = new StyleProbe();
    /** The page's text size in pixels, as CSS resolved it (the shell's Ctrl+plus/minus changes it). */
    private final DoubleProperty fontSize = new SimpleDoubleProperty(LabStyles.DEFAULT_SIZE);
    private ChartStyle style;
    private boolean syncingPreset;
    /** Charts whose datasets are behind the view model's result. */
    private final Set<ExplorerChart> chartsBehind = new HashSet<>();

    public ParameterExplorerView(ParameterExplorerViewModel vm, ChartStyle style, Supplier<Window> owner) {
        this.vm = vm;
        this.i18n = vm.i18n();
        this.style = style;
        this.exports = new ExportActions(i18n, owner);
        setId("explorer");
        getStyleClass().add("explorer");
        charts = List.of(new BreakdownChart(i18n, style), new LayerSweepChart(i18n, style),
                new ComputeChart(i18n, style));

        ScrollPane left = new ScrollPane(controls());
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().add("controls-scroll");
        left.setMinWidth(300);
        setLeft(left);
        // the explanation floats over the right side instead of squeezing readouts and charts
        ExplanationPanel explanation = new ExplanationPanel(vm.topicProperty(), i18n);
        StackPane.setAlignment(explanation, Pos.TOP_RIGHT);
        explanation.setMaxWidth(Region.USE_PREF_SIZE);
        setCenter(new StackPane(outputs(), explanation));

        // only the chart on screen follows every change; a hidden one catches up when its tab is chosen, so a
        // slider drag repaints one chart per step instead of three
        vm.resultProperty().addListener((obs, old, r) -> {
            chartsBehind.addAll(charts);
            refreshShownChart();
        });
        i18n.localeProperty().addListener(x -> charts.forEach(ExplorerChart::relabel));
        chartTabs.getSelectionModel().selectedIndexProperty().addListener(x -> refreshShownChart());
        // the chart shown is part of a lesson step or a session: the view model names it, the tabs follow
        chartTabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) vm.chartProperty().set(ExplorerState.CHARTS.get(i.intValue()));
        });
        vm.chartProperty().addListener((o, a, c) -> chartTabs.getSelectionModel().select(
                Math.max(0, ExplorerState.CHARTS.indexOf(c))));
        chartTabs.getSelectionModel().select(Math.max(0, ExplorerState.CHARTS.indexOf(vm.chartProperty().get())));
        charts.forEach(c -> c.update(vm.result()));
        followFontSize();
    }

    public ParameterExplorerViewModel viewModel() {
        return vm;
    }

    // --- left: the controls ---

    private Node controls() {
        VBox box = new VBox(10);
        box.setId("controls");
        box.getStyleClass().add("controls");

        // each section (and each size's row) is a group that presenter mode hides when a lesson step uses none
        // of its controls
        Node presetHeading = heading("explorer.section.preset", ExplorerTopic.PRESET);
        Node preset = presetBox();
        LessonControls.tagTogether(presetHeading, preset);
        box.getChildren().addAll(presetHeading, preset);

        Node sizesHeading = heading("explorer.section.sizes", null);
        box.getChildren().add(sizesHeading);
        GridPane grid = inputGrid();
        InputRow[] rows = {
                inputRow(vm.vocab(), ExplorerTopic.VOCAB),
                inputRow(vm.embedding(), ExplorerTopic.EMBEDDING),
                inputRow(vm.hidden(), ExplorerTopic.HIDDEN),
                inputRow(vm.layers(), ExplorerTopic.LAYERS),
                inputRow(vm.heads(), ExplorerTopic.HEADS),
                inputRow(vm.intermediate(), ExplorerTopic.INTERMEDIATE)};
        for (int i = 0; i < rows.length; i++) {
            rows[i].addTo(grid, i);
            rows[i].tagAsLessonControl();
        }
        rows[5].setDisable(vm.ffnLockedTo4HProperty());
        CheckBox lock = new CheckBox();
        lock.setId("lockFfn");
        lock.textProperty().bind(i18n.bind("explorer.input.lockFfn"));
        lock.selectedProperty().bindBidirectional(vm.ffnLockedTo4HProperty());
        lock.setWrapText(true);
        grid.add(lock, 0, rows.length, 4, 1);
        LessonControls.tag(lock);
        box.getChildren().add(grid);
        LessonControls.tagTogether(sizesHeading, grid);

        Node sharingHeading = heading("explorer.section.sharing", ExplorerTopic.SHARING);
        Node sharing = sharingButtons();
        LessonControls.tagTogether(sharingHeading, sharing);
        box.getChildren().addAll(sharingHeading, sharing);

        GridPane advanced = inputGrid();
        InputRow groups = inputRow(vm.groups(), ExplorerTopic.GROUPS);
        groups.addTo(advanced, 0);
        groups.setDisable(vm.groupsMatterBinding().not());
        Label groupsHint = new Label();
        groupsHint.textProperty().bind(i18n.bind("explorer.input.G.hint"));
        groupsHint.getStyleClass().add("hint");
        groupsHint.setWrapText(true);
        advanced.add(groupsHint, 0, 1, 4, 1);
        TitledPane adv = new TitledPane(null, advanced);
        adv.setId("advanced");
        adv.textProperty().bind(i18n.bind("explorer.section.advanced"));
        adv.setExpanded(vm.groups().get() != 1);
        // groups set from elsewhere (a lesson step, a session) are shown, not hidden in a closed pane
        vm.groups().valueProperty().addListener((o, was, g) -> {
            if (g != null && g.intValue() != 1) adv.setExpanded(true);
        });
        box.getChildren().add(LessonControls.tag(adv));

        Node projectionHeading = heading("explorer.section.projection", ExplorerTopic.PROJECTION);
        Node projection = projectionButtons();
        LessonControls.tagTogether(projectionHeading, projection);
        box.getChildren().addAll(projectionHeading, projection);
        return box;
    }

    private InputRow inputRow(IntInput input, ExplorerTopic topic) {
        return new InputRow(input, topic, vm.topicProperty(), i18n, vm.flaggedInputsProperty());
    }

    private GridPane inputGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints slider = new ColumnConstraints(80, 150, Double.MAX_VALUE);
        slider.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(name, slider, new ColumnConstraints(), new ColumnConstraints());
        return grid;
    }

    private Node heading(String key, ExplorerTopic topic) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("section-heading");
        if (topic == null) return l;
        HBox h = new HBox(6, l, InfoButton.create(topic, vm.topicProperty(), i18n));
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Node presetBox() {
        ComboBox<Preset> box = new ComboBox<>();
        box.setId("presetBox");
        box.getItems().setAll(vm.presets());
        box.setMaxWidth(Double.MAX_VALUE);
        // names through a converter (the skin sets cell texts itself); a new converter repaints them in the
        // new language, and the prompt says "custom" while the sizes match no preset
        box.setConverter(presetNames());
        i18n.localeProperty().addListener(x -> box.setConverter(presetNames()));
        box.promptTextProperty().bind(i18n.bind("explorer.preset.custom"));
        box.setButtonCell(new ListCell<>() { // the stock cell forgets the prompt once the value was set to null
            @Override
            protected void updateItem(Preset p, boolean empty) {
                super.updateItem(p, empty);
                setText(p == null || empty ? box.getPromptText() : box.getConverter().toString(p));
            }
        });
        box.accessibleTextProperty().bind(i18n.bind("explorer.section.preset"));
        box.setValue(vm.currentPresetProperty().get());
        vm.currentPresetProperty().addListener((obs, old, p) -> {
            syncingPreset = true;
            box.setValue(p);
            syncingPreset = false;
        });
        box.valueProperty().addListener((obs, old, p) -> {
            if (!syncingPreset && p != null) vm.applyPreset(p);
        });
        return box;
    }

    private StringConverter<Preset> presetNames() {
        return new StringConverter<>() {
            @Override
            public String toString(Preset p) {
                return p == null ? null : vm.presetName(p);
            }

            @Override
            public Preset fromString(String s) {
                return vm.presets().stream().filter(p -> vm.presetName(p).equals(s)).findFirst().orElse(null);
            }
        };
    }

    private Node sharingButtons() {
        ToggleGroup group = new ToggleGroup();
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setId("sharing");
        SharingMode[] order = {SharingMode.NOT_SHARED, SharingMode.ALL_SHARED, SharingMode.SHARED_ATTENTION,
                SharingMode.SHARED_FFN};
        for (int i = 0; i < order.length; i++) {
            ToggleButton b = new ToggleButton();
            b.setId("sharing-" + order[i].cliName());
            b.textProperty().bind(i18n.bind("explorer.sharing." + order[i].cliName()));
            b.setUserData(order[i]);
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(b, Priority.ALWAYS);
            grid.add(b, i % 2, i / 2);
        }
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        bindToggles(group, vm.sharingProperty());
        return grid;
    }

    private Node projectionButtons() {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(4);
        box.setId("projection");
        for (ProjectionConvention p : ProjectionConvention.values()) {
            RadioButton b = new RadioButton();
            String id = p == ProjectionConvention.HUGGING_FACE_ALWAYS ? "hf" : "original";
            b.setId("projection-" + id);
            b.textProperty().bind(i18n.bind("explorer.projection." + id));
            b.setWrapText(true);
            b.setUserData(p);
            b.setToggleGroup(group);
            box.getChildren().add(b);
        }
        bindToggles(group, vm.projectionProperty());
        return box;
    }

    /** A toggle group that always has exactly the property's value selected, both ways. */
    private static <T> void bindToggles(ToggleGroup group, javafx.beans.property.ObjectProperty<T> value) {
        Runnable select = () -> group.getToggles().stream()
                .filter(t -> t.getUserData() == value.get()).findFirst().ifPresent(group::selectToggle);
        select.run();
        value.addListener(x -> select.run());
        group.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                group.selectToggle(old); // a mode is always chosen
            } else {
                @SuppressWarnings("unchecked") T v = (T) ((Toggle) t).getUserData();
                value.set(v);
            }
        });
    }

    // --- right: readouts and charts ---

    private ScrollPane outputs() {
        Label problem = banner("problem", vm.problemText());
        Label warning = banner("warning", vm.warningText());
        Label stale = banner("stale", i18n.bind(() -> vm.isStale()
                ? i18n.get("explorer.stale", vm.readouts().shownConfig.get()) : "", vm.staleProperty(),
                vm.readouts().shownConfig));

        CardRows readouts = new ReadoutCards(vm, fontSize).build();
        readouts.setMinHeight(Region.USE_PREF_SIZE); // wrapped text keeps its lines; the chart gives way
        readouts.setId("readouts");
        readouts.getStyleClass().add("readouts");
        vm.staleProperty().addListener((obs, o, s) -> readouts.pseudoClassStateChanged(STALE, s));

        VBox chartsBox = new VBox(4, chartToolbar(), buildChartTabs());
        VBox.setVgrow(chartsBox, Priority.ALWAYS);
        vm.staleProperty().addListener((obs, o, s) -> chartsBox.pseudoClassStateChanged(STALE, s));
        chartsBox.getStyleClass().add("charts");

        VBox center = new VBox(8, problem, warning, stale, readouts, chartsBox, fontProbe);
        center.setId("outputs");
        center.getStyleClass().add("outputs");
        // when readouts and a readable chart do not both fit (large text, small screen), scroll rather than squash
        ScrollPane scroll = new ScrollPane(center);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("outputs-scroll");
        return scroll;
    }

    private Label banner(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll("banner", id + "-banner");
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.visibleProperty().bind(Bindings.isNotEmpty(l.textProperty()));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private Node chartToolbar() {
        Button png = new Button();
        png.setId("exportPng");
        png.textProperty().bind(i18n.bind("explorer.export.png"));
        png.setOnAction(e -> {
            ExplorerChart c = currentChart();
            exports.chooseAndWrite("explorer.export.pngTitle", c.fileStem() + ".png", "app.export.pngFilter",
                    "png", this::exportChartPng);
        });
        Button csv = new Button();
        csv.setId("exportCsv");
        csv.textProperty().bind(i18n.bind("explorer.export.csv"));
        csv.setOnAction(e -> exports.chooseAndWrite("explorer.export.csvTitle", "albert-parameters.csv",
                "app.export.csvFilter", "csv", this::exportCsv));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button about = new Button();
        about.setId("info-chart");
        about.getStyleClass().add("link-button");
        about.textProperty().bind(i18n.bind("explorer.chart.about"));
        about.setOnAction(e -> vm.topicProperty().set(currentChart().topic()));
        HBox bar = new HBox(8, about, spacer, png, csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node buildChartTabs() {
        chartTabs.setId("charts");
        chartTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (ExplorerChart c : charts) {
            ChartViewer viewer = StaticChartViewer.of(c.chart());
            viewer.setMinSize(200, 200);
            Tab tab = new Tab(null, viewer);
            tab.setId("tab-" + c.fileStem());
            tab.textProperty().bind(i18n.bind(c.tabKey()));
            chartTabs.getTabs().add(tab);
        }
        VBox.setVgrow(chartTabs, Priority.ALWAYS);
        chartTabs.getStyleClass().add("chart-tabs");
        return chartTabs;
    }

    private void refreshShownChart() {
        ExplorerChart shown = currentChart();
        if (chartsBehind.remove(shown)) shown.update(vm.result());
    }

    private ExplorerChart currentChart() {
        return charts.get(Math.max(0, chartTabs.getSelectionModel().getSelectedIndex()));
    }

    public List<ExplorerChart> charts() {
        return charts;
    }

    public TabPane chartTabs() {
        return chartTabs;
    }

    // --- exports (paths given, so tests need no file chooser) ---

    /** The selected chart as a PNG at twice its on-screen size (at least 900 × 560 logical pixels). */
    public void exportChartPng(Path target) throws IOException {
        ExplorerChart c = currentChart();
        Node viewer = chartTabs.getSelectionModel().getSelectedItem().getContent();
        int w = (int) Math.max(900, viewer.getLayoutBounds().getWidth());
        int h = (int) Math.max(560, viewer.getLayoutBounds().getHeight());
        Exports.writeChartPng(c.chart(), w, h, Exports.PNG_SCALE, target);
    }

    public void exportCsv(Path target) throws IOException {
        Exports.writeCsv(vm.breakdownCsv(), target);
    }

    // --- charts follow the page's font size (Ctrl+plus in the shell, presenter mode) and high contrast ---

    private void followFontSize() {
        fontProbe.textSizeProperty().addListener((obs, old, size) -> fontSize.set(size.doubleValue()));
        fontProbe.chartStyleProperty().addListener((obs, old, now) -> {
            if (now == null) return;
            ChartStyle next = style.withFontSize(now.fontSize()).withHighContrast(now.highContrast());
            if (next.equals(style)) return;
            style = next;
            for (ExplorerChart c : charts) c.restyle(style);
        });
    }

    /** The chart style in use now (tests: it follows the text size and high contrast). */
    public ChartStyle chartStyle() {
        return style;
    }
}
