package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hugging Face's ALBERT text rules around SentencePiece, one at a time, on albert-base-v2's spiece.model. */
class AlbertRulesTest {

    private static final EncodeOptions NO_SPECIAL = new EncodeOptions(0, false, false);
    private static Tokenizer albert;

    @BeforeAll
    static void load() throws CheckpointException {
        albert = Tokenizers.load(RealData.spieceModel());
    }

    private static List<String> tokens(String text) {
        return albert.encode(text, null, NO_SPECIAL).tokens();
    }

    @Test
    void latexQuotesBecomeTheUserDefinedDoubleQuote() {
        assertEquals(List.of("\u2581", "\"", "hi", "\""), tokens("``hi''"));
        assertEquals(tokens("\"hi\""), tokens("``hi''"));
        assertEquals(7, albert.tokenToId("\""));
    }

    @Test
    void textIsLowerCasedAndAccentsStripped() {
        assertEquals(List.of("\u2581false"), tokens("FALSÉ"));
        assertEquals(tokens("cafe creme"), tokens("Café Crème"));
    }

    @Test
    void anyRunOfWhitespaceIsOneWordBoundary() {
        List<String> plain = tokens("a b c");
        assertEquals(plain, tokens("  a \t\n b\u00A0\u3000c  "));
        assertEquals(plain, tokens("a\u200Bb\uFEFFc"));
    }

    @Test
    void fullWidthFormsAreFoldedByNfkd() {
        assertEquals(List.of("\u2581hello"), tokens("\uFF28\uFF45\uFF4C\uFF4C\uFF4F"));
    }

    @Test
    void specialTokensAreMatchedCaseSensitivelyAndStartNewWords() {
        assertEquals(List.of("\u2581a", "[MASK]", "\u2581b"), tokens("a [MASK] b"));
        assertEquals(List.of("\u2581a", "[SEP]", "\u2581b"), tokens("a [SEP] b"));
        assertEquals(List.of("\u2581a", "[SEP]", "\u2581b"), tokens("a[SEP]b"));
        assertEquals(List.of("\u2581[", "mask", "]"), tokens("[mask]"));
    }
}
