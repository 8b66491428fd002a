package albertlab.view.live;

import albertlab.view.common.HeatmapView;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.LiveModel;
import albertlab.viewmodel.live.LiveModelViewModel;
import albertlab.viewmodel.live.LiveResult;
import albertlab.core.model.TokenGuess;
import albertlab.viewmodel.live.SentenceOrder;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The pre-training heads at work: the MLM head's top guesses for the masked token, and the SOP head's verdict on
 * the pair in both orders. A panel whose head the model lacks is replaced by the reason.
 */
final class PredictionsPane extends HBox {

    private final LiveModelViewModel vm;
    private final I18n i18n;
    private final GridPane guesses = new GridPane();
    private final Label maskedTitle = new Label();
    private final Label sopGiven = new Label();
    private final Label sopSwapped = new Label();
    private final ProgressBar givenBar = new ProgressBar(0);
    private final ProgressBar swappedBar = new ProgressBar(0);

    PredictionsPane(LiveModelViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        getStyleClass().add("tab-body");
        setSpacing(24);

        BooleanBinding hasMlm = Bindings.createBooleanBinding(() -> model() != null && model().hasMlmHead(),
                vm.modelProperty());
        BooleanBinding hasSop = Bindings.createBooleanBinding(() -> model() != null && model().hasSopHead(),
                vm.modelProperty());
        BooleanBinding untrained = Bindings.createBooleanBinding(() -> model() != null && model().untrained(),
                vm.modelProperty());

        // MLM
        Label mlmTitle = text("live.mlm.title", "section-title");
        Label mlmHint = text("live.mlm.hint", "note");
        Label mlmUntrained = text("live.mlm.untrained", "warn");
        mlmUntrained.visibleProperty().bind(untrained);
        mlmUntrained.managedProperty().bind(untrained);
        guesses.setId("mlm-guesses");
        guesses.setHgap(10);
        guesses.setVgap(3);
        maskedTitle.getStyleClass().add("subtitle");
        VBox mlmBody = new VBox(6, mlmHint, mlmUntrained, maskedTitle, guesses);
        mlmBody.visibleProperty().bind(hasMlm);
        mlmBody.managedProperty().bind(hasMlm);
        Label mlmNone = text("live.mlm.none", "reason");
        mlmNone.setId("mlm-missing");
        mlmNone.visibleProperty().bind(hasMlm.not());
        mlmNone.managedProperty().bind(hasMlm.not());
        VBox mlm = new VBox(8, mlmTitle, mlmBody, mlmNone);
        mlm.setId("mlm-panel");
        mlm.getStyleClass().add("panel");
        HBox.setHgrow(mlm, Priority.ALWAYS);

        // SOP
        Label sopTitle = text("live.sop.title", "section-title");
        Label sopHint = text("live.sop.hint", "note");
        Label sopUntrained = text("live.mlm.untrained", "warn");
        sopUntrained.visibleProperty().bind(untrained);
        sopUntrained.managedProperty().bind(untrained);
        sopGiven.setId("sop-given");
        sopSwapped.setId("sop-swapped");
        givenBar.setPrefWidth(260);
        swappedBar.setPrefWidth(260);
        Button swap = new Button();
        swap.setId("sop-swap");
        swap.textProperty().bind(i18n.bind("live.sop.swap"));
        swap.setOnAction(e -> vm.swapSentences());
        BooleanBinding hasPair = vm.sentenceOrderProperty().isNotNull();
        VBox sopValues = new VBox(6, sopGiven, givenBar, sopSwapped, swappedBar, swap);
        sopValues.visibleProperty().bind(hasPair);
        sopValues.managedProperty().bind(hasPair);
        VBox sopBody = new VBox(6, sopHint, sopUntrained, sopValues);
        sopBody.visibleProperty().bind(hasSop);
        sopBody.managedProperty().bind(hasSop);
        Label sopNone = text("live.sop.none", "reason");
        sopNone.setId("sop-missing");
        sopNone.visibleProperty().bind(hasSop.not());
        sopNone.managedProperty().bind(hasSop.not());
        VBox sop = new VBox(8, sopTitle, sopBody, sopNone);
        sop.setId("sop-panel");
        sop.getStyleClass().add("panel");
        HBox.setHgrow(sop, Priority.ALWAYS);

        getChildren().addAll(mlm, sop);
        vm.predictionsProperty().addListener((o, a, b) -> showGuesses());
        vm.sentenceOrderProperty().addListener((o, a, b) -> showOrder());
        i18n.localeProperty().addListener((o, a, b) -> {
            showGuesses();
            showOrder();
        });
    }

    private LiveModel model() {
        return vm.modelProperty().get();
    }

    private Label text(String key, String style) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        return l;
    }

    private void showGuesses() {
        guesses.getChildren().clear();
        LiveResult r = vm.resultProperty().get();
        List<TokenGuess> list = vm.predictionsProperty().get();
        if (r == null || list.isEmpty()) {
            maskedTitle.setText("");
            return;
        }
        int pos = r.input().maskedPosition();
        maskedTitle.setText(i18n.get("live.mlm.for", Integer.toString(pos), r.input().chips().get(pos).text()));
        for (int i = 0; i < list.size(); i++) {
            TokenGuess p = list.get(i);
            Label token = new Label(p.token());
            token.getStyleClass().add("guess-token");
            ProgressBar bar = new ProgressBar(p.probability());
            bar.setPrefWidth(220);
            Label value = new Label(HeatmapView.format(100 * p.probability(), 2) + " %");
            guesses.addRow(i, new Label((i + 1) + "."), token, bar, value);
        }
    }

    private void showOrder() {
        SentenceOrder o = vm.sentenceOrderProperty().get();
        if (o == null) return;
        sopGiven.setText(i18n.get("live.sop.given", HeatmapView.format(o.givenInOrder(), 3)));
        sopSwapped.setText(i18n.get("live.sop.swapped", HeatmapView.format(o.swappedInOrder(), 3)));
        givenBar.setProgress(o.givenInOrder());
        swappedBar.setProgress(o.swappedInOrder());
    }

    GridPane guesses() {
        return guesses;
    }
}
