package albertlab.core.tokenizer;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of a Hugging Face normalizer (the {@code "normalizer"} of tokenizer.json): text in, text out. The
 * implementations are the steps ALBERT and BERT tokenizers use, each with the Rust library's definition.
 */
interface TextNormalizer {

    String normalize(String text);

    /** The step's tokenizer.json type, for descriptions. */
    String name();

    /** Steps applied one after the other. */
    record Sequence(List<TextNormalizer> steps) implements TextNormalizer {
        public Sequence {
            steps = List.copyOf(steps);
        }

        @Override
        public String normalize(String text) {
            for (TextNormalizer s : steps) text = s.normalize(text);
            return text;
        }

        @Override
        public String name() {
            return String.join(", ", steps.stream().map(TextNormalizer::name).toList());
        }
    }

    /** Replace every occurrence of a literal string ({@code Replace} with a String pattern). */
    record ReplaceLiteral(String pattern, String content) implements TextNormalizer {
        @Override
        public String normalize(String text) {
            return pattern.isEmpty() ? text : text.replace(pattern, content);
        }

        @Override
        public String name() {
            return "Replace '" + pattern + "' -> '" + content + "'";
        }
    }

    /** Replace every match of a regular expression ({@code Replace} with a Regex pattern). */
    record ReplaceRegex(Pattern pattern, String content) implements TextNormalizer {
        @Override
        public String normalize(String text) {
            return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(content));
        }

        @Override
        public String name() {
            return "Replace /" + pattern.pattern() + "/ -> '" + content + "'";
        }
    }

    /** One of the four Unicode normal forms. */
    record UnicodeForm(Normalizer.Form form) implements TextNormalizer {
        @Override
        public String normalize(String text) {
            return Normalizer.normalize(text, form);
        }

        @Override
        public String name() {
            return form.name();
        }
    }

    /** Removes combining marks (general category M): after NFKD this strips accents, é -> e. */
    record StripAccents() implements TextNormalizer {
        @Override
        public String normalize(String text) {
            StringBuilder out = null;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                if (CharClasses.isMark(cp)) {
                    if (out == null) out = new StringBuilder(text.length()).append(text, 0, i);
                } else if (out != null) {
                    out.appendCodePoint(cp);
                }
                i += n;
            }
            return out == null ? text : out.toString();
        }

        @Override
        public String name() {
            return "StripAccents";
        }
    }

    /** Lower-cases code point by code point (no final-sigma rule, as Rust's {@code char::to_lowercase}). */
    record Lowercase() implements TextNormalizer {
        @Override
        public String normalize(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); ) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                    i++;
                } else {
                    int cp = text.codePointAt(i);
                    CharClasses.appendLowerCase(out, cp);
                    i += Character.charCount(cp);
                }
            }
            return out.toString();
        }

        @Override
        public String name() {
            return "Lowercase";
        }
    }

    /** SentencePiece's compiled rules (see {@link PrecompiledCharsMap}); whitespace is left to the pre-tokenizer. */
    record Precompiled(PrecompiledCharsMap charsMap) implements TextNormalizer {
        @Override
        public String normalize(String text) {
            return charsMap.normalize(text);
        }

        @Override
        public String name() {
            return "Precompiled";
        }
    }

    /** Removes leading and/or trailing whitespace. */
    record Strip(boolean left, boolean right) implements TextNormalizer {
        @Override
        public String normalize(String text) {
            int from = 0;
            int to = text.length();
            while (left && from < to && CharClasses.isWhitespace(text.codePointAt(from))) {
                from += Character.charCount(text.codePointAt(from));
            }
            while (right && to > from && CharClasses.isWhitespace(text.codePointBefore(to))) {
                to -= Character.charCount(text.codePointBefore(to));
            }
            return text.substring(from, to);
        }

        @Override
        public String name() {
            return "Strip";
        }
    }

    /**
     * BERT's normalizer: drop NUL, U+FFFD and control characters and turn every whitespace into a space; put
     * spaces around CJK ideographs; strip accents (NFD, then no Mn) and lower-case when asked.
     */
    record Bert(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase)
            implements TextNormalizer {
        @Override
        public String normalize(String text) {
            StringBuilder out = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (cleanText) {
                    if (cp == 0 || cp == 0xFFFD || CharClasses.isBertControl(cp)) continue;
                    if (cp == '\t' || cp == '\n' || cp == '\r' || CharClasses.isWhitespace(cp)) cp = ' ';
                }
                if (handleChineseChars && CharClasses.isCjkIdeograph(cp)) {
                    out.append(' ').appendCodePoint(cp).append(' ');
                } else {
                    out.appendCodePoint(cp);
                }
            }
            String s = out.toString();
            if (stripAccents) {
                String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
                StringBuilder kept = new StringBuilder(nfd.length());
                nfd.codePoints().filter(cp -> !CharClasses.isNonSpacingMark(cp)).forEach(kept::appendCodePoint);
                s = kept.toString();
            }
            return lowercase ? new Lowercase().normalize(s) : s;
        }

        @Override
        public String name() {
            return "BertNormalizer(lowercase=" + lowercase + ", strip_accents=" + stripAccents + ")";
        }
    }
}
