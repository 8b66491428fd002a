package albertlab.core.tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens written in the text that stand for themselves: "[MASK]" in "Paris is the [MASK] of France." is one token,
 * not "▁[", "mask", "]". As in Hugging Face's AddedVocabulary, the text is cut at the leftmost (then longest)
 * match before anything is normalized, and each piece between matches is normalized and tokenized on its own; so
 * the text after a special token starts a new word, which is why "[MASK]." gives [MASK], "▁", ".".
 *
 * @see Token#lstrip() ALBERT's [MASK] swallows the spaces before it
 */
final class AddedTokens {

    /**
     * @param normalized matched against the normalized text instead of the raw text (non-special added words)
     * @param singleWord matched only when not inside a word
     */
    record Token(String content, int id, boolean special, boolean lstrip, boolean rstrip, boolean singleWord,
                 boolean normalized) {
    }

    /** A piece of the input: either plain text ({@code token} null) or one added token. */
    record Segment(String text, Token token) {
    }

    private final List<Token> tokens;
    private final Map<Integer, Token> byId = new HashMap<>();
    private final Map<String, Token> byContent = new HashMap<>();
    /** Raw-text tokens by first char, longest first. */
    private final Map<Character, List<Token>> rawByFirstChar = new HashMap<>();

    AddedTokens(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
        for (Token t : tokens) {
            if (t.content().isEmpty()) continue;
            byId.put(t.id(), t);
            byContent.put(t.content(), t);
            if (!t.normalized()) {
                rawByFirstChar.computeIfAbsent(t.content().charAt(0), k -> new ArrayList<>()).add(t);
            }
        }
        rawByFirstChar.values().forEach(l -> l.sort(Comparator.comparingInt((Token t) -> t.content().length())
                .reversed()));
    }

    List<Token> all() {
        return tokens;
    }

    Token byId(int id) {
        return byId.get(id);
    }

    Token byContent(String content) {
        return byContent.get(content);
    }

    /** Cuts the raw text at the added tokens (the normalized ones are matched later, by the caller). */
    List<Segment> split(String text) {
        List<Segment> out = new ArrayList<>();
        if (rawByFirstChar.isEmpty()) {
            if (!text.isEmpty()) out.add(new Segment(text, null));
            return out;
        }
        int plainStart = 0;
        int i = 0;
        while (i < text.length()) {
            Token match = matchAt(text, i);
            if (match == null) {
                i++;
                continue;
            }
            int start = i;
            int stop = i + match.content().length();
            if (match.lstrip()) {
                int s = start;
                while (s > plainStart && CharClasses.isWhitespace(text.codePointBefore(s))) {
                    s -= Character.charCount(text.codePointBefore(s));
                }
                start = s;
            }
            if (match.rstrip()) {
                while (stop < text.length() && CharClasses.isWhitespace(text.codePointAt(stop))) {
                    stop += Character.charCount(text.codePointAt(stop));
                }
            }
            if (plainStart < start) out.add(new Segment(text.substring(plainStart, start), null));
            out.add(new Segment(text.substring(start, stop), match));
            plainStart = stop;
            i = stop;
        }
        if (plainStart < text.length()) out.add(new Segment(text.substring(plainStart), null));
        return out;
    }

    private Token matchAt(String text, int i) {
        List<Token> candidates = rawByFirstChar.get(text.charAt(i));
        if (candidates == null) return null;
        for (Token t : candidates) {
            if (!text.startsWith(t.content(), i)) continue;
            if (t.singleWord()) {
                int end = i + t.content().length();
                boolean before = i > 0 && CharClasses.isAlphanumeric(text.codePointBefore(i));
                boolean after = end < text.length() && CharClasses.isAlphanumeric(text.codePointAt(end));
                if (before || after) continue;
            }
            return t;
        }
        return null;
    }
}
