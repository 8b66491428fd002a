package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Viterbi segmentation against a brute-force search over every segmentation, and ALBERT's special rules. */
class UnigramTest {

    private static final String ALPHABET = "abcdé\u4E00";

    /** All ways to cut {@code word} into vocabulary pieces or unknown single characters; the best one's tokens. */
    private static List<String> bruteForce(String word, Map<String, Double> vocab, double unkScore) {
        int n = word.length();
        double[] best = new double[n + 1];
        List<List<String>> path = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            best[i] = Double.NEGATIVE_INFINITY;
            path.add(null);
        }
        best[0] = 0;
        path.set(0, List.of());
        for (int end = 1; end <= n; end++) {
            for (int start = 0; start < end; start++) {
                if (path.get(start) == null) continue;
                String piece = word.substring(start, end);
                Double s = vocab.get(piece);
                boolean unknownChar = end - start == 1 && s == null;
                if (s == null && !unknownChar) continue;
                double score = best[start] + (unknownChar ? unkScore : s);
                if (score > best[end]) {
                    best[end] = score;
                    List<String> p = new ArrayList<>(path.get(start));
                    p.add(unknownChar ? "\u0000" + piece : piece);
                    path.set(end, p);
                }
            }
        }
        // runs of unknown characters become one token
        List<String> out = new ArrayList<>();
        for (String t : path.get(n)) {
            boolean unk = t.startsWith("\u0000");
            if (unk && !out.isEmpty() && out.get(out.size() - 1).startsWith("\u0000")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + t.substring(1));
            } else {
                out.add(t);
            }
        }
        return out.stream().map(t -> t.startsWith("\u0000") ? t.substring(1) : t).toList();
    }

    @Test
    void viterbiFindsTheBestSegmentationLikeBruteForce() {
        Random random = new Random(20240601);
        for (int round = 0; round < 40; round++) {
            Set<String> pieces = new LinkedHashSet<>();
            pieces.add("<unk>");
            while (pieces.size() < 25) {
                int len = 1 + random.nextInt(4);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < len; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length() - 1)));
                pieces.add(sb.toString());
            }
            String[] p = pieces.toArray(new String[0]);
            double[] scores = new double[p.length];
            Map<String, Double> vocab = new HashMap<>();
            double min = 0;
            for (int i = 1; i < p.length; i++) {
                scores[i] = -1 - 10 * random.nextDouble();
                vocab.put(p[i], scores[i]);
                min = Math.min(min, scores[i]);
            }
            Unigram u = Unigram.huggingFace(p, scores, 0);
            for (int w = 0; w < 30; w++) {
                StringBuilder word = new StringBuilder();
                int len = 1 + random.nextInt(12);
                for (int i = 0; i < len; i++) word.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                TokenList out = new TokenList();
                u.tokenize(word.toString(), out);
                assertEquals(bruteForce(word.toString(), vocab, min - 10), out.tokens(), word.toString());
            }
        }
    }

    @Test
    void aLongWordWithoutSpacesIsSegmentedWholeIntoKnownMultiCharacterPieces() throws CheckpointException {
        Tokenizer t = Tokenizers.load(RealData.spieceModel());
        String word = "abc".repeat(20_000);
        Encoding e = t.encode(word, null, new EncodeOptions(0, false, false));
        StringBuilder back = new StringBuilder();
        e.tokens().forEach(back::append);
        assertEquals("\u2581" + word, back.toString(), "nothing lost or added");
        for (int id : e.ids()) assertNotEquals(1, id, "albert-base-v2's <unk> (id 1)");
        // a 60,000-character word in pieces of two or more characters, not a character-by-character fallback
        assertTrue(e.length() <= word.length() / 2, e.length() + " pieces");
    }

    @Test
    void pieceEndingInDigitAndCommaIsSplitAsAlbertTokenizerDoes() throws CheckpointException {
        SentencePieceModel m = SentencePieceModel.read(RealData.spieceModel());
        assertEquals("\u25811,", m.piece(906));
        // raw SentencePiece takes the piece "▁1,"; Hugging Face's ALBERT splits off the comma
        assertEquals(List.of("\u25811,", "\u25812,", "\u25813"), new SentencePieceProcessor(m).encodeAsPieces("1, 2, 3"));
        Tokenizer t = Tokenizers.load(RealData.spieceModel());
        assertEquals(List.of("\u25811", ",", "\u25812", ",", "\u25813"),
                t.encode("1, 2, 3", null, new EncodeOptions(0, false, false)).tokens());
        assertEquals(List.of(true, false), List.of(AlbertSentencePiece.endsWithDigitAndComma("\u25812010,"),
                AlbertSentencePiece.endsWithDigitAndComma("a,")));
        assertEquals(true, AlbertSentencePiece.endsWithDigitAndComma("\u00B2,")); // Python's isdigit counts "²"
    }

    @Test
    void runOfUnknownCharactersIsOneUnknownToken() throws CheckpointException {
        Tokenizer t = Tokenizers.load(RealData.spieceModel());
        Encoding e = t.encode("\u3400\u3401\u3402 ok", null, new EncodeOptions(0, false, false));
        assertEquals(List.of("\u2581", "\u3400\u3401\u3402", "\u2581ok"), e.tokens());
        assertArrayEquals(new int[]{13, 1, t.tokenToId("\u2581ok")}, e.ids());
    }

    @Test
    void byteTrieFindsThePrefixesAHashMapFinds() {
        Random random = new Random(7);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(5);
            for (int k = 0; k < len; k++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            keys.add(sb.toString());
        }
        int[] values = new int[keys.size()];
        Map<String, Integer> naive = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
            naive.put(keys.get(i), i);
        }
        ByteTrie trie = ByteTrie.build(keys, values);
        for (int q = 0; q < 2000; q++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(7);
            for (int k = 0; k < len; k++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            String s = sb.toString();
            List<Integer> expected = new ArrayList<>();
            for (int end = 1; end <= s.length(); end++) {
                Integer v = naive.get(s.substring(0, end));
                if (v != null) expected.add(v);
            }
            List<Integer> found = new ArrayList<>();
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            int node = ByteTrie.ROOT;
            for (byte x : b) {
                node = trie.child(node, x & 0xFF);
                if (node < 0) break;
                if (trie.value(node) >= 0) found.add(trie.value(node));
            }
            assertEquals(expected, found, s);
        }
    }
}
