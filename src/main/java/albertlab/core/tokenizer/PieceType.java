package albertlab.core.tokenizer;

/** SentencePiece's {@code ModelProto.SentencePiece.Type}, with its wire numbers. */
public enum PieceType {
    /** An ordinary piece learned from text. */
    NORMAL(1),
    /** {@code <unk>}: stands for any character the vocabulary lacks. */
    UNKNOWN(2),
    /** [CLS], [SEP], [MASK], &lt;pad&gt;: never produced from text by SentencePiece itself. */
    CONTROL(3),
    /** Always kept whole (ALBERT's are ( ) " - . – £ €). */
    USER_DEFINED(4),
    /** Kept in the vocabulary but never produced. */
    UNUSED(5),
    /** &lt;0x41&gt;: one UTF-8 byte, for models trained with byte fallback. */
    BYTE(6);

    private final int number;

    PieceType(int number) {
        this.number = number;
    }

    static PieceType fromNumber(int n) {
        for (PieceType t : values()) {
            if (t.number == n) return t;
        }
        return null;
    }
}
