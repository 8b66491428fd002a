package albertlab.core.tokenizer;

/** Byte-level UTF-8 helpers for the loops that walk text as bytes, as SentencePiece and its tries do. */
final class Utf8 {

    private Utf8() {
    }

    /**
     * Length of the character starting at {@code i}, from its lead byte (1 for a stray continuation byte or a
     * sequence cut short, so a loop always moves on).
     */
    static int charLength(byte[] b, int i) {
        int lead = b[i] & 0xFF;
        int len = lead < 0x80 ? 1 : lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 1;
        return i + len <= b.length ? len : 1;
    }

    /** UTF-8 byte length of a piece of text (no allocation). */
    static int byteLength(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
