package albertlab.view.explorer;

import albertlab.view.common.LessonControls;
import albertlab.viewmodel.explorer.ExplorerTopic;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.common.IntInput;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.Set;

/**
 * One size of the model as a row: its letter and name, a slider, a number field and a "?". The slider and the
 * field are bound to the same {@link IntInput}; Enter or leaving the field commits the typed number, Escape
 * puts the field back. Ids: {@code slider-H}, {@code field-H}.
 */
final class InputRow {

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    final Label name = new Label();
    final Slider slider;
    final TextField field = new TextField();
    final Button info;

    InputRow(IntInput in, ExplorerTopic topic, ObjectProperty<ExplorerTopic> shown, I18n i18n,
             ObservableValue<Set<String>> flagged) {
        String sym = in.symbol();
        name.textProperty().bind(i18n.bind("explorer.input." + sym + ".label"));
        name.getStyleClass().add("input-name");
        name.setLabelFor(field);
        name.setMinWidth(Label.USE_PREF_SIZE);

        slider = new Slider(in.sliderMin(), in.sliderMax(), in.sliderProperty().get());
        slider.setId("slider-" + sym);
        slider.setBlockIncrement(in.sliderStep());
        slider.valueProperty().bindBidirectional(in.sliderProperty());
        slider.accessibleTextProperty().bind(name.textProperty());
        slider.setMinWidth(70);
        GridPane.setHgrow(slider, Priority.ALWAYS);

        field.setId("field-" + sym);
        field.setPrefColumnCount(5);
        field.setAlignment(Pos.CENTER_RIGHT);
        field.textProperty().bindBidirectional(in.textProperty());
        field.accessibleTextProperty().bind(name.textProperty());
        field.setOnAction(e -> in.commitText());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) in.commitText();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                in.revertText();
                e.consume();
            }
        });
        // red while this input takes part in a problem the view model reports
        flagged.addListener((obs, old, set) -> field.pseudoClassStateChanged(INVALID, set.contains(sym)));
        field.pseudoClassStateChanged(INVALID, flagged.getValue().contains(sym));

        info = InfoButton.create(topic, shown, i18n);
    }

    void addTo(GridPane grid, int row) {
        grid.addRow(row, name, slider, field, info);
    }

    /** The row's four cells are one group of controls for presenter mode (they hide together). */
    void tagAsLessonControl() {
        LessonControls.tagTogether(name, slider, field, info);
    }

    void setDisable(javafx.beans.value.ObservableValue<Boolean> disabled) {
        slider.disableProperty().bind(disabled);
        field.disableProperty().bind(disabled);
        name.disableProperty().bind(disabled);
    }
}
