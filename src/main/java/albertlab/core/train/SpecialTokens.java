package albertlab.core.train;

import albertlab.core.tokenizer.Tokenizer;

/** The ids that frame and mask a pre-training sequence, looked up in the tokenizer's vocabulary. */
public record SpecialTokens(int cls, int sep, int mask, int pad, int vocabSize) {

    /** IllegalArgumentException when the vocabulary lacks [CLS], [SEP] or [MASK]. */
    public static SpecialTokens of(Tokenizer tokenizer) {
        int unknown = tokenizer.tokenToId("\u0000no such piece\u0000");
        int cls = require(tokenizer, "[CLS]", unknown);
        int sep = require(tokenizer, "[SEP]", unknown);
        int mask = tokenizer.maskId();
        if (mask < 0 || mask == unknown) throw new IllegalArgumentException("the tokenizer has no [MASK] token");
        return new SpecialTokens(cls, sep, mask, tokenizer.padId(), tokenizer.vocabSize());
    }

    private static int require(Tokenizer tokenizer, String piece, int unknown) {
        int id = tokenizer.tokenToId(piece);
        if (id == unknown) throw new IllegalArgumentException("the tokenizer has no " + piece + " token");
        return id;
    }

    public boolean isSpecial(int id) {
        return id == cls || id == sep || id == mask || id == pad;
    }
}
