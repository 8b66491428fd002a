package albertlab.core.tokenizer;

/**
 * Which kind of file a tokenizer was read from, as data rather than an English sentence, so that a view can say
 * it in the user's language. {@link Tokenizer#description()} stays the detailed English line of the CLI.
 */
public record TokenizerSource(Kind kind, String fileName) {

    public enum Kind {
        /** SentencePiece {@code spiece.model} with Hugging Face's ALBERT rules (albert-base-v2 and friends) */
        SENTENCEPIECE_MODEL,
        /** Hugging Face {@code tokenizer.json} (the fast tokenizer) */
        TOKENIZER_JSON,
        /** BERT WordPiece {@code vocab.txt} (the Chinese ALBERTs) */
        WORDPIECE_VOCAB
    }
}
