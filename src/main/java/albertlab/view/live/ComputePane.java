package albertlab.view.live;

import albertlab.view.common.HeatmapView;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.LiveModelViewModel;
import albertlab.viewmodel.live.LiveResult;
import albertlab.viewmodel.live.SharingTimer;
import albertlab.viewmodel.live.TimingRow;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * The time of the last forward pass and its FLOPs, and a button that times the four sharing modes of the same
 * shape on the same sentence: equal FLOPs, equal time, very different parameter counts.
 */
final class ComputePane extends VBox {

    private final LiveModelViewModel vm;
    private final I18n i18n;
    private final Label last = new Label();
    private final Label flops = new Label();
    private final Label runs = new Label();
    private final TableView<TimingRow> table = new TableView<>();

    ComputePane(LiveModelViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("tab-body");
        setSpacing(10);
        last.setId("last-forward");
        last.getStyleClass().add("big-number");
        flops.setId("last-flops");

        Button time = new Button();
        time.setId("time-modes");
        time.textProperty().bind(i18n.bind(() -> i18n.get(vm.timingProperty().get() ? "live.compute.timing"
                : "live.compute.time"), vm.timingProperty()));
        time.disableProperty().bind(vm.timingProperty().or(vm.resultProperty().isNull()));
        time.setOnAction(e -> vm.timeSharingModes());

        table.setId("timing-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // rows and header grow with the text size (Ctrl+=), and the table is as tall as all four rows need
        table.setStyle("-fx-fixed-cell-size: 2.2em;");
        table.fixedCellSizeProperty().addListener((o, a, b) -> fitFourRows());
        table.skinProperty().addListener((o, a, skin) -> {
            if (table.lookup(".column-header-background") instanceof javafx.scene.layout.Region header) {
                header.heightProperty().addListener((h, was, now) -> fitFourRows());
            }
            fitFourRows();
        });
        table.setMaxWidth(980);
        table.getColumns().add(column("live.compute.col.mode",
                r -> i18n.get("live.sharing." + r.mode().name()) + (r.current() ? "  ◀" : "")));
        table.getColumns().add(column("live.compute.col.params", r -> integer(r.storedParameters())));
        table.getColumns().add(column("live.compute.col.flops", r -> integer(r.flops())));
        table.getColumns().add(column("live.compute.col.median", r -> HeatmapView.format(r.medianMillis(), 2)));
        table.getColumns().add(column("live.compute.col.range",
                r -> HeatmapView.format(r.minMillis(), 2) + " – " + HeatmapView.format(r.maxMillis(), 2)));
        table.setItems(FXCollections.observableArrayList());
        vm.timingsProperty().addListener((o, a, rows) -> table.getItems().setAll(rows));
        table.visibleProperty().bind(Bindings.isNotEmpty(table.getItems()));
        table.managedProperty().bind(table.visibleProperty());
        runs.getStyleClass().add("note");
        runs.visibleProperty().bind(table.visibleProperty());

        Label explain = new Label();
        explain.textProperty().bind(i18n.bind("live.compute.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        explain.getStyleClass().add("explain");
        explain.setMaxWidth(980);
        Label random = new Label();
        random.textProperty().bind(i18n.bind("live.compute.randomSiblings"));
        random.getStyleClass().add("note");
        random.setWrapText(true);
        random.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        random.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.modelProperty().get() != null && !vm.modelProperty().get().siblingsComparable(),
                vm.modelProperty()));
        random.managedProperty().bind(random.visibleProperty());

        Label single = new Label();
        single.textProperty().bind(i18n.bind("live.compute.single"));
        single.getStyleClass().add("note");
        single.setWrapText(true);
        single.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        single.setMaxWidth(980);
        getChildren().addAll(last, flops, single, new HBox(10, time), table, runs, explain, random);
        vm.resultProperty().addListener((o, a, r) -> show(r));
        vm.timingsProperty().addListener((o, a, r) -> show(vm.resultProperty().get()));
        i18n.localeProperty().addListener((o, a, b) -> {
            show(vm.resultProperty().get());
            table.refresh();
        });
    }

    private TableColumn<TimingRow, String> column(String key, Function<TimingRow, String> value) {
        TableColumn<TimingRow, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        if (!key.endsWith(".mode")) c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private void show(LiveResult r) {
        if (r == null) return;
        int s = r.input().length();
        // once the modes are timed, the current mode's median replaces the single pass (which may be a cold one)
        TimingRow timed = vm.timingsProperty().get().stream().filter(TimingRow::current).findFirst().orElse(null);
        if (timed != null) {
            last.setText(i18n.get("live.compute.median", HeatmapView.format(timed.medianMillis(), 2),
                    Integer.toString(s), Integer.toString(r.trace().applications()), Integer.toString(timed.runs())));
        } else {
            last.setText(i18n.get("live.compute.last", HeatmapView.format(r.trace().millis(), 2), Integer.toString(s),
                    Integer.toString(r.trace().applications())));
        }
        long f = r.flops().perSequence();
        flops.setText(i18n.get("live.compute.flops", integer(f), integer(Math.round(r.flops().perToken()))));
        runs.setText(i18n.get("live.compute.runs", Integer.toString(SharingTimer.RUNS),
                Integer.toString(SharingTimer.WARM_UP), Integer.toString(s)));
    }

    static String integer(long v) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(v);
    }

    TableView<TimingRow> table() {
        return table;
    }

    /** Header plus exactly the four modes: no scroll bar, no empty rows below, at any text size. */
    private void fitFourRows() {
        double cell = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 30;
        double header = table.lookup(".column-header-background") instanceof javafx.scene.layout.Region r
                && r.getHeight() > 0 ? r.getHeight() : cell + 1;
        double h = cell * SharingModeRows.COUNT + header + 2;
        table.setPrefHeight(h);
        table.setMinHeight(h);
        table.setMaxHeight(h);
    }

    /** The table's rows: one per sharing mode. */
    private static final class SharingModeRows {
        static final int COUNT = albertlab.core.config.SharingMode.values().length;
    }
}
