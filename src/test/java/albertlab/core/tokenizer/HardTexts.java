package albertlab.core.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random texts mixing what tokenizers trip over: case, accents (composed and combining), full-width
 * forms, zero-width and no-break spaces, control characters, U+FFFD, CJK, Hangul, emoji, "``", digit-comma
 * pieces and special tokens written in the text.
 */
final class HardTexts {

    private static final String POOL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"()-_/$%&*+=<>@#^`|~[]{}"
            + "    \t\n\r\u00E9\u00E8\u00F1\u00FC\u00C5\u00DF\u0130\u0131\u03A3\u00E7\u0301\u0308\u0327\uFF21\uFF42\uFF11\uFF5E"
            + "\uFFFD\u200B\u200C\u200D\uFEFF\u00A0\u202F\u3000\u2581\u0001\u0007\u001F\u007F\u0085\u00AD"
            + "\u4ECA\u5929\u60C5\u5F88\u597D\u4E2D\uD55C\uAD6D\u3072\u30AB\uFB01\u2460\u00BD\u2122\u337B\u00B2\u20AC\u00A3"
            + "\u0627\u0915\u093E\u0E2A\u0E31";
    private static final String[] FRAGMENTS = {"[MASK]", "[CLS]", "[SEP]", "<unk>", "<pad>", "``", "''", "9,", "2000,",
            "1,000,000", " [MASK] ", "[MASK].", "e\u0301", "\r\n", "  ", "I'm", "don't", "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD"};

    private HardTexts() {
    }

    static List<String> generate(long seed, int count) {
        Random r = new Random(seed);
        int[] cps = POOL.codePoints().toArray();
        List<String> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + r.nextInt(12);
            for (int p = 0; p < parts; p++) {
                int k = r.nextInt(10);
                if (k < 2) {
                    sb.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
                } else if (k < 5) {
                    int len = 1 + r.nextInt(8);
                    for (int i = 0; i < len; i++) sb.append((char) ('a' + r.nextInt(26)));
                    sb.append(' ');
                } else {
                    int len = 1 + r.nextInt(6);
                    for (int i = 0; i < len; i++) sb.appendCodePoint(cps[r.nextInt(cps.length)]);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}
