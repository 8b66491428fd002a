package albertlab.view.live;

import albertlab.view.common.LessonControls;
import albertlab.core.train.CardExamples;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.LiveModelViewModel;
import albertlab.viewmodel.live.LiveResult;
import albertlab.viewmodel.live.TokenChip;
import albertlab.viewmodel.live.TokenizedInput;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The two sentence boxes and the tokens the model reads, as chips coloured by segment. A chip for [UNK] is marked,
 * truncation is announced, and clicking a chip masks that token.
 */
final class InputPane extends VBox {

    private static final double MOSTLY_UNKNOWN = 0.5;
    /** SentencePiece's mark for "a word starts here" (U+2581). */
    private static final String WORD_START = "\u2581";

    private final LiveModelViewModel vm;
    private final I18n i18n;
    private final FlowPane chips = new FlowPane(4, 4);
    private final Label count = new Label();
    private final Label unknown = new Label();
    private final Label truncated = new Label();
    private final Label mostlyUnknown = new Label();
    private final Label spaceMark = new Label();

    InputPane(LiveModelViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("input-pane");

        TextField first = new TextField();
        first.setId("sentence-a");
        first.textProperty().bindBidirectional(vm.firstProperty());
        first.promptTextProperty().bind(i18n.bind("live.input.first.prompt"));
        TextField second = new TextField();
        second.setId("sentence-b");
        second.textProperty().bindBidirectional(vm.secondProperty());
        second.promptTextProperty().bind(i18n.bind("live.input.second.prompt"));
        Label firstLabel = segmentLabel("live.input.first", "seg-a");
        Label secondLabel = segmentLabel("live.input.second", "seg-b");
        Button swap = new Button();
        swap.setId("swap");
        swap.textProperty().bind(i18n.bind("live.input.swap"));
        swap.setOnAction(e -> vm.swapSentences());
        swap.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.secondProperty().get() == null || vm.secondProperty().get().isBlank(), vm.secondProperty()));

        GridPane boxes = new GridPane();
        boxes.setHgap(8);
        boxes.setVgap(4);
        boxes.add(firstLabel, 0, 0);
        boxes.add(first, 1, 0);
        boxes.add(secondLabel, 0, 1);
        boxes.add(second, 1, 1);
        boxes.add(swap, 2, 0, 1, 2);
        ComboBox<CardExamples.Example> examples = examplesBox();
        Label examplesLabel = new Label();
        examplesLabel.textProperty().bind(i18n.bind("live.examples.label"));
        examplesLabel.visibleProperty().bind(examples.visibleProperty());
        examplesLabel.managedProperty().bind(examples.visibleProperty());
        boxes.add(examplesLabel, 0, 2);
        boxes.add(examples, 1, 2, 2, 1);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        boxes.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());

        chips.setId("token-chips");
        chips.getStyleClass().add("chips");
        ScrollPane chipScroll = new ScrollPane(chips);
        chipScroll.setFitToWidth(true);
        // the chips wrap, so a horizontal bar is never needed; left AS_NEEDED, the skin counted one into its
        // height on the first re-layout (a tab click), and everything below dropped by a scroll bar's height
        chipScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // as tall as the chips, up to about three rows; longer inputs scroll
        // the chips' height changes during a layout pass (they re-wrap when the width settles), where a new
        // viewport height would wait for the next event to be laid out: set it just after the pass
        chips.heightProperty().addListener((o, a, h) -> javafx.application.Platform.runLater(
                () -> chipScroll.setPrefViewportHeight(Math.min(chips.getHeight(), 96))));
        chipScroll.setPrefViewportHeight(34);
        chipScroll.getStyleClass().add("chip-scroll");

        count.setId("token-count");
        unknown.setId("unknown-note");
        unknown.getStyleClass().add("warn");
        truncated.setId("truncated-note");
        truncated.getStyleClass().add("warn");
        mostlyUnknown.getStyleClass().add("warn");
        Label hint = new Label();
        hint.getStyleClass().add("note");
        hint.textProperty().bind(i18n.bind("live.tokens.hint"));
        Label computing = new Label();
        computing.getStyleClass().add("note");
        computing.textProperty().bind(i18n.bind("live.computing"));
        computing.visibleProperty().bind(vm.computingProperty());
        Label error = new Label();
        error.setId("compute-error");
        error.getStyleClass().add("error");
        error.textProperty().bind(i18n.bind(() -> vm.computeErrorProperty().get() == null ? ""
                : i18n.get("live.error", vm.computeErrorProperty().get()), vm.computeErrorProperty()));
        error.visibleProperty().bind(vm.computeErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        spaceMark.getStyleClass().add("note");
        FlowPane status = new FlowPane(14, 2, count, hint, spaceMark, computing, unknown, truncated, mostlyUnknown);
        status.getStyleClass().add("token-status");

        // the sentence boxes are the controls; the chips and notes below show what they did and stay
        LessonControls.tag(boxes);
        getChildren().addAll(boxes, chipScroll, status, error);
        vm.resultProperty().addListener((o, a, r) -> show(r));
        i18n.localeProperty().addListener((o, a, b) -> show(vm.resultProperty().get()));
    }

    /** Held-out sentences from the model's card, each marked with whether the model got its masked word. */
    private ComboBox<CardExamples.Example> examplesBox() {
        ComboBox<CardExamples.Example> box = new ComboBox<>();
        box.setId("examples");
        box.setMaxWidth(Double.MAX_VALUE);
        box.promptTextProperty().bind(i18n.bind("live.examples.prompt"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind("live.examples.tip"));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        box.setTooltip(tip);
        javafx.util.Callback<javafx.scene.control.ListView<CardExamples.Example>, ListCell<CardExamples.Example>> cells =
                l -> new ListCell<>() {
                    @Override
                    protected void updateItem(CardExamples.Example e, boolean empty) {
                        super.updateItem(e, empty);
                        setText(empty || e == null ? null : exampleText(e));
                    }
                };
        box.setCellFactory(cells);
        box.setButtonCell(cells.call(null));
        Runnable fill = () -> {
            box.getItems().setAll(vm.examplesProperty().get());
            box.setVisible(!box.getItems().isEmpty());
            box.setManaged(box.isVisible());
        };
        vm.examplesProperty().addListener((o, a, b) -> fill.run());
        i18n.localeProperty().addListener((o, a, b) -> {
            box.setButtonCell(cells.call(null)); // re-translate
            fill.run();
        });
        fill.run();
        box.setOnAction(e -> {
            CardExamples.Example chosen = box.getValue();
            if (chosen == null) return;
            vm.applyExample(chosen);
            // back to the prompt: the boxes now hold the example, and the student may change it
            javafx.application.Platform.runLater(() -> box.getSelectionModel().clearSelection());
        });
        return box;
    }

    private String exampleText(CardExamples.Example e) {
        String answer = e.answer().replace(WORD_START, "").replace("##", "");
        String shown = i18n.get(e.correct() ? "live.examples.right" : "live.examples.wrong", e.a());
        return shown + "  [" + answer + "]";
    }

    private Label segmentLabel(String key, String style) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().addAll("segment-label", style);
        return l;
    }

    private void show(LiveResult r) {
        if (r == null) {
            chips.getChildren().clear();
            return;
        }
        TokenizedInput input = r.input();
        List<Label> nodes = new ArrayList<>(input.length());
        for (TokenChip c : input.chips()) nodes.add(chip(c));
        chips.getChildren().setAll(nodes);
        count.setText(i18n.get("live.tokens.count", Integer.toString(input.length())));
        long unk = input.unknownCount();
        unknown.setText(unk == 0 ? "" : i18n.get("live.tokens.unknown", Long.toString(unk)));
        unknown.setVisible(unk > 0);
        unknown.setManaged(unk > 0);
        boolean cut = input.encoding().truncated();
        truncated.setText(cut ? i18n.get("live.tokens.truncated", Integer.toString(r.model().maxTokens())) : "");
        truncated.setVisible(cut);
        truncated.setManaged(cut);
        boolean mostly = input.wordCount() > 0 && unk > MOSTLY_UNKNOWN * input.wordCount() && r.model().untrained();
        mostlyUnknown.setText(mostly ? i18n.get("live.tokens.mostlyUnknown") : "");
        mostlyUnknown.setVisible(mostly);
        mostlyUnknown.setManaged(mostly);
        boolean sentencePiece = input.chips().stream().anyMatch(c -> c.text().startsWith(WORD_START));
        spaceMark.setText(sentencePiece ? i18n.get("live.tokens.wordStart") : "");
        spaceMark.setVisible(sentencePiece);
        spaceMark.setManaged(sentencePiece);
    }

    private Label chip(TokenChip c) {
        Label l = new Label(c.masked() ? "[MASK]" : c.text());
        l.getStyleClass().addAll("chip", c.segment() == 0 ? "seg-a" : "seg-b");
        if (c.unknown()) l.getStyleClass().add("unk");
        if (c.special()) l.getStyleClass().add("special");
        if (c.masked()) l.getStyleClass().add("masked");
        l.setUserData(c);
        Tooltip tip = new Tooltip(c.position() + ": " + c.text() + "  (id " + c.id() + ")");
        l.setTooltip(tip);
        if (!c.special()) l.setOnMouseClicked(e -> vm.toggleMask(c.position()));
        return l;
    }

    /** Marks the chips of a hovered query and key; -1 clears. */
    void highlight(int query, int key) {
        for (var node : chips.getChildren()) {
            TokenChip c = (TokenChip) node.getUserData();
            node.getStyleClass().removeAll("hot-query", "hot-key");
            if (c.position() == query) node.getStyleClass().add("hot-query");
            if (c.position() == key) node.getStyleClass().add("hot-key");
        }
    }

    FlowPane chips() {
        return chips;
    }
}
