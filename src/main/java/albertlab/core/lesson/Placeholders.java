package albertlab.core.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills "{params.total}" in a lesson's text with the live number; "{{" and "}}" are literal braces. A name with no
 * value now (the Live page shows an untrained model, so there is no card) reads "—".
 */
public final class Placeholders {

    static final Pattern NAME = Pattern.compile("\\{([A-Za-z][A-Za-z0-9.]*)}");
    public static final String MISSING = "—";

    private Placeholders() {
    }

    public static String fill(String text, Map<String, LessonValue> values) {
        String escaped = text.replace("{{", "\u0001").replace("}}", "\u0002");
        Matcher m = NAME.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            LessonValue v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? MISSING : v.format()));
        }
        m.appendTail(out);
        return out.toString().replace('\u0001', '{').replace('\u0002', '}');
    }

    /** The names a text uses, in order. */
    public static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NAME.matcher(text.replace("{{", "").replace("}}", ""));
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
