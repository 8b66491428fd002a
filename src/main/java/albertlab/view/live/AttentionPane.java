package albertlab.view.live;

import albertlab.view.common.LessonControls;
import albertlab.view.common.HeatmapView;
import albertlab.core.train.TrainedModelCard;
import javafx.scene.control.Button;
import java.util.List;

import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.AttentionMath;
import albertlab.viewmodel.live.AttentionViewModel;
import albertlab.viewmodel.live.CsvTables;
import albertlab.viewmodel.common.HeatmapData;
import albertlab.viewmodel.live.LayerComparison;
import albertlab.viewmodel.live.LiveResult;
import albertlab.viewmodel.live.PairFilter;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * One layer's (or the mean's) attention as a large heatmap with exact values on hover, plus a second layer side
 * by side that shows whether the two use the very same weights.
 */
final class AttentionPane extends VBox {

    private final AttentionViewModel vm;
    private final I18n i18n;
    private final HeatmapView main = new HeatmapView(true);
    private final HeatmapView other = new HeatmapView(true);
    private final Label hover = new Label();
    private final Label verdict = new Label();
    private final IndexChoice layer;
    private final IndexChoice head;
    private final IndexChoice compareLayer;
    private final ChoiceBox<PairFilter> filter = new ChoiceBox<>();
    private final CheckBox compare = new CheckBox();

    AttentionPane(AttentionViewModel vm, I18n i18n, ExportButtons exports) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("tab-body");
        main.setId("attention-heatmap");
        other.setId("attention-compare-heatmap");
        for (HeatmapView h : new HeatmapView[]{main, other}) {
            h.rowAxisProperty().bind(i18n.bind("live.attention.query"));
            h.colAxisProperty().bind(i18n.bind("live.attention.key"));
        }
        main.dataProperty().bind(vm.shownProperty());
        other.dataProperty().bind(vm.comparedProperty());

        layer = new IndexChoice(i18n, "live.attention.layerN", "live.attention.meanLayers", vm.layerProperty());
        layer.setId("layer-choice");
        head = new IndexChoice(i18n, "live.attention.headN", "live.attention.meanHeads", vm.headProperty());
        head.setId("head-choice");
        compareLayer = new IndexChoice(i18n, "live.attention.layerN", null, vm.compareLayerProperty());
        compareLayer.setId("compare-layer-choice");

        filter.getItems().setAll(PairFilter.values());
        filter.setId("pair-filter");
        filter.valueProperty().bindBidirectional(vm.filterProperty());
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(PairFilter f) {
                return f == null ? "" : i18n.get("live.filter." + f.name());
            }

            @Override
            public PairFilter fromString(String s) {
                return null;
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> {
            PairFilter f = filter.getValue();
            filter.getItems().setAll(PairFilter.values()); // re-translate the items
            filter.setValue(f);
        });
        Label filterLabel = label("live.attention.filter");
        filter.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.resultProperty().get() == null || !vm.resultProperty().get().input().pair(),
                vm.resultProperty()));

        CheckBox fullScale = new CheckBox();
        fullScale.setId("full-scale");
        fullScale.textProperty().bind(i18n.bind("live.attention.fullScale"));
        fullScale.selectedProperty().bindBidirectional(vm.fullScaleProperty());
        compare.setId("compare-toggle");
        compare.textProperty().bind(i18n.bind("live.attention.compare"));
        compareLayer.disableProperty().bind(compare.selectedProperty().not());

        Label layerLabel = label("live.attention.layer");
        Label headLabel = label("live.attention.head");
        HBox controls = new HBox(8, layerLabel, layer, headLabel, head, filterLabel, filter, fullScale, compare,
                compareLayer);
        // each choice with its label is a group presenter mode may hide when a lesson step does not use it
        LessonControls.tagTogether(layerLabel, layer);
        LessonControls.tagTogether(headLabel, head);
        LessonControls.tagTogether(filterLabel, filter);
        LessonControls.tag(fullScale);
        LessonControls.tagTogether(compare, compareLayer);
        controls.getStyleClass().add("controls");

        Label mainTitle = new Label();
        mainTitle.getStyleClass().add("subtitle");
        mainTitle.textProperty().bind(i18n.bind(() -> layer.text(vm.layerProperty().get()) + " · "
                + head.text(vm.headProperty().get()), vm.layerProperty(), vm.headProperty()));
        Label measured = new Label();
        measured.setId("named-head");
        measured.getStyleClass().add("named-head");
        measured.textProperty().bind(i18n.bind(() -> {
            TrainedModelCard.NamedHead h = vm.namedHeadProperty().get();
            return h == null ? "" : i18n.get("live.attention.named", patternName(h.pattern()), percent(h.mass()));
        }, vm.namedHeadProperty()));
        measured.visibleProperty().bind(vm.namedHeadProperty().isNotNull());
        measured.managedProperty().bind(measured.visibleProperty());
        HBox titleRow = new HBox(10, mainTitle, measured);
        Label otherTitle = new Label();
        otherTitle.getStyleClass().add("subtitle");
        otherTitle.textProperty().bind(i18n.bind(() -> compareLayer.text(vm.compareLayerProperty().get()) + " · "
                + head.text(vm.headProperty().get()), vm.compareLayerProperty(), vm.headProperty()));
        VBox mainBox = new VBox(2, titleRow, main);
        VBox otherBox = new VBox(2, otherTitle, other);
        VBox.setVgrow(main, Priority.ALWAYS);
        VBox.setVgrow(other, Priority.ALWAYS);
        HBox.setHgrow(mainBox, Priority.ALWAYS);
        HBox.setHgrow(otherBox, Priority.ALWAYS);
        otherBox.visibleProperty().bind(compare.selectedProperty());
        otherBox.managedProperty().bind(compare.selectedProperty());
        HBox maps = new HBox(12, mainBox, otherBox);
        VBox.setVgrow(maps, Priority.ALWAYS);

        hover.setId("attention-hover");
        hover.getStyleClass().add("hover-readout");
        hover.setWrapText(true);
        hover.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        verdict.setId("compare-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        verdict.getStyleClass().add("verdict");
        verdict.visibleProperty().bind(compare.selectedProperty());
        verdict.managedProperty().bind(compare.selectedProperty());

        HBox otherExport = exports.forHeatmap(other, "attention-compared",
                () -> vm.comparedProperty().get() == null ? null
                        : CsvTables.heatmap(vm.comparedProperty().get(), "query\\key"));
        otherExport.visibleProperty().bind(compare.selectedProperty());
        otherExport.managedProperty().bind(compare.selectedProperty());
        HBox bottom = new HBox(12, exports.forHeatmap(main, "attention",
                () -> vm.shownProperty().get() == null ? null
                        : CsvTables.heatmap(vm.shownProperty().get(), "query\\key")), hover, otherExport);
        HBox.setHgrow(hover, Priority.ALWAYS);
        hover.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(controls, namedHeadsRow(), maps, verdict, bottom);

        main.hoveredCellProperty().addListener((o, a, c) -> showHover(main, c));
        other.hoveredCellProperty().addListener((o, a, c) -> showHover(other, c));
        vm.resultProperty().addListener((o, a, r) -> updateChoices(r));
        vm.comparisonProperty().addListener((o, a, c) -> showVerdict());
        vm.layerProperty().addListener((o, a, b) -> showVerdict());
        i18n.localeProperty().addListener((o, a, b) -> {
            showHover(main, main.hoveredCellProperty().get());
            showVerdict();
        });
        showHover(main, null);
    }

    /** One button per head with a measured behaviour: a click shows that head. Only for a trained model. */
    private HBox namedHeadsRow() {
        Label title = label("live.attention.namedHeads");
        HBox buttons = new HBox(6);
        HBox row = new HBox(8, title, buttons);
        row.setId("named-heads");
        row.getStyleClass().add("controls");
        Label none = label("live.attention.namedNone");
        Runnable fill = () -> {
            buttons.getChildren().clear();
            List<TrainedModelCard.NamedHead> heads = vm.namedHeadsProperty().get();
            for (TrainedModelCard.NamedHead h : heads) {
                Button b = new Button(i18n.get("live.attention.namedHead", Integer.toString(h.application() + 1),
                        Integer.toString(h.head() + 1), patternName(h.pattern()), percent(h.mass())));
                b.getStyleClass().add("named-head-button");
                b.setOnAction(e -> vm.select(h.application(), h.head()));
                buttons.getChildren().add(b);
            }
            if (heads.isEmpty()) buttons.getChildren().add(none);
        };
        // the buttons change with the model's card only (the view model sets a new list then), not per keystroke
        vm.namedHeadsProperty().addListener((o, a, b) -> fill.run());
        i18n.localeProperty().addListener((o, a, b) -> fill.run());
        fill.run();
        row.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            LiveResult r = vm.resultProperty().get();
            return r != null && r.model().card() != null;
        }, vm.resultProperty()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private String patternName(String pattern) {
        return i18n.get("live.pattern." + pattern);
    }

    private static String percent(double mass) {
        return String.format(java.util.Locale.ROOT, "%.0f", 100 * mass);
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        return l;
    }

    private void updateChoices(LiveResult r) {
        if (r == null) return;
        int n = r.trace().applications();
        int heads = AttentionMath.heads(r.trace());
        layer.setCount(n, vm.layerProperty().get());
        head.setCount(heads, vm.headProperty().get());
        compareLayer.setCount(n, vm.compareLayerProperty().get());
    }

    private void showHover(HeatmapView view, HeatmapView.Cell c) {
        HeatmapData d = view.dataProperty().get();
        if (c == null || d == null || c.row() >= d.rows() || c.col() >= d.cols()) {
            hover.setText(i18n.get("live.attention.hoverNone"));
            return;
        }
        hover.setText(i18n.get("live.attention.hover", Integer.toString(d.rowPositions()[c.row()]),
                d.rowLabels().get(c.row()), Integer.toString(d.colPositions()[c.col()]), d.colLabels().get(c.col()),
                HeatmapView.format(d.value(c.row(), c.col()), 4)));
    }

    private void showVerdict() {
        LayerComparison c = vm.comparisonProperty().get();
        if (vm.layerProperty().get() == AttentionMath.MEAN || c == null) {
            verdict.setText(i18n.get("live.attention.pickLayer"));
            verdict.getStyleClass().removeAll("same");
        } else if (c.first() == c.second()) {
            verdict.setText(i18n.get("live.attention.sameLayer"));
            verdict.getStyleClass().removeAll("same");
        } else if (c.sameWeights()) {
            verdict.setText(i18n.get("live.attention.same", Integer.toString(c.first() + 1),
                    Integer.toString(c.second() + 1), Integer.toString(c.firstSlot()),
                    HeatmapView.format(c.meanAbsoluteDifference(), 4)));
            if (!verdict.getStyleClass().contains("same")) verdict.getStyleClass().add("same");
        } else {
            verdict.setText(i18n.get("live.attention.different", Integer.toString(c.first() + 1),
                    Integer.toString(c.second() + 1), Integer.toString(c.firstSlot()),
                    Integer.toString(c.secondSlot()), HeatmapView.format(c.meanAbsoluteDifference(), 4)));
            verdict.getStyleClass().removeAll("same");
        }
    }

    HeatmapView heatmap() {
        return main;
    }

    Label hoverLabel() {
        return hover;
    }

    CheckBox compareToggle() {
        return compare;
    }
}
