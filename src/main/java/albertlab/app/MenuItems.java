package albertlab.app;

import albertlab.viewmodel.common.I18n;
import javafx.scene.control.MenuItem;

/** Menu entries as every menu of the shell makes them: an id for tests, a translated text, an Alt mnemonic. */
final class MenuItems {

    private MenuItems() {
    }

    /** {@code item} (a MenuItem, Menu or CheckMenuItem) with its id and the text of {@code key}, "_" marking its mnemonic. */
    static <T extends MenuItem> T labelled(T item, I18n i18n, String key, String id) {
        item.setId(id);
        item.textProperty().bind(i18n.bind(key));
        item.setMnemonicParsing(true);
        return item;
    }
}
