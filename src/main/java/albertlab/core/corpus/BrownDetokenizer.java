package albertlab.core.corpus;

import java.util.List;
import java.util.Set;

/**
 * Turns one tagged Brown sentence ({@code The/at jury/nn said/vbd ``/`` ... ''/'' ./.}) back into readable text
 * ({@code The jury said "..."}): the tag after the last slash goes, {@code ``} and {@code ''} become {@code "},
 * punctuation closes up to the word before it, an opening bracket or quote to the word after it, and the
 * sentence's period after an abbreviation ({@code Jr. .}) is dropped.
 */
public final class BrownDetokenizer {

    // attach to the previous word: "said ," -> "said,"
    private static final Set<String> CLOSING = Set.of(",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "''");
    // attach to the next word: "( 1" -> "(1"
    private static final Set<String> OPENING = Set.of("(", "[", "{", "``", "$");

    private BrownDetokenizer() {
    }

    /** The word of a tagged token: everything before the last slash ({@code //in} is the word {@code /}). */
    public static String word(String taggedToken) {
        int slash = taggedToken.lastIndexOf('/');
        return slash <= 0 ? taggedToken : taggedToken.substring(0, slash);
    }

    /** One line of a Brown file (tagged tokens separated by white space) as a readable sentence; "" if none. */
    public static String sentence(String taggedLine) {
        String trimmed = taggedLine.strip();
        if (trimmed.isEmpty()) return "";
        return join(List.of(trimmed.split("\\s+")).stream().map(BrownDetokenizer::word).toList());
    }

    /** Words (tags already removed) joined as text. */
    public static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        boolean glueNext = true;
        // Brown writes a lone ' both as opening and as closing single quote; within a sentence they alternate
        boolean singleQuoteOpen = false;
        for (String w : words) {
            boolean closing = CLOSING.contains(w);
            boolean opening = OPENING.contains(w);
            if (w.equals("'")) {
                closing = singleQuoteOpen;
                opening = !singleQuoteOpen;
                singleQuoteOpen = !singleQuoteOpen;
            }
            // "Jr. ." : Brown ends a sentence with its own period even after an abbreviation's
            if (w.equals(".") && sb.length() > 0 && sb.charAt(sb.length() - 1) == '.') continue;
            if (!glueNext && !closing) sb.append(' ');
            sb.append(switch (w) {
                case "``", "''" -> "\"";
                default -> w;
            });
            glueNext = opening;
        }
        return sb.toString();
    }
}
