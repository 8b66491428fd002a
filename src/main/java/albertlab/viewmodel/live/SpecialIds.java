package albertlab.viewmodel.live;

import albertlab.core.tokenizer.Tokenizer;

/**
 * Ids of the tokens a student cannot mask. The Tokenizer contract has no getters for [CLS], [SEP] or [UNK], but
 * {@code tokenToId} answers the unknown id for a piece no vocabulary holds, and both ALBERT vocabularies
 * (SentencePiece and WordPiece) spell the others [CLS] and [SEP].
 */
record SpecialIds(int cls, int sep, int pad, int unk, int mask) {

    private static final String NO_SUCH_PIECE = "\u0000albert-lab-no-such-piece\u0000";

    static SpecialIds of(Tokenizer tokenizer) {
        int unk = tokenizer.tokenToId(NO_SUCH_PIECE);
        return new SpecialIds(tokenizer.tokenToId("[CLS]"), tokenizer.tokenToId("[SEP]"), tokenizer.padId(), unk,
                tokenizer.maskId());
    }

    boolean isSpecial(int id) {
        return (id == cls && cls != unk) || (id == sep && sep != unk) || id == pad;
    }
}
