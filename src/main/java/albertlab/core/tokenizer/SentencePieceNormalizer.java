package albertlab.core.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SentencePiece's own normalizer ({@code normalizer.cc}): at each position a user-defined symbol is kept as it is,
 * else the longest charsmap rule is applied, else one character is copied; spaces are then collapsed (none at the
 * start or end, one between words), a "▁" is put in front (add_dummy_prefix) and spaces are written as "▁".
 *
 * <p>Hugging Face's tokenizers do not use this class: they apply the charsmap alone and leave the whitespace to
 * their pre-tokenizer. It serves raw SentencePiece output ({@link SentencePieceProcessor}).
 */
final class SentencePieceNormalizer {

    private static final byte[] SPACE_SYMBOL = "\u2581".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SPACE = {' '};

    private final PrecompiledCharsMap charsMap;
    private final ByteTrie userDefined;
    private final boolean addDummyPrefix;
    private final boolean removeExtraWhitespaces;
    private final boolean escapeWhitespaces;
    private final boolean whitespaceAsSuffix;

    SentencePieceNormalizer(SentencePieceModel m) {
        this.charsMap = m.charsMap();
        this.addDummyPrefix = m.addDummyPrefix();
        this.removeExtraWhitespaces = m.removeExtraWhitespaces();
        this.escapeWhitespaces = m.escapeWhitespaces();
        this.whitespaceAsSuffix = m.treatWhitespaceAsSuffix();
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            if (m.type(i) == PieceType.USER_DEFINED) symbols.add(m.piece(i));
        }
        int[] ones = new int[symbols.size()];
        java.util.Arrays.fill(ones, 1);
        this.userDefined = ByteTrie.build(symbols, ones);
    }

    /** The normalized text as UTF-8 bytes, ready for the Unigram lattice. */
    byte[] normalize(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteSink out = new ByteSink(in.length * 3 / 2 + 8);
        ByteSink piece = new ByteSink(16);
        int pos = 0;
        if (removeExtraWhitespaces) {
            while (pos < in.length) {
                int consumed = prefix(in, pos, piece);
                if (!(piece.size() == 1 && piece.byteAt(0) == ' ')) break;
                pos += consumed;
            }
        }
        if (pos >= in.length) return new byte[0];
        byte[] ws = escapeWhitespaces ? SPACE_SYMBOL : SPACE;
        if (!whitespaceAsSuffix && addDummyPrefix) out.write(ws, 0, ws.length);
        boolean prevSpace = removeExtraWhitespaces;
        while (pos < in.length) {
            int consumed = prefix(in, pos, piece);
            int from = 0;
            // drop the leading spaces of this piece when the previous one ended with a space
            while (prevSpace && from < piece.size() && piece.byteAt(from) == ' ') from++;
            if (from < piece.size()) {
                for (int k = from; k < piece.size(); k++) {
                    byte b = piece.byteAt(k);
                    if (escapeWhitespaces && b == ' ') {
                        out.write(SPACE_SYMBOL, 0, SPACE_SYMBOL.length);
                    } else {
                        out.write(b);
                    }
                }
                prevSpace = piece.byteAt(piece.size() - 1) == ' ';
            }
            pos += consumed;
            if (!removeExtraWhitespaces) prevSpace = false;
        }
        if (removeExtraWhitespaces) {
            while (endsWith(out, ws)) out.truncate(out.size() - ws.length);
        }
        if (whitespaceAsSuffix && addDummyPrefix) out.write(ws, 0, ws.length);
        return java.util.Arrays.copyOf(out.array(), out.size());
    }

    /** SentencePiece's NormalizePrefix: writes the replacement of the text at {@code pos}; returns bytes consumed. */
    private int prefix(byte[] in, int pos, ByteSink piece) {
        piece.truncate(0);
        int udLength = longestUserDefined(in, pos);
        if (udLength > 0) {
            piece.write(in, pos, udLength);
            return udLength;
        }
        if (charsMap != null) {
            long m = charsMap.longestMatch(in, pos, in.length);
            if (m != -1 && charsMap.appendReplacement((int) m, piece)) return (int) (m >>> 32);
        }
        int len = Utf8.charLength(in, pos);
        piece.write(in, pos, len);
        return len;
    }

    private int longestUserDefined(byte[] in, int pos) {
        int best = 0;
        int node = ByteTrie.ROOT;
        for (int k = pos; k < in.length; k++) {
            node = userDefined.child(node, in[k] & 0xFF);
            if (node < 0) break;
            if (userDefined.value(node) >= 0) best = k + 1 - pos;
        }
        return best;
    }

    private static boolean endsWith(ByteSink s, byte[] suffix) {
        if (s.size() < suffix.length) return false;
        for (int i = 0; i < suffix.length; i++) {
            if (s.byteAt(s.size() - suffix.length + i) != suffix[i]) return false;
        }
        return true;
    }
}
