package albertlab.core.tokenizer;

import java.util.List;

/** Turns tokens back into text (the {@code "decoder"} of tokenizer.json). */
interface TokenDecoder {

    String decode(List<String> tokens);

    /** No decoder: tokens joined by spaces. */
    record Join() implements TokenDecoder {
        @Override
        public String decode(List<String> tokens) {
            return String.join(" ", tokens);
        }
    }

    /** "▁" becomes a space again; the first token's "▁" (the dummy prefix) is dropped. */
    record Metaspace(char replacement, boolean dropFirst) implements TokenDecoder {
        @Override
        public String decode(List<String> tokens) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                for (int k = 0; k < t.length(); k++) {
                    char c = t.charAt(k);
                    if (c != replacement) {
                        sb.append(c);
                    } else if (i != 0 || !dropFirst) {
                        sb.append(' ');
                    }
                }
            }
            return sb.toString();
        }
    }

    /**
     * "##ing" is glued to the token before it, other tokens get a space; with {@code cleanup} the spaces before
     * punctuation and English contractions are taken out again ("do n't" -> "don't").
     */
    record WordPiece(String prefix, boolean cleanup) implements TokenDecoder {
        @Override
        public String decode(List<String> tokens) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                if (i != 0) t = t.startsWith(prefix) ? t.substring(prefix.length()) : " " + t;
                sb.append(cleanup ? cleanUp(t) : t);
            }
            return sb.toString();
        }

        static String cleanUp(String s) {
            return s.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",")
                    .replace(" ' ", "'").replace(" n't", "n't").replace(" 'm", "'m").replace(" do not", " don't")
                    .replace(" 's", "'s").replace(" 've", "'ve").replace(" 're", "'re");
        }
    }
}
