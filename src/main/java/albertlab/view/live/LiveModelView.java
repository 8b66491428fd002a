package albertlab.view.live;

import albertlab.view.common.ExportActions;
import albertlab.view.common.LabFonts;
import albertlab.view.common.LabStyles;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.LiveModelViewModel;
import albertlab.viewmodel.live.LoadFailure;
import javafx.scene.control.Alert;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/** The live page's layout: model bar and input on top, one tab per view below. */
final class LiveModelView extends BorderPane {

    private final LiveModelViewModel vm;
    private final I18n i18n;
    private final Supplier<Window> owner;
    private final ModelBar modelBar;
    private final InputPane input;
    private final AttentionPane attention;
    private final AttentionGridView grid;
    private final DynamicsPane dynamics;
    private final PredictionsPane predictions;
    private final ComputePane compute;
    private final ExportButtons exports;
    private final TabPane tabs = new TabPane();

    LiveModelView(LiveModelViewModel vm, I18n i18n, Supplier<Window> owner) {
        this.vm = vm;
        this.i18n = i18n;
        this.owner = owner;
        setId("live-page");
        getStyleClass().add("live-page");
        getStylesheets().add(LiveModelView.class.getResource("live.css").toExternalForm());
        // no font size of our own: the shell's stylesheet sets family and size, so the projector text size
        // (Ctrl+= / Ctrl+-) reaches this page too

        exports = new ExportButtons(i18n, new ExportActions(i18n, owner));
        modelBar = new ModelBar(vm, i18n, owner);
        input = new InputPane(vm, i18n);
        attention = new AttentionPane(vm.attention(), i18n, exports);
        Tab attentionTab = tab("live.tab.attention", attention, "tab-attention");
        grid = new AttentionGridView(vm.attention(), i18n, exports, () -> tabs.getSelectionModel().select(attentionTab));
        dynamics = new DynamicsPane(vm, i18n, exports);
        predictions = new PredictionsPane(vm, i18n);
        compute = new ComputePane(vm, i18n);
        Tab gridTab = tab("live.tab.grid", grid, "tab-grid");
        vm.attention().gridShownProperty().bind(gridTab.selectedProperty());
        tabs.getTabs().addAll(attentionTab, gridTab,
                tab("live.tab.dynamics", dynamics, "tab-dynamics"), tab("live.tab.predict", predictions, "tab-predict"),
                tab("live.tab.compute", compute, "tab-compute"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // the tab shown is part of a lesson step or a session: the view model names it ("attention", ...), the
        // tabs follow; tab ids are "tab-" + that name
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) vm.tabProperty().set(t.getId().substring("tab-".length()));
        });
        vm.tabProperty().addListener((o, a, name) -> selectTab(name));
        selectTab(vm.tabProperty().get());

        VBox top = new VBox(6, modelBar, input);
        top.getStyleClass().add("top");
        setTop(top);
        setCenter(tabs);

        // hovering a cell lights up its query and key among the token chips
        attention.heatmap().hoveredCellProperty().addListener((o, a, c) -> {
            var d = attention.heatmap().dataProperty().get();
            if (c == null || d == null || c.row() >= d.rows() || c.col() >= d.cols()) input.highlight(-1, -1);
            else input.highlight(d.rowPositions()[c.row()], d.colPositions()[c.col()]);
        });
        vm.loadFailureProperty().addListener((o, a, f) -> {
            if (f != null) showLoadFailure(f);
        });
    }

    private void selectTab(String name) {
        tabs.getTabs().stream().filter(t -> t.getId().equals("tab-" + name)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private Tab tab(String key, javafx.scene.Node content, String id) {
        Tab t = new Tab();
        t.textProperty().bind(i18n.bind(key));
        t.setContent(content);
        t.setId(id);
        return t;
    }

    private void showLoadFailure(LoadFailure f) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(i18n.get("live.load.error.title"));
        alert.setHeaderText(f.folder() == null ? i18n.get("live.load.error.builtin") : i18n.get("live.load.error.header"));
        alert.setContentText(f.folder() == null ? f.message() : f.folder() + "\n\n" + f.message());
        alert.getDialogPane().setId("load-error");
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
            LabStyles.style(alert.getDialogPane(), w.getScene());
        } else {
            alert.getDialogPane().setStyle(LabFonts.rootStyle(LabStyles.DEFAULT_SIZE));
        }
        vm.clearLoadFailure();
        alert.show();
    }

    void setFolderChooser(Function<Window, Path> chooser) {
        modelBar.setFolderChooser(chooser);
    }

    void setExportTarget(ExportActions.Target target) {
        exports.actions().setTarget(target);
    }

    TabPane tabs() {
        return tabs;
    }

    AttentionPane attention() {
        return attention;
    }

    AttentionGridView grid() {
        return grid;
    }

    DynamicsPane dynamics() {
        return dynamics;
    }

    PredictionsPane predictions() {
        return predictions;
    }

    ComputePane compute() {
        return compute;
    }

    InputPane input() {
        return input;
    }
}
