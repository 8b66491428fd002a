package albertlab.core.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tokens and their ids as they are produced, before special tokens, truncation and padding. */
final class TokenList {

    private final List<String> tokens = new ArrayList<>();
    private int[] ids = new int[16];

    void add(String token, int id) {
        if (tokens.size() == ids.length) ids = Arrays.copyOf(ids, ids.length * 2);
        ids[tokens.size()] = id;
        tokens.add(token);
    }

    int size() {
        return tokens.size();
    }

    String token(int i) {
        return tokens.get(i);
    }

    int id(int i) {
        return ids[i];
    }

    /** Keeps the first {@code n} tokens. */
    void truncate(int n) {
        if (n < tokens.size()) tokens.subList(n, tokens.size()).clear();
    }

    List<String> tokens() {
        return tokens;
    }

    int[] ids() {
        return Arrays.copyOf(ids, tokens.size());
    }
}
