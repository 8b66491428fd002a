package albertlab.core.tokenizer;

/** The model step of a tokenizer: one pre-tokenized word in, its vocabulary pieces out (Unigram or WordPiece). */
interface SubwordModel {

    /** Splits one word into pieces and appends them with their ids. */
    void tokenize(String word, TokenList out);

    Vocabulary vocabulary();

    default int vocabSize() {
        return vocabulary().size();
    }

    /** The piece of an id, or null when the id is outside the vocabulary. */
    default String idToToken(int id) {
        return vocabulary().token(id);
    }

    /** The id of a piece, or -1 when the vocabulary lacks it. */
    default int tokenToId(String token) {
        return vocabulary().id(token);
    }

    int unkId();

    /** A few words for {@link Tokenizer#description()}, e.g. "Unigram, 30,000 pieces". */
    String describe();
}
