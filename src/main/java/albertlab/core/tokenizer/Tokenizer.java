package albertlab.core.tokenizer;

/** Text to token ids and back, as Hugging Face's tokenizer for the same files would do it. */
public interface Tokenizer {

    /** Encodes one text, or a pair when {@code pair} is not null. */
    Encoding encode(String text, String pair, EncodeOptions options);

    default Encoding encode(String text) {
        return encode(text, null, EncodeOptions.DEFAULT);
    }

    /** [CLS] text [SEP] pair [SEP], no length limit. */
    default Encoding encode(String text, String pair) {
        return encode(text, pair, EncodeOptions.DEFAULT);
    }

    /** Text of the ids; special tokens are left out when asked. */
    String decode(int[] ids, boolean skipSpecialTokens);

    /** The piece for one id, as the vocabulary spells it (e.g. "▁capital" or "##ing"). */
    String idToToken(int id);

    /** The id of a piece, or the unknown id when the vocabulary has none. */
    int tokenToId(String token);

    int vocabSize();

    int maskId();

    int padId();

    /** Which kind of tokenizer and file this is, for the user: e.g. "SentencePiece Unigram (spiece.model)". */
    String description();

    /** The kind of file this tokenizer came from, or null when it was built in memory. */
    default TokenizerSource source() {
        return null;
    }
}
