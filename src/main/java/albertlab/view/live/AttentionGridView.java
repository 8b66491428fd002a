package albertlab.view.live;

import albertlab.view.common.HeatmapView;
import albertlab.core.model.LayerSchedule;
import albertlab.view.common.ExportActions;
import albertlab.view.common.Exports;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.AttentionGrid;
import albertlab.viewmodel.live.AttentionMath;
import albertlab.viewmodel.live.AttentionViewModel;
import albertlab.viewmodel.live.LiveResult;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * The whole model at a glance: one thumbnail per layer application and head, a column of means over heads and a
 * row of means over layers. Row headers carry the attention weight set; rows that run the very same weights share
 * its colour. Clicking a thumbnail opens it large.
 */
final class AttentionGridView extends VBox {

    private static final int SLOT_COLOURS = 8;
    private static final double MIN_THUMB = 36;
    private static final double MAX_THUMB = 150;

    private final AttentionViewModel vm;
    private final I18n i18n;
    private final GridPane grid = new GridPane();
    private final ScrollPane scroll = new ScrollPane(grid);
    private final Runnable openLarge;

    AttentionGridView(AttentionViewModel vm, I18n i18n, ExportButtons exports, Runnable openLarge) {
        this.vm = vm;
        this.i18n = i18n;
        this.openLarge = openLarge;
        getStyleClass().add("tab-body");
        Label hint = new Label();
        hint.textProperty().bind(i18n.bind("live.grid.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().add("note");
        grid.setId("attention-grid");
        grid.getStyleClass().add("attention-grid");
        grid.setHgap(4);
        grid.setVgap(4);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox top = new HBox(12, hint, exports.forNodeStreamed(grid, "attention-grid", this::csv));
        HBox.setHgrow(hint, Priority.ALWAYS);
        hint.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(top, scroll);
        // the view model builds the thumbnails off the JavaFX thread, and only while this tab is shown
        vm.gridProperty().addListener((o, a, b) -> rebuild());
        i18n.localeProperty().addListener((o, a, b) -> rebuild());
        scroll.widthProperty().addListener((o, a, b) -> resizeThumbs());
        scroll.heightProperty().addListener((o, a, b) -> resizeThumbs());
    }

    private void rebuild() {
        grid.getChildren().clear();
        LiveResult r = vm.resultProperty().get();
        AttentionGrid cells = vm.gridProperty().get();
        if (r == null || cells == null) return;
        int n = cells.applications();
        int heads = cells.heads();
        List<LayerSchedule.Application> schedule = r.trace().schedule();

        for (int h = 0; h < heads; h++) grid.add(header(i18n.get("live.grid.head", Integer.toString(h + 1))), h + 1, 0);
        grid.add(header(i18n.get("live.grid.mean")), heads + 1, 0);
        for (int l = 0; l < n; l++) {
            int slot = schedule.get(l).attentionSlot();
            Label rowHeader = header(i18n.get("live.grid.layer", Integer.toString(l + 1), Integer.toString(slot)));
            rowHeader.getStyleClass().addAll("slot", "slot-" + (slot % SLOT_COLOURS));
            if (schedule.get(l).extra()) rowHeader.getStyleClass().add("extra");
            grid.add(rowHeader, 0, l + 1);
            for (int h = 0; h < heads; h++) grid.add(thumb(cells, l, h, "grid-cell"), h + 1, l + 1);
            grid.add(thumb(cells, l, AttentionMath.MEAN, "grid-mean"), heads + 1, l + 1);
        }
        grid.add(header(i18n.get("live.grid.mean")), 0, n + 1);
        for (int h = 0; h < heads; h++) grid.add(thumb(cells, AttentionMath.MEAN, h, "grid-mean"), h + 1, n + 1);
        grid.add(thumb(cells, AttentionMath.MEAN, AttentionMath.MEAN, "grid-mean"), heads + 1, n + 1);
        resizeThumbs();
    }

    private Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("grid-header");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private HeatmapView thumb(AttentionGrid cells, int layer, int head, String style) {
        HeatmapView v = new HeatmapView(false);
        v.getStyleClass().add(style);
        v.dataProperty().set(cells.cell(layer, head));
        v.setCursor(Cursor.HAND);
        String name = (layer == AttentionMath.MEAN ? i18n.get("live.attention.meanLayers")
                : i18n.get("live.attention.layerN", Integer.toString(layer + 1))) + " · "
                + (head == AttentionMath.MEAN ? i18n.get("live.attention.meanHeads")
                : i18n.get("live.attention.headN", Integer.toString(head + 1)));
        for (var named : vm.namedHeadsProperty().get()) {
            if (named.application() != layer || named.head() != head) continue;
            // a head with a measured behaviour is framed, and its tooltip says what was measured
            v.getStyleClass().add("grid-named");
            name += "\n" + i18n.get("live.attention.named", i18n.get("live.pattern." + named.pattern()),
                    String.format(java.util.Locale.ROOT, "%.0f", 100 * named.mass()));
        }
        Tooltip.install(v, new Tooltip(name));
        v.setOnMouseClicked(e -> {
            vm.select(layer, head);
            openLarge.run();
        });
        return v;
    }

    /** Thumbnails fill the width, within limits, so a 12 × 12 model fits and a 6 × 4 one is not tiny. */
    private void resizeThumbs() {
        AttentionGrid cells = vm.gridProperty().get();
        if (cells == null) return;
        int cols = cells.heads() + 1;
        int rows = cells.applications() + 1;
        double byWidth = (scroll.getWidth() - 140 - 4 * cols) / cols;
        double byHeight = (scroll.getHeight() - 30 - 4 * rows) / rows;
        double side = Math.max(MIN_THUMB, Math.min(MAX_THUMB, Math.min(byWidth, byHeight)));
        for (var node : grid.getChildren()) {
            if (node instanceof HeatmapView v) {
                v.setPrefSize(side, side);
                v.setMinSize(side, side);
                v.setMaxSize(side, side);
            }
        }
    }

    /**
     * Every probability of every layer application and head, one row each (long format): L·A·S² rows, so they are
     * streamed to the file off the JavaFX thread. The result is taken now, on the JavaFX thread; it is immutable.
     */
    private ExportActions.Writer csv() {
        LiveResult r = vm.resultProperty().get();
        if (r == null) return null;
        List<String> tokens = r.input().tokens();
        var attentions = r.trace().attentions();
        return path -> Exports.writeCsvStreamed(sink -> {
            sink.row("layer", "head", "query", "key", "probability");
            for (int l = 0; l < attentions.size(); l++) {
                float[][][] att = attentions.get(l);
                for (int a = 0; a < att.length; a++) {
                    for (int q = 0; q < att[a].length; q++) {
                        String query = q + ":" + tokens.get(q);
                        for (int k = 0; k < att[a][q].length; k++) {
                            sink.row(Integer.toString(l + 1), Integer.toString(a + 1), query,
                                    k + ":" + tokens.get(k), Float.toString(att[a][q][k]));
                        }
                    }
                }
            }
        }, path);
    }

    GridPane grid() {
        return grid;
    }
}
