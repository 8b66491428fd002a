package albertlab.view.explorer;

import albertlab.viewmodel.explorer.ExplorerReadouts;
import albertlab.viewmodel.explorer.ExplorerTopic;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.explorer.ParameterExplorerViewModel;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The explorer's readout cards: the embedding formula with today's numbers, the paper's figure, parameters, and
 * size and compute. Every label is bound to {@link ExplorerReadouts}; every card title or caption carries a "?".
 * Ids of the values: {@code unfactorized}, {@code factorized}, {@code saving}, {@code total}, {@code twinTotal},
 * {@code size}, {@code flops}, {@code paperLabel}, ...
 */
final class ReadoutCards {

    private final ParameterExplorerViewModel vm;
    private final I18n i18n;
    private final ObservableDoubleValue fontSize;

    ReadoutCards(ParameterExplorerViewModel vm, ObservableDoubleValue fontSize) {
        this.vm = vm;
        this.i18n = vm.i18n();
        this.fontSize = fontSize;
    }

    private VBox embeddingCard() {
        ExplorerReadouts r = vm.readouts();
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(2);
        Label unfactorized = value("unfactorized", r.unfactorized, "formula");
        Label factorized = value("factorized", r.factorized, "formula");
        unfactorized.setWrapText(true); // wrap rather than cut a formula short on a narrow window
        factorized.setWrapText(true);
        g.addRow(0, caption("explorer.readout.bertEmbedding"), unfactorized);
        g.addRow(1, caption("explorer.readout.albertEmbedding"), factorized);
        Label saving = value("saving", r.saving, "saving");
        saving.setWrapText(true);
        VBox card = card("explorer.card.embedding", ExplorerTopic.FACTORIZATION, g, saving);
        card.setId("card-embedding");
        return card;
    }

    /** Two rows of cards: the embedding formula beside the paper's figure, then parameters beside cost. */
    CardRows build() {
        ExplorerReadouts r = vm.readouts();
        GridPane params = new GridPane();
        params.setHgap(10);
        params.setVgap(2);
        params.addRow(0, caption("explorer.readout.this"), value("total", r.total, "big-number"),
                value("totalShort", r.totalShort, "short-number"));
        params.addRow(1, withInfo(caption("explorer.readout.twin"), ExplorerTopic.BERT_TWIN),
                value("twinTotal", r.twinTotal, "number"), value("twinShort", r.twinShort, "short-number"));
        Label ratio = value("twinRatio", r.twinRatio, "note");
        ratio.setWrapText(true);
        VBox paramsCard = card("explorer.card.parameters", ExplorerTopic.TOTAL, params, ratio);

        GridPane cost = new GridPane();
        cost.setHgap(10);
        cost.setVgap(2);
        cost.addRow(0, new Label(), caption("explorer.readout.this"), caption("explorer.readout.twinShort"));
        cost.addRow(1, withInfo(caption("explorer.readout.size"), ExplorerTopic.SIZE),
                value("size", r.size, "number"), value("twinSize", r.twinSize, "number"));
        cost.addRow(2, withInfo(caption("explorer.readout.flops"), ExplorerTopic.FLOPS),
                value("flops", r.flops, "number"), value("twinFlops", r.twinFlops, "number"));
        VBox costCard = card("explorer.card.cost", null, cost);

        Label paperLabel = value("paperLabel", r.paperLabel, "big-number");
        Label paperExact = value("paperExact", r.paperExact, "note");
        Label paperReason = value("paperReason", r.paperReason, "note");
        paperReason.setWrapText(true);
        paperExact.setWrapText(true);
        VBox paperCard = card("explorer.card.paper", ExplorerTopic.PAPER, paperLabel, paperExact, paperReason);
        paperCard.setId("card-paper");

        return new CardRows(List.of(new CardRows.Pair(embeddingCard(), paperCard, 68),
                new CardRows.Pair(paramsCard, costCard, 50)), 52, fontSize);
    }

    private VBox card(String titleKey, ExplorerTopic topic, Node... content) {
        Label title = new Label();
        title.textProperty().bind(i18n.bind(titleKey));
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        VBox card = new VBox(4);
        card.getChildren().add(topic == null ? title : withInfo(title, topic));
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        card.setMaxWidth(Double.MAX_VALUE);
        return card;
    }

    private Node withInfo(Label label, ExplorerTopic topic) {
        HBox h = new HBox(4, label, InfoButton.create(topic, vm.topicProperty(), i18n));
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Label caption(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Label value(String id, ObservableStringValue text, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.getStyleClass().addAll("value", styleClass);
        return l;
    }

}
