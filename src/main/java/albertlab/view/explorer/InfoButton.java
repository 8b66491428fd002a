package albertlab.view.explorer;

import albertlab.viewmodel.explorer.ExplorerTopic;
import albertlab.viewmodel.common.I18n;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The small "?" beside a number or control: hovering shows the explanation as a tooltip, pressing it (mouse,
 * Space or Enter) opens it in the explanation panel, where a teacher can show it large.
 */
final class InfoButton {

    private InfoButton() {
    }

    static Button create(ExplorerTopic topic, ObjectProperty<ExplorerTopic> shown, I18n i18n) {
        Button b = new Button("?");
        b.getStyleClass().add("info-button");
        b.setId("info-" + topic.key().substring(topic.key().lastIndexOf('.') + 1));
        b.accessibleTextProperty().bind(i18n.bind(topic.titleKey()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind(topic.bodyKey()));
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.INDEFINITE);
        b.setTooltip(tip);
        b.setOnAction(e -> shown.set(shown.get() == topic ? null : topic));
        return b;
    }
}
