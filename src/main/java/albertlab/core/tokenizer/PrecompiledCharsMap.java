package albertlab.core.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SentencePiece's compiled normalization rules ({@code NormalizerSpec.precompiled_charsmap}). The blob is
 * {@code <uint32 LE: trie size in bytes><double-array trie: uint32 LE units><replacement strings>}. The trie
 * (darts-clone's format) maps UTF-8 byte sequences to offsets into the replacement strings, which are
 * NUL-terminated. Normalizing takes, at each position, the longest sequence the trie knows and writes its
 * replacement; where none matches, one character is copied as it is.
 *
 * <p>This is what makes {@code nmt_nfkc} differ from plain NFKC: U+FFFD, zero-width spaces, the byte-order mark
 * and U+2581 become a space, ASCII control characters vanish, and the full-width tilde is left alone.
 */
public final class PrecompiledCharsMap {

    /** Byte length and replacement offset of a match, packed as {@code length << 32 | offset}; -1 for none. */
    private static final long NO_MATCH = -1;

    private final int[] units;
    private final byte[] normalized;

    private PrecompiledCharsMap(int[] units, byte[] normalized) {
        this.units = units;
        this.normalized = normalized;
    }

    /** @throws IllegalArgumentException when the blob's sizes do not add up */
    public static PrecompiledCharsMap parse(byte[] blob) {
        if (blob.length <= 4) throw new IllegalArgumentException("blob of " + blob.length + " bytes is too short");
        long trieSize = (blob[0] & 0xFFL) | (blob[1] & 0xFFL) << 8 | (blob[2] & 0xFFL) << 16 | (blob[3] & 0xFFL) << 24;
        if (trieSize >= blob.length - 4L || trieSize % 4 != 0 || trieSize == 0) {
            throw new IllegalArgumentException("trie size " + trieSize + " does not fit a blob of " + blob.length
                    + " bytes");
        }
        int n = (int) (trieSize / 4);
        int[] units = new int[n];
        for (int i = 0, p = 4; i < n; i++, p += 4) {
            units[i] = (blob[p] & 0xFF) | (blob[p + 1] & 0xFF) << 8 | (blob[p + 2] & 0xFF) << 16
                    | (blob[p + 3] & 0xFF) << 24;
        }
        byte[] normalized = Arrays.copyOfRange(blob, 4 + (int) trieSize, blob.length);
        return new PrecompiledCharsMap(units, normalized);
    }

    // darts-clone unit layout: bit 8 = has a leaf child, bits 0-7 (and 31) = label, bits 10-30 = offset
    // (shifted by 8 more when bit 9 is set), and a leaf unit's low 31 bits = its value.
    private static boolean hasLeaf(int unit) {
        return ((unit >>> 8) & 1) == 1;
    }

    private static int value(int unit) {
        return unit & 0x7FFFFFFF;
    }

    private static int label(int unit) {
        return unit & 0x800000FF;
    }

    private static int offset(int unit) {
        return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
    }

    /**
     * The longest rule matching a prefix of {@code utf8[from, to)}.
     *
     * @return {@code length << 32 | replacementOffset}, or -1 when no rule matches
     */
    long longestMatch(byte[] utf8, int from, int to) {
        long best = NO_MATCH;
        int node = offset(units[0]);
        for (int i = from; i < to; i++) {
            int c = utf8[i] & 0xFF;
            if (c == 0) break;
            node ^= c;
            if (node < 0 || node >= units.length) break;
            int unit = units[node];
            if (label(unit) != c) break;
            node ^= offset(unit);
            if (node < 0 || node >= units.length) break;
            if (hasLeaf(unit)) best = (long) (i + 1 - from) << 32 | value(units[node]);
        }
        return best;
    }

    /** Appends the NUL-terminated replacement at {@code offset}; false when the offset is outside the blob. */
    boolean appendReplacement(int offset, ByteSink out) {
        if (offset < 0 || offset > normalized.length) return false;
        int end = offset;
        while (end < normalized.length && normalized[end] != 0) end++;
        out.write(normalized, offset, end - offset);
        return true;
    }

    /** The replacement text of a match (for tests and explanations). */
    String replacement(long match) {
        int offset = (int) match;
        int end = offset;
        while (end < normalized.length && normalized[end] != 0) end++;
        return new String(normalized, offset, end - offset, StandardCharsets.UTF_8);
    }

    /**
     * Applies the rules to a whole text, longest match first over its UTF-8 bytes (SentencePiece's
     * {@code NormalizePrefix} without the whitespace handling, which is the caller's).
     */
    public String normalize(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteSink out = new ByteSink(in.length + 16);
        int i = 0;
        while (i < in.length) {
            long m = longestMatch(in, i, in.length);
            if (m != NO_MATCH && appendReplacement((int) m, out)) {
                i += (int) (m >>> 32);
            } else {
                int len = Utf8.charLength(in, i);
                out.write(in, i, len);
                i += len;
            }
        }
        return out.toUtf8String();
    }
}
