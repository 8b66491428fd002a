package albertlab.core.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * A Hugging Face pre-tokenizer: cuts normalized text into words before the model sees them. Working word by word
 * is also what keeps long inputs linear: the Viterbi lattice is never longer than a word.
 */
interface PreTokenizer {

    /**
     * Appends the words of {@code text}.
     *
     * @param atStart whether {@code text} starts the whole input (Metaspace's "first" scheme needs it)
     */
    void split(String text, boolean atStart, List<String> out);

    String name();

    record Sequence(List<PreTokenizer> steps) implements PreTokenizer {
        public Sequence {
            steps = List.copyOf(steps);
        }

        @Override
        public void split(String text, boolean atStart, List<String> out) {
            if (steps.size() == 2 && steps.get(0) instanceof WhitespaceSplit
                    && steps.get(1) instanceof Metaspace m && m.prependScheme() != Metaspace.PrependScheme.FIRST) {
                // ALBERT's pair, fused: one substring per word instead of three (same result)
                m.splitWords(text, out);
                return;
            }
            List<String> current = List.of(text);
            List<Boolean> starts = List.of(atStart);
            for (PreTokenizer step : steps) {
                List<String> next = new ArrayList<>();
                List<Boolean> nextStarts = new ArrayList<>();
                for (int i = 0; i < current.size(); i++) {
                    int before = next.size();
                    step.split(current.get(i), starts.get(i), next);
                    for (int k = before; k < next.size(); k++) nextStarts.add(starts.get(i) && k == before);
                }
                current = next;
                starts = nextStarts;
            }
            out.addAll(current);
        }

        @Override
        public String name() {
            return String.join(" + ", steps.stream().map(PreTokenizer::name).toList());
        }
    }

    /** Splits on Unicode whitespace, which is dropped. */
    record WhitespaceSplit() implements PreTokenizer {
        @Override
        public void split(String text, boolean atStart, List<String> out) {
            int start = -1;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (CharClasses.isWhitespace(cp)) {
                    if (start >= 0) out.add(text.substring(start, i));
                    start = -1;
                } else if (start < 0) {
                    start = i;
                }
                i += Character.charCount(cp);
            }
            if (start >= 0) out.add(text.substring(start));
        }

        @Override
        public String name() {
            return "WhitespaceSplit";
        }
    }

    /**
     * SentencePiece's word marker: spaces become "▁", a "▁" is put in front (always, or only at the start of the
     * input, or never), and the text is cut before each "▁" so that every word carries its own.
     */
    record Metaspace(char replacement, PrependScheme prependScheme, boolean splitOnReplacement)
            implements PreTokenizer {

        enum PrependScheme { ALWAYS, FIRST, NEVER }

        @Override
        public void split(String text, boolean atStart, List<String> out) {
            if (text.isEmpty()) return;
            String s = text.replace(' ', replacement);
            boolean prepend = prependScheme == PrependScheme.ALWAYS || (prependScheme == PrependScheme.FIRST && atStart);
            if (prepend && s.charAt(0) != replacement) s = replacement + s;
            if (!splitOnReplacement) {
                out.add(s);
                return;
            }
            int start = 0;
            for (int i = 1; i < s.length(); i++) {
                if (s.charAt(i) == replacement) {
                    out.add(s.substring(start, i));
                    start = i;
                }
            }
            out.add(s.substring(start));
        }

        /** WhitespaceSplit then this, in one pass: words hold no spaces, so only the marker needs adding. */
        void splitWords(String text, List<String> out) {
            boolean prepend = prependScheme == PrependScheme.ALWAYS;
            int start = -1;
            for (int i = 0; i <= text.length(); ) {
                int cp = i < text.length() ? text.codePointAt(i) : ' ';
                if (CharClasses.isWhitespace(cp)) {
                    if (start >= 0) {
                        String word = text.substring(start, i);
                        if (word.indexOf(replacement) >= 0) {
                            split(word, false, out);
                        } else {
                            out.add(prepend ? replacement + word : word);
                        }
                    }
                    start = -1;
                } else if (start < 0) {
                    start = i;
                }
                i += i < text.length() ? Character.charCount(cp) : 1;
            }
        }

        @Override
        public String name() {
            return "Metaspace";
        }
    }

    /** BERT's: split on whitespace (dropped), then every punctuation character on its own. */
    record Bert() implements PreTokenizer {
        @Override
        public void split(String text, boolean atStart, List<String> out) {
            int start = -1;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                if (CharClasses.isWhitespace(cp)) {
                    if (start >= 0) out.add(text.substring(start, i));
                    start = -1;
                } else if (CharClasses.isBertPunctuation(cp)) {
                    if (start >= 0) out.add(text.substring(start, i));
                    out.add(text.substring(i, i + n));
                    start = -1;
                } else if (start < 0) {
                    start = i;
                }
                i += n;
            }
            if (start >= 0) out.add(text.substring(start));
        }

        @Override
        public String name() {
            return "BertPreTokenizer";
        }
    }
}
