package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BERT's basic tokenizer + WordPiece on the Chinese ALBERT vocab.txt. */
class WordPieceTest {

    private static final EncodeOptions NO_SPECIAL = new EncodeOptions(0, false, false);
    private static Tokenizer chinese;
    private static String[] vocab;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws CheckpointException {
        chinese = Tokenizers.load(RealData.chineseVocab());
        vocab = BertWordPiece.readVocab(RealData.chineseVocab());
    }

    private static List<String> tokens(String text) {
        return chinese.encode(text, null, NO_SPECIAL).tokens();
    }

    @Test
    void vocabularyHasTheStandardChineseBertIds() {
        assertEquals(21128, vocab.length);
        assertEquals(List.of(0, 100, 101, 102, 103), List.of(chinese.tokenToId("[PAD]"), chinese.tokenToId("[UNK]"),
                chinese.tokenToId("[CLS]"), chinese.tokenToId("[SEP]"), chinese.maskId()));
        assertEquals(0, chinese.padId());
    }

    @Test
    void everyCjkCharacterIsItsOwnTokenAndPunctuationStandsAlone() {
        assertEquals(List.of("今", "天", "天", "气", "很", "好", "！", "hello", ",", "world", "."),
                tokens("今天天气很好！Hello,World."));
    }

    @Test
    void accentsAreStrippedAndTextLowerCased() {
        assertEquals(tokens("hello cafe"), tokens("HÉLLO Café"));
    }

    @Test
    void subwordsAfterTheFirstCarryTheDoubleHash() {
        List<String> t = tokens("unaffable");
        assertTrue(t.size() > 1, t.toString());
        assertTrue(t.subList(1, t.size()).stream().allMatch(s -> s.startsWith("##")), t.toString());
        assertEquals("unaffable", String.join("", t).replace("##", ""));
    }

    @Test
    void wordWithAnUnknownPartIsOneUnknownToken() {
        assertEquals(List.of("[UNK]"), tokens("ab\uD835\uDD38cd")); // double-struck A is not in the vocabulary
    }

    @Test
    void wordsLongerThan100CharactersAreUnknown() {
        assertEquals(List.of("[UNK]"), tokens("a".repeat(101)));
        assertNotEquals(List.of("[UNK]"), tokens("a".repeat(100)));
    }

    @Test
    void specialTokensInTheTextAreNeverSplit() {
        assertEquals(List.of("[CLS]", "x", "[MASK]", "[SEP]"), tokens("[CLS]x[MASK][SEP]"));
        List<String> lower = tokens("[mask]");
        assertEquals("[", lower.get(0));
        assertEquals("]", lower.get(lower.size() - 1));
    }

    @Test
    void controlCharactersAreDroppedAndEveryWhitespaceSplits() {
        assertEquals(List.of("ab", "c", "d", "e"), tokens("a\u0000\u0007b\u00A0c\td\uFFFD\u3000e"));
    }

    /** Hugging Face's loop: the longest substring from the start that the vocabulary has, then the same for the rest. */
    private static List<String> naiveGreedy(String word, Map<String, Integer> ids) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            String found = null;
            while (start < end) {
                String sub = (start > 0 ? "##" : "") + word.substring(start, end);
                if (ids.containsKey(sub)) {
                    found = sub;
                    break;
                }
                end--;
            }
            if (found == null) return List.of("[UNK]");
            out.add(found);
            start = end;
        }
        return out;
    }

    @Test
    void trieWalkFindsWhatTheNaiveGreedyLoopFinds() {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocab.length; i++) ids.put(vocab[i], i);
        WordPiece wp = new WordPiece(vocab, "[UNK]", "##", 100);
        Random random = new Random(99);
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(14);
            for (int k = 0; k < len; k++) sb.append(letters.charAt(random.nextInt(random.nextBoolean() ? 6 : 26)));
            TokenList out = new TokenList();
            wp.tokenize(sb.toString(), out);
            assertEquals(naiveGreedy(sb.toString(), ids), out.tokens(), sb.toString());
        }
    }

    @Test
    void decodeJoinsSubwordsAndCleansSpacesBeforePunctuation() {
        int[] ids = chinese.encode("unaffable, ok.").ids();
        assertEquals("unaffable, ok.", chinese.decode(ids, true));
        assertEquals("[CLS] unaffable, ok. [SEP]", chinese.decode(ids, false));
    }

    @Test
    void vocabWithoutUnknownTokenIsRefused() throws IOException {
        Path file = tmp.resolve("vocab.txt");
        Files.writeString(file, "[PAD]\n[CLS]\n[SEP]\nhello\n");
        CheckpointException e = assertThrows(CheckpointException.class, () -> Tokenizers.load(file));
        assertEquals("vocab.txt: no [UNK] token in the vocabulary (4 lines)", e.getMessage());
    }

    @Test
    void emptyVocabIsRefused() throws IOException {
        Path file = tmp.resolve("vocab.txt");
        Files.write(file, new byte[0]);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Tokenizers.load(file));
        assertEquals("vocab.txt: empty file, not a vocabulary", e.getMessage());
    }

    @Test
    void binaryVocabIsRefused() throws IOException {
        Path file = tmp.resolve("vocab.txt");
        Files.write(file, new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 1});
        CheckpointException e = assertThrows(CheckpointException.class, () -> Tokenizers.load(file));
        assertEquals("vocab.txt: not UTF-8 text, so not a vocab.txt", e.getMessage());
    }
}
