package albertlab.core.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * BERT's WordPiece: each word is cut greedily, longest vocabulary entry first, the pieces after the first spelled
 * with "##" ("playing" -> "play", "##ing"). A word with any part missing from the vocabulary, or longer than
 * {@code maxInputCharsPerWord} characters, becomes one [UNK]. The longest match is found with one walk of a byte
 * trie instead of trying ever shorter substrings.
 */
final class WordPiece implements SubwordModel {

    private final Vocabulary vocabulary;
    private final ByteTrie wordStarts;
    private final ByteTrie continuations;
    private final String unkToken;
    private final int unkId;
    private final int maxInputCharsPerWord;

    /**
     * @param vocab tokens by id (an id without a token is null)
     * @throws IllegalArgumentException when the unknown token is not in the vocabulary
     */
    WordPiece(String[] vocab, String unkToken, String prefix, int maxInputCharsPerWord) {
        this.vocabulary = new Vocabulary(vocab);
        int unk = vocabulary.id(unkToken);
        if (unk < 0) throw new IllegalArgumentException("the unknown token " + unkToken + " is not in the vocabulary");
        this.unkToken = unkToken;
        this.unkId = unk;
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        List<String> starts = new ArrayList<>();
        List<String> conts = new ArrayList<>();
        int[] values = new int[vocab.length];
        for (int i = 0; i < vocab.length; i++) {
            String t = vocab[i];
            values[i] = t == null ? -1 : vocabulary.id(t);
            starts.add(t);
            conts.add(t != null && !prefix.isEmpty() && t.startsWith(prefix) ? t.substring(prefix.length()) : null);
        }
        this.wordStarts = ByteTrie.build(starts, values);
        this.continuations = ByteTrie.build(conts, values);
    }

    @Override
    public void tokenize(String word, TokenList out) {
        if (word.codePointCount(0, word.length()) > maxInputCharsPerWord) {
            out.add(unkToken, unkId);
            return;
        }
        byte[] s = word.getBytes(StandardCharsets.UTF_8);
        int mark = out.size();
        int start = 0;
        while (start < s.length) {
            ByteTrie trie = start == 0 ? wordStarts : continuations;
            int bestEnd = -1;
            int bestId = -1;
            int node = ByteTrie.ROOT;
            for (int k = start; k < s.length; k++) {
                node = trie.child(node, s[k] & 0xFF);
                if (node < 0) break;
                int id = trie.value(node);
                if (id >= 0) {
                    bestEnd = k + 1;
                    bestId = id;
                }
            }
            if (bestId < 0) {
                out.truncate(mark);
                out.add(unkToken, unkId);
                return;
            }
            out.add(vocabulary.token(bestId), bestId);
            start = bestEnd;
        }
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int unkId() {
        return unkId;
    }

    @Override
    public String describe() {
        return String.format("WordPiece, %,d entries", vocabulary.size());
    }
}
