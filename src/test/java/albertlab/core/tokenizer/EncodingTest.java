package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Special tokens, token types, truncation (Hugging Face's longest_first), padding and decoding. */
class EncodingTest {

    private static Tokenizer albert;

    @BeforeAll
    static void load() throws CheckpointException {
        albert = Tokenizers.load(RealData.spieceModel());
    }

    private static TokenList list(int n) {
        TokenList t = new TokenList();
        for (int i = 0; i < n; i++) t.add("t" + i, i);
        return t;
    }

    private static int[] truncate(int a, int b, int max) {
        TokenList x = list(a);
        TokenList y = list(b);
        PipelineTokenizer.truncateLongestFirst(x, y, max);
        return new int[]{x.size(), y.size()};
    }

    @Test
    void longestFirstKeepsTheShortTextWholeWhenTheLongOneCanTakeTheCut() {
        assertArrayEquals(new int[]{4, 3}, truncate(10, 3, 7));
        assertArrayEquals(new int[]{3, 4}, truncate(3, 10, 7));
    }

    @Test
    void longestFirstHalvesWhenBothAreLongGivingTheOddTokenToTheLonger() {
        // the slow Python tokenizer would give (4, 3): it cuts one token at a time, ties from the second text
        assertArrayEquals(new int[]{3, 4}, truncate(10, 12, 7));
        assertArrayEquals(new int[]{4, 3}, truncate(12, 10, 7));
        assertArrayEquals(new int[]{4, 4}, truncate(9, 9, 8));
    }

    @Test
    void nothingIsCutWhenItFits() {
        assertArrayEquals(new int[]{3, 4}, truncate(3, 4, 7));
    }

    @Test
    void pairHasTokenTypesAndTwoSeparators() {
        Encoding e = albert.encode("Question?", "Answer");
        assertEquals(List.of("[CLS]", "\u2581question", "?", "[SEP]", "\u2581answer", "[SEP]"), e.tokens());
        assertArrayEquals(new int[]{0, 0, 0, 0, 1, 1}, e.typeIds());
        assertFalse(e.truncated());
    }

    @Test
    void withoutSpecialTokensThePairStillHasTypeOne() {
        Encoding e = albert.encode("Question?", "Answer", new EncodeOptions(0, false, false));
        assertArrayEquals(new int[]{0, 0, 1}, e.typeIds());
    }

    @Test
    void truncationKeepsTheSpecialTokensAndSaysItCut() {
        Encoding e = albert.encode("one two three four five six", null, EncodeOptions.maxLength(5));
        assertEquals(List.of("[CLS]", "\u2581one", "\u2581two", "\u2581three", "[SEP]"), e.tokens());
        assertTrue(e.truncated());
        Encoding pair = albert.encode("one two three four five six", "seven eight", EncodeOptions.maxLength(7));
        assertEquals(List.of("[CLS]", "\u2581one", "\u2581two", "[SEP]", "\u2581seven", "\u2581eight", "[SEP]"),
                pair.tokens());
        assertTrue(pair.truncated());
    }

    @Test
    void maxLengthBelowTheSpecialTokensIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> albert.encode("a", "b", EncodeOptions.maxLength(2)));
        assertEquals("max length 2 leaves no room for the 3 special tokens", e.getMessage());
    }

    @Test
    void paddingFillsWithPadTokensMaskedOut() {
        Encoding e = albert.encode("hi", null, new EncodeOptions(6, true, true));
        assertEquals(List.of("[CLS]", "\u2581hi", "[SEP]", "<pad>", "<pad>", "<pad>"), e.tokens());
        assertArrayEquals(new int[]{2, albert.tokenToId("\u2581hi"), 3, 0, 0, 0}, e.ids());
        assertArrayEquals(new int[]{1, 1, 1, 0, 0, 0}, e.attentionMask());
        assertArrayEquals(new int[6], e.typeIds());
    }

    @Test
    void decodeDropsTheDummyPrefixAndSpecialTokensWhenAsked() {
        int[] ids = albert.encode("Paris is the [MASK] of France.").ids();
        assertEquals("paris is the of france.", albert.decode(ids, true));
        assertEquals("[CLS] paris is the[MASK] of france.[SEP]", albert.decode(ids, false));
    }

    @Test
    void unknownIdIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> albert.idToToken(30000));
        assertEquals("token id 30000 is outside the vocabulary (0..29999)", e.getMessage());
        assertEquals(albert.tokenToId("<unk>"), albert.tokenToId("no-such-piece"));
    }
}
