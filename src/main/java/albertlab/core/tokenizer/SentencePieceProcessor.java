package albertlab.core.tokenizer;

import java.util.List;

/**
 * Raw SentencePiece, as {@code sentencepiece.SentencePieceProcessor.encode} gives it: the model's own normalizer
 * and Unigram scoring, no lower-casing, no special tokens. Keras-hub and TensorFlow Text tokenize ALBERT this
 * way; Hugging Face does not (see {@link AlbertSentencePiece}).
 */
public final class SentencePieceProcessor {

    private final SentencePieceNormalizer normalizer;
    private final Unigram unigram;

    public SentencePieceProcessor(SentencePieceModel model) {
        this.normalizer = new SentencePieceNormalizer(model);
        this.unigram = Unigram.sentencePiece(model);
    }

    /** The text after SentencePiece's normalization, with "▁" for spaces (what the lattice sees). */
    public String normalize(String text) {
        return new String(normalizer.normalize(text), java.nio.charset.StandardCharsets.UTF_8);
    }

    public List<String> encodeAsPieces(String text) {
        return encode(text).tokens();
    }

    public int[] encodeAsIds(String text) {
        return encode(text).ids();
    }

    private TokenList encode(String text) {
        TokenList out = new TokenList();
        byte[] normalized = normalizer.normalize(text);
        if (normalized.length > 0) unigram.tokenizeBytes(normalized, out);
        return out;
    }
}
