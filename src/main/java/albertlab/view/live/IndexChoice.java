package albertlab.view.live;

import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.AttentionMath;
import javafx.beans.property.IntegerProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

import java.util.ArrayList;
import java.util.List;

/**
 * A ComboBox of layer or head indices, shown 1-based, optionally with "mean of all" first; kept in step with an
 * integer property of the view model.
 */
final class IndexChoice extends ComboBox<Integer> {

    private final I18n i18n;
    private final String itemKey;
    private final String meanKey;
    private boolean syncing;

    /** @param meanKey null when the mean is not offered */
    IndexChoice(I18n i18n, String itemKey, String meanKey, IntegerProperty target) {
        this.i18n = i18n;
        this.itemKey = itemKey;
        this.meanKey = meanKey;
        setCellFactory(l -> new Cell());
        // the button shows the converter's text while the value is not (yet) among the items
        setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return text(v);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        setButtonCell(new Cell());
        setVisibleRowCount(14);
        valueProperty().addListener((o, a, v) -> {
            if (!syncing && v != null) target.set(v);
        });
        target.addListener((o, a, v) -> select(v.intValue()));
        i18n.localeProperty().addListener((o, a, b) -> setButtonCell(new Cell()));
        select(target.get());
    }

    /** Offers indices 0..count−1 (and the mean). */
    void setCount(int count, int current) {
        List<Integer> items = new ArrayList<>(count + 1);
        if (meanKey != null) items.add(AttentionMath.MEAN);
        for (int i = 0; i < count; i++) items.add(i);
        if (!items.equals(getItems())) {
            syncing = true;
            getItems().setAll(items);
            syncing = false;
        }
        select(current);
    }

    private void select(int v) {
        syncing = true;
        setValue(getItems().contains(v) || getItems().isEmpty() ? v : null);
        syncing = false;
    }

    String text(Integer v) {
        if (v == null) return "";
        return v == AttentionMath.MEAN ? i18n.get(meanKey) : i18n.get(itemKey, Integer.toString(v + 1));
    }

    private final class Cell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : text(item));
        }
    }
}
