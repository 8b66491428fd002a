package albertlab.core.tokenizer;

/** The model step of a tokenizer: one pre-tokenized word in, its vocabulary pieces out (Unigram or WordPiece). */
interface SubwordModel {

    /** Splits one word into pieces and appends them with their ids. */
    void tokenize(String word, TokenList out);

    int vocabSize();

    /** The piece of an id, or null when the id is outside the vocabulary. */
    String idToToken(int id);

    /** The id of a piece, or -1 when the vocabulary lacks it. */
    int tokenToId(String token);

    int unkId();

    /** A few words for {@link Tokenizer#description()}, e.g. "Unigram, 30,000 pieces". */
    String describe();
}
