package albertlab.core.tokenizer;

import java.util.HashMap;
import java.util.Map;

/** Tokens by id and ids by token: the lookup that Unigram and WordPiece share. */
final class Vocabulary {

    private final String[] tokens;
    private final Map<String, Integer> ids;

    /** @param tokens tokens by id; an id without a token is null; a token listed twice maps to its last id */
    Vocabulary(String[] tokens) {
        this.tokens = tokens.clone();
        this.ids = new HashMap<>(tokens.length * 2);
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] != null) ids.put(tokens[i], i);
        }
    }

    int size() {
        return tokens.length;
    }

    /** The token of an id, or null when the id is outside the vocabulary. */
    String token(int id) {
        return id >= 0 && id < tokens.length ? tokens[id] : null;
    }

    /** The id of a token, or -1. */
    int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }
}
