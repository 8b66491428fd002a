package albertlab.core.tokenizer;

/**
 * Character classes with the definitions Hugging Face's Rust tokenizers use. Java's own predicates differ:
 * {@link Character#isWhitespace} leaves out the no-break spaces and counts U+001C..U+001F, which Unicode's
 * White_Space property (Rust's {@code char::is_whitespace}) does the other way round.
 */
final class CharClasses {

    private CharClasses() {
    }

    /** Unicode White_Space, as Rust's {@code char::is_whitespace}. */
    static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }

    /** BERT's "control": general category C* (Cc, Cf, Cn, Co, Cs) except tab, line feed and carriage return. */
    static boolean isBertControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') return false;
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** BERT's punctuation: all of ASCII's punctuation and symbols ($, +, ^, ...) plus Unicode P*. */
    static boolean isBertPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK ideograph blocks that BERT splits into one token per character (not Hangul, not kana). */
    static boolean isCjkIdeograph(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F)
                || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B920 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    /** General category M (Mn, Mc, Me): what HF's StripAccents removes. */
    static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    /** Mn only: what BertNormalizer's strip_accents removes. */
    static boolean isNonSpacingMark(int cp) {
        return Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    /** Rust's {@code char::to_lowercase} per code point: the full mapping, whose only one-to-many case is U+0130. */
    static void appendLowerCase(StringBuilder out, int cp) {
        if (cp == 0x130) {
            out.append("i\u0307");
        } else {
            out.appendCodePoint(Character.toLowerCase(cp));
        }
    }

    /** Rust's {@code char::is_alphanumeric}, used by added tokens that must stand as a single word. */
    static boolean isAlphanumeric(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.LETTER_NUMBER
                || Character.getType(cp) == Character.OTHER_NUMBER;
    }
}
