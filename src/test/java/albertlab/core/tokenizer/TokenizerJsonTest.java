package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tokenizer.json written from spiece.model as Hugging Face's converter writes it must tokenize exactly as the
 * spiece.model path does: the published cases, pairs, truncation and a few hundred hard random texts. The same for
 * a BERT tokenizer.json against vocab.txt. And files we cannot read are refused by name.
 */
class TokenizerJsonTest {

    @TempDir
    static Path tmp;

    private static SentencePieceModel model;

    @BeforeAll
    static void load() throws CheckpointException {
        model = SentencePieceModel.read(RealData.spieceModel());
    }

    private static List<String> corpus() {
        List<String> texts = new ArrayList<>(List.of("Paris is the [MASK] of France.", "Hello I'm a [MASK] model.",
                "Test sentence with [MASK].", "I was born in 92000, and this is falsé.", "The quick brown fox.",
                "It's like comparing [MASK] to apples", "``quoted'' text", "1, 2, 3", ""));
        texts.addAll(HardTexts.generate(2024, 400));
        return texts;
    }

    private static void assertSameTokenizer(Tokenizer expected, Tokenizer actual) {
        List<String> texts = corpus();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Encoding a = expected.encode(text);
            Encoding b = actual.encode(text);
            assertEquals(a.tokens(), b.tokens(), text);
            assertArrayEquals(a.ids(), b.ids(), text);
            assertEquals(expected.decode(a.ids(), true), actual.decode(b.ids(), true), text);
            String pair = texts.get((i + 1) % texts.size());
            EncodeOptions cut = new EncodeOptions(12, true, true);
            Encoding pa = expected.encode(text, pair, cut);
            Encoding pb = actual.encode(text, pair, cut);
            assertArrayEquals(pa.ids(), pb.ids(), text + " / " + pair);
            assertArrayEquals(pa.typeIds(), pb.typeIds(), text + " / " + pair);
            assertArrayEquals(pa.attentionMask(), pb.attentionMask(), text + " / " + pair);
            assertEquals(pa.truncated(), pb.truncated());
        }
        assertEquals(expected.vocabSize(), actual.vocabSize());
        assertEquals(expected.maskId(), actual.maskId());
        assertEquals(expected.padId(), actual.padId());
    }

    private static Path write(String name, String json) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "tj");
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    void albertTokenizerJsonTokenizesAsSpieceModel() throws IOException, CheckpointException {
        Path json = write("tokenizer.json", AlbertTokenizerJson.build(model, true, false));
        Tokenizer fromJson = Tokenizers.load(json);
        assertTrue(fromJson.description().startsWith("Hugging Face tokenizer.json (Unigram, 30,000 pieces"),
                fromJson.description());
        assertSameTokenizer(Tokenizers.load(RealData.spieceModel()), fromJson);
    }

    @Test
    void keepAccentsVariantMatchesBothAsWrittenAndAsAnOption() throws IOException, CheckpointException {
        TextOptions keep = new TextOptions(null, true);
        Tokenizer spm = Tokenizers.load(RealData.spieceModel(), keep);
        assertSameTokenizer(spm, Tokenizers.load(write("tokenizer.json", AlbertTokenizerJson.build(model, true, true))));
        Path defaultJson = write("tokenizer.json", AlbertTokenizerJson.build(model, true, false));
        assertSameTokenizer(spm, Tokenizers.load(defaultJson, keep));
        TextOptions cased = new TextOptions(false, null);
        assertSameTokenizer(Tokenizers.load(RealData.spieceModel(), cased), Tokenizers.load(defaultJson, cased));
    }

    @Test
    void bertTokenizerJsonTokenizesAsVocabTxt() throws IOException, CheckpointException {
        Path json = write("tokenizer.json", BertTokenizerJson.build(BertWordPiece.readVocab(RealData.chineseVocab())));
        assertSameTokenizer(Tokenizers.load(RealData.chineseVocab()), Tokenizers.load(json));
    }

    private static String refused(String json) throws IOException {
        Path file = write("tokenizer.json", json);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Tokenizers.load(file));
        assertTrue(e.getMessage().startsWith("tokenizer.json: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void bpeModelIsRefusedByName() throws IOException {
        assertEquals("tokenizer.json: model type BPE is not supported (ALBERT Lab reads Unigram and WordPiece)",
                refused("{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0}, \"merges\": []}}"));
    }

    @Test
    void unsupportedPipelineStepsAreRefusedByName() throws IOException {
        String model = "\"model\": {\"type\": \"Unigram\", \"unk_id\": 0, \"vocab\": [[\"<unk>\", 0.0]]}";
        assertEquals("tokenizer.json: pre-tokenizer type ByteLevel is not supported",
                refused("{\"pre_tokenizer\": {\"type\": \"ByteLevel\"}, " + model + "}"));
        assertEquals("tokenizer.json: normalizer type Prepend is not supported",
                refused("{\"normalizer\": {\"type\": \"Prepend\", \"prepend\": \"x\"}, " + model + "}"));
    }

    @Test
    void emptyAndBrokenFilesAreRefused() throws IOException {
        assertEquals("tokenizer.json: is empty, not a tokenizer.json", refused(""));
        assertTrue(refused("{\"model\": {").contains("not valid JSON"));
        assertEquals("tokenizer.json: not a tokenizer.json (no \"model\" object)", refused("{\"version\": \"1.0\"}"));
        assertEquals("tokenizer.json: the Unigram model has no unk_id",
                refused("{\"model\": {\"type\": \"Unigram\", \"vocab\": [[\"a\", 0.0]]}}"));
    }

    @Test
    void lenientJsonIsRefusedLikeEveryOtherFile() throws IOException {
        String model = "{\"model\": {\"type\": \"Unigram\", \"unk_id\": 0, \"vocab\": [[\"<unk>\", 0.0]]}}";
        assertTrue(refused(model + " {}").startsWith("tokenizer.json: is not valid JSON"), "text after the object");
        assertTrue(refused(model.replace("\"type\"", "type")).startsWith("tokenizer.json: is not valid JSON"),
                "unquoted name");
        assertTrue(refused("[1, 2]").startsWith("tokenizer.json: is not a JSON object"));
    }

    @Test
    void aMissingMemberIsNamedRatherThanANullPointer() throws IOException {
        assertEquals("tokenizer.json: malformed tokenizer.json (\"vocab\" is missing)",
                refused("{\"model\": {\"type\": \"WordPiece\"}}"));
        assertEquals("tokenizer.json: malformed tokenizer.json (\"content\" is missing)",
                refused("{\"added_tokens\": [{\"id\": 0}], \"model\": {\"type\": \"Unigram\", \"unk_id\": 0,"
                        + " \"vocab\": [[\"<unk>\", 0.0]]}}"));
    }
}
