package albertlab.core.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Cleans the text of one poem of chinese-poetry and cuts it into poem lines. The package's editors left notes in the
 * verse: {@code （一作…）} variants and sources in brackets, {@code 〖1〗} footnote marks, {@code 〔…〕} sub-headings,
 * and {@code [字]} / {@code ［字］} around restored characters. Notes go, restored characters stay. A poem that
 * still holds anything but Han characters and punctuation (a lost character {@code □} or {@code ●}, a described
 * glyph {@code {上休下鳥}}, Latin letters, digits, kana from a wrong encoding) is not verse a model should learn,
 * and is dropped whole.
 */
final class PoemLines {

    /** Besides Han characters, a kept poem holds only these. */
    private static final String PUNCTUATION = "，。、？！：；“”‘’《》「」『』…—·- ?!,:;\"'．";

    private PoemLines() {
    }

    /**
     * The cleaned text; "" when nothing but a note was there (the paragraph goes, the poem stays); null when the
     * poem has to be dropped.
     */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '（', '(', '〖', '〔' -> depth++;
                case '）', ')', '〗', '〕' -> depth = Math.max(0, depth - 1);
                case '[', ']', '［', '］' -> {
                    // brackets around a restored character: keep the character, drop the brackets
                }
                default -> {
                    if (depth == 0) sb.append(c);
                }
            }
        }
        String out = sb.toString().strip();
        if (depth != 0) return null;
        boolean anyHan = false;
        for (int i = 0; i < out.length(); ) {
            int cp = out.codePointAt(i);
            i += Character.charCount(cp);
            boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (!han && PUNCTUATION.indexOf(cp) < 0) return null;
            anyHan |= han;
        }
        if (!anyHan) return "";
        return out;
    }

    /**
     * Cuts a paragraph after each 。！？；, keeping closing quotes with the line they close, and after ! ? ; too
     * (some collections use ASCII punctuation). Spaces inside a line stay (弟子规 separates its three-character
     * phrases by spaces).
     */
    static List<String> split(String paragraph) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = paragraph.length();
        for (int i = 0; i < n; i++) {
            if (isStop(paragraph.charAt(i))) {
                int end = i + 1;
                while (end < n && isClosingQuote(paragraph.charAt(end))) end++;
                add(lines, paragraph.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        add(lines, paragraph.substring(start));
        return lines;
    }

    private static void add(List<String> lines, String line) {
        String s = line.strip();
        // a stray stop left by a removed note ("流。〖1〗。") is not a line
        if (s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) lines.add(s);
    }

    private static boolean isStop(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';';
    }

    private static boolean isClosingQuote(char c) {
        return c == '”' || c == '’' || c == '」' || c == '』' || c == '》' || c == '"';
    }
}
