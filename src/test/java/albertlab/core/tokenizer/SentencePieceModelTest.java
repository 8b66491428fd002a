package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading albert-base-v2's spiece.model with our wire-format reader, and refusing files that are not one. */
class SentencePieceModelTest {

    @TempDir
    Path tmp;

    @Test
    void albertBaseV2HasThirtyThousandPiecesOfTheKnownTypes() throws CheckpointException {
        SentencePieceModel m = SentencePieceModel.read(RealData.spieceModel());
        assertEquals(30000, m.size());
        Map<PieceType, Integer> counts = new EnumMap<>(PieceType.class);
        for (int i = 0; i < m.size(); i++) counts.merge(m.type(i), 1, Integer::sum);
        assertEquals(Map.of(PieceType.NORMAL, 29987, PieceType.UNKNOWN, 1, PieceType.CONTROL, 4,
                PieceType.USER_DEFINED, 8), counts);
        assertEquals(Arrays.asList("<pad>", "<unk>", "[CLS]", "[SEP]", "[MASK]"),
                Arrays.asList(m.piece(0), m.piece(1), m.piece(2), m.piece(3), m.piece(4)));
        assertEquals("(", m.piece(5));
        assertEquals("\u20AC", m.piece(12));
        assertEquals("\u2581", m.piece(13));
        assertEquals("\u2581eloquent", m.piece(29999));
        assertEquals(1, m.unkId());
        assertEquals(0, m.padId());
        assertEquals(-2.1889710426330566f, m.score(13));
        assertEquals(-13.532299041748047f, m.score(29999));
        assertEquals(SentencePieceModel.UNIGRAM, m.modelType());
        assertEquals("nmt_nfkc", m.normalizerName());
        assertNotNull(m.charsMap());
        assertTrue(m.addDummyPrefix());
        assertTrue(m.removeExtraWhitespaces());
        assertTrue(m.escapeWhitespaces());
        assertFalse(m.byteFallback());
        assertFalse(m.treatWhitespaceAsSuffix());
    }

    private CheckpointException refused(byte[] bytes) throws IOException {
        Path file = tmp.resolve("spiece.model");
        Files.write(file, bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Tokenizers.load(file));
        assertTrue(e.getMessage().startsWith("spiece.model: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        assertTrue(refused(new byte[0]).getMessage().contains("empty file"));
    }

    @Test
    void truncatedModelIsRefusedWhereverItIsCut() throws IOException {
        byte[] full = Files.readAllBytes(RealData.spieceModel());
        for (int cut : new int[]{1, 2, 100, 12_345, 500_000, full.length - 237_000, full.length - 1}) {
            CheckpointException e = refused(Arrays.copyOf(full, cut));
            assertTrue(e.getMessage().contains("SentencePiece model"), cut + ": " + e.getMessage());
        }
    }

    @Test
    void modelCutAtAPieceBoundaryIsRefusedAsIncomplete() throws IOException {
        byte[] full = Files.readAllBytes(RealData.spieceModel());
        // the pieces come first; cut right after the 1000th piece, a place where the protobuf itself is valid
        int pos = 0;
        for (int i = 0; i < 1000; i++) pos += pieceLength(full, pos);
        CheckpointException e = refused(Arrays.copyOf(full, pos));
        assertTrue(e.getMessage().contains("truncated file?"), e.getMessage());
    }

    /** Bytes of the length-delimited field at {@code pos}: key, varint length, payload. */
    private static int pieceLength(byte[] b, int pos) {
        int p = pos + 1;
        int len = 0;
        int shift = 0;
        while (true) {
            int x = b[p++] & 0xFF;
            len |= (x & 0x7F) << shift;
            shift += 7;
            if (x < 0x80) break;
        }
        return p - pos + len;
    }

    @Test
    void textFileIsRefusedAsNotAModel() throws IOException {
        CheckpointException e = refused("{\"model_type\": \"albert\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("not a SentencePiece model"), e.getMessage());
        e = refused(Files.readAllBytes(RealData.chineseVocab()));
        assertTrue(e.getMessage().contains("not a SentencePiece model"), e.getMessage());
    }

    @Test
    void bpeModelIsRefusedByName() throws IOException {
        // one piece "<unk>" of type UNKNOWN, trainer spec model_type = 2 (BPE), an empty normalizer spec
        byte[] bytes = {0x0A, 0x09, 0x0A, 0x05, '<', 'u', 'n', 'k', '>', 0x18, 0x02, 0x12, 0x02, 0x18, 0x02, 0x1A, 0x00};
        assertTrue(refused(bytes).getMessage().contains("BPE is not supported"));
    }

    @Test
    void modelWithoutUnknownPieceIsRefused() throws IOException {
        byte[] bytes = {0x0A, 0x05, 0x0A, 0x03, 'a', 'b', 'c', 0x12, 0x00, 0x1A, 0x00};
        assertTrue(refused(bytes).getMessage().contains("no unknown piece"));
    }
}
