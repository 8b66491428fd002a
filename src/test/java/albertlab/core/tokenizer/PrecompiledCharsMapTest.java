package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * albert-base-v2's nmt_nfkc charsmap: NFKC plus SentencePiece's NMT rules (builder.cc, MergeNmtMap: TAB, LF, CR,
 * zero-width spaces, BOM, U+FFFD and U+2581 become a space; ASCII control characters are removed; the full-width
 * tilde is left alone). The expected values come from those rules, and where they make the result differ from
 * NFKC, the test says so: java.text.Normalizer would be wrong there.
 */
class PrecompiledCharsMapTest {

    private static PrecompiledCharsMap map;
    private static SentencePieceNormalizer spm;

    @BeforeAll
    static void load() throws CheckpointException {
        SentencePieceModel m = SentencePieceModel.read(RealData.spieceModel());
        map = m.charsMap();
        spm = new SentencePieceNormalizer(m);
    }

    private static void assertDiffersFromNfkc(String in, String expected) {
        assertEquals(expected, map.normalize(in));
        assertNotEquals(expected, Normalizer.normalize(in, Normalizer.Form.NFKC), "NFKC would give the same");
    }

    @Test
    void replacementCharacterBecomesASpace() {
        assertDiffersFromNfkc("a\uFFFDb", "a b");
    }

    @Test
    void fullWidthTildeIsKeptWhereNfkcWouldMakeItAscii() {
        assertDiffersFromNfkc("\uFF5E", "\uFF5E");
    }

    @Test
    void zeroWidthSpacesAndByteOrderMarkBecomeSpaces() {
        assertDiffersFromNfkc("a\u200Bb", "a b");
        assertDiffersFromNfkc("a\uFEFFb", "a b");
        assertDiffersFromNfkc("a\u200Cb", "a b");
    }

    @Test
    void asciiControlCharactersAreRemoved() {
        assertDiffersFromNfkc("a\u0001b\u0007c\u001Fd\u007Fe", "abcde");
    }

    @Test
    void tabsAndLineBreaksBecomeSpaces() {
        assertDiffersFromNfkc("a\tb\nc\rd", "a b c d");
    }

    @Test
    void spaceSymbolInTheTextIsASpace() {
        assertDiffersFromNfkc("a\u2581b", "a b");
    }

    @Test
    void noBreakSpacesBecomePlainSpacesAsInNfkc() {
        assertEquals("a b c d", map.normalize("a\u00A0b\u202Fc\u3000d"));
    }

    @Test
    void compatibilityCharactersFollowNfkc() {
        for (String s : new String[]{"\uFF21\uFF42\uFF13", "\uFB01", "\u2460", "\u337B", "\u2122", "\u00BD"}) {
            assertEquals(Normalizer.normalize(s, Normalizer.Form.NFKC), map.normalize(s), s);
        }
        assertEquals("Ab3", map.normalize("\uFF21\uFF42\uFF13"));
        assertEquals("\u5E73\u6210", map.normalize("\u337B"));
    }

    @Test
    void longestMatchComposesABaseLetterWithItsAccent() {
        // "e" alone has no rule; "e" + U+0301 does, and the longer match wins
        assertEquals("\u00E9", map.normalize("e\u0301"));
        assertEquals("\u00C5x", map.normalize("A\u030Ax"));
        byte[] b = "e\u0301".getBytes(StandardCharsets.UTF_8);
        long m = map.longestMatch(b, 0, b.length);
        assertEquals(3, m >>> 32);
        assertEquals("\u00E9", map.replacement(m));
    }

    @Test
    void plainAsciiAndCjkAreUnchanged() {
        String s = "The quick brown fox, 1,000 times. \u4ECA\u5929\u5F88\u597D";
        assertEquals(s, map.normalize(s));
    }

    @Test
    void sentencePieceCollapsesSpacesAndMarksWords() {
        assertEquals("\u2581a\u2581b\u2581c", new String(spm.normalize("  a\t\tb \u00A0 c \n"), StandardCharsets.UTF_8));
        assertEquals("", new String(spm.normalize(" \t\u3000 "), StandardCharsets.UTF_8));
        assertEquals("", new String(spm.normalize(""), StandardCharsets.UTF_8));
        // ALBERT's user-defined symbols pass through unchanged
        assertEquals("\u2581\u2013\u20AC", new String(spm.normalize("\u2013\u20AC"), StandardCharsets.UTF_8));
    }

    @Test
    void brokenBlobsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PrecompiledCharsMap.parse(new byte[]{1, 0, 0}));
        // claims a trie of 256 bytes in a blob of 12
        assertThrows(IllegalArgumentException.class,
                () -> PrecompiledCharsMap.parse(new byte[]{0, 1, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8}));
    }
}
