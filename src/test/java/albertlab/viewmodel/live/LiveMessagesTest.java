package albertlab.viewmodel.live;

import albertlab.viewmodel.common.I18n;
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

/** The live page's texts take the same arguments in both languages and survive MessageFormat intact. */
class LiveMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void placeholdersMatchAcrossLanguagesAndNoQuoteVanishes() {
        ResourceBundle en = I18n.bundle("live", I18n.ENGLISH);
        ResourceBundle zh = I18n.bundle("live", I18n.CHINESE);
        List<String> problems = new ArrayList<>();
        for (String key : en.keySet()) {
            Set<String> a = placeholders(en.getString(key));
            if (!a.equals(placeholders(zh.getString(key)))) problems.add(key + ": placeholders differ");
            for (ResourceBundle b : List.of(en, zh)) {
                String text = b.getString(key);
                // names of models are always formatted (with the folder name as {0}); other texts only with args
                boolean formatted = !a.isEmpty() || key.startsWith("live.model.builtin");
                if (!formatted) continue;
                String out = new MessageFormat(text).format(a.stream().map(x -> "X").toArray());
                if (out.contains("{") || out.contains("}")) problems.add(key + " keeps a brace");
                if (text.replace("''", "").contains("'")) problems.add(key + " has a lone ' that vanishes");
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
