package albertlab.view.explorer;

import albertlab.viewmodel.explorer.ExplorerTopic;
import albertlab.viewmodel.common.I18n;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The side panel that shows the explanation a "?" asked for, in the current language; hidden when none is. */
final class ExplanationPanel extends VBox {

    ExplanationPanel(ObjectProperty<ExplorerTopic> topic, I18n i18n) {
        setId("explanation");
        getStyleClass().add("explanation");
        Label title = new Label();
        title.setId("explanation-title");
        title.getStyleClass().add("explanation-title");
        title.setWrapText(true);
        title.textProperty().bind(i18n.bind(() -> topic.get() == null ? "" : i18n.get(topic.get().titleKey()), topic));
        Button close = new Button("×");
        close.setId("explanation-close");
        close.getStyleClass().add("close-button");
        close.accessibleTextProperty().bind(i18n.bind("explorer.explanation.close"));
        close.setOnAction(e -> topic.set(null));
        close.setMinWidth(Button.USE_PREF_SIZE);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox header = new HBox(8, title, close);
        header.setAlignment(Pos.TOP_LEFT);

        Label body = new Label();
        body.setId("explanation-body");
        body.getStyleClass().add("explanation-body");
        body.setWrapText(true);
        body.textProperty().bind(i18n.bind(() -> topic.get() == null ? "" : i18n.get(topic.get().bodyKey()), topic));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("explanation-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        getChildren().addAll(header, scroll);
        visibleProperty().bind(topic.isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
