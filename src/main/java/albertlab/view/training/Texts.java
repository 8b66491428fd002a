package albertlab.view.training;

import albertlab.viewmodel.common.I18n;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

import java.util.function.Function;

/** The Training page's small text pieces: translated labels and headings, and list converters. */
final class Texts {

    private Texts() {
    }

    static Label label(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        return l;
    }

    static Label heading(I18n i18n, String key) {
        Label l = label(i18n, key);
        l.getStyleClass().add("section-heading");
        return l;
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
