package albertlab.viewmodel.common;

import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The app and explorer texts format the same way in both languages: a text with {0} in one language has it in
 * the other, and a text without placeholders never contains the doubled quote that only MessageFormat undoes
 * (I18n formats only texts it is given arguments for).
 */
class MessageFormatTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void placeholdersMatchAcrossLanguagesAndQuotesAreRight() {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("app", "explorer")) {
            ResourceBundle en = I18n.bundle(name, I18n.ENGLISH);
            ResourceBundle zh = I18n.bundle(name, I18n.CHINESE);
            for (String key : en.keySet()) {
                Set<String> a = placeholders(en.getString(key));
                Set<String> b = placeholders(zh.getString(key));
                if (!a.equals(b)) problems.add(key + ": en " + a + " zh " + b);
                for (ResourceBundle bundle : List.of(en, zh)) {
                    String text = bundle.getString(key);
                    if (a.isEmpty() && text.contains("''")) problems.add(key + " has '' but is not formatted");
                    if (!a.isEmpty()) {
                        Object[] args = a.stream().map(x -> "X").toArray();
                        String formatted = new MessageFormat(text).format(args);
                        if (formatted.contains("{")) problems.add(key + " keeps a brace after formatting");
                        if (text.replace("''", "").contains("'")) problems.add(key + " has a lone ' that vanishes");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
