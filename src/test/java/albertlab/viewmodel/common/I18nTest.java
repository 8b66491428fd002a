package albertlab.viewmodel.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every visible string exists in Simplified Chinese and English. */
class I18nTest {

    @Test
    void everyKeyExistsInBothLanguagesAndIsNotBlank() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String name : I18n.BUNDLES) {
            ResourceBundle en;
            ResourceBundle zh;
            try {
                en = I18n.bundle(name, I18n.ENGLISH);
                zh = I18n.bundle(name, I18n.CHINESE);
            } catch (MissingResourceException e) {
                problems.add("bundle " + name + " is missing in one language");
                continue;
            }
            Set<String> enKeys = new TreeSet<>(en.keySet());
            Set<String> zhKeys = new TreeSet<>(zh.keySet());
            for (String k : enKeys) if (!zhKeys.contains(k)) problems.add(name + ": zh_CN lacks " + k);
            for (String k : zhKeys) if (!enKeys.contains(k)) problems.add(name + ": en lacks " + k);
            for (String k : enKeys) {
                checked++;
                if (en.getString(k).isBlank()) problems.add(name + ": en " + k + " is blank");
                if (zhKeys.contains(k) && zh.getString(k).isBlank()) problems.add(name + ": zh " + k + " is blank");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 0);
    }

    @Test
    void switchingLanguageChangesTheBoundText() {
        I18n i18n = new I18n(I18n.ENGLISH);
        var title = i18n.bind("app.title");
        String english = title.get();
        i18n.setLocale(I18n.CHINESE);
        assertFalse(english.equals(title.get()));
        assertTrue(title.get().contains("实验室"));
    }

    @Test
    void anyChineseLocaleMeansSimplifiedChineseAndOthersEnglish() {
        assertEquals(I18n.CHINESE, I18n.supported(java.util.Locale.TRADITIONAL_CHINESE));
        assertEquals(I18n.ENGLISH, I18n.supported(java.util.Locale.GERMANY));
    }
}
