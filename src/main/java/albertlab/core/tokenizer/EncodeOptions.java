package albertlab.core.tokenizer;

/**
 * How to encode: {@code maxLength} 0 means no limit (pairs are truncated longest-first to fit), {@code padToMax}
 * pads with the pad id up to {@code maxLength}, {@code addSpecialTokens} adds [CLS] A [SEP] (B [SEP]).
 */
public record EncodeOptions(int maxLength, boolean addSpecialTokens, boolean padToMax) {

    public EncodeOptions {
        if (maxLength < 0) throw new IllegalArgumentException("max length must be 0 (no limit) or more, got " + maxLength);
    }

    public static final EncodeOptions DEFAULT = new EncodeOptions(0, true, false);

    public static EncodeOptions maxLength(int maxLength) {
        return new EncodeOptions(maxLength, true, false);
    }
}
