package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which file of a model folder is used, and what tokenizer_config.json changes. */
class TokenizersTest {

    @TempDir
    Path dir;

    private void copy(Path from, String name) throws IOException {
        Files.copy(from, dir.resolve(name));
    }

    private static List<String> tokens(Tokenizer t, String text) {
        return t.encode(text, null, new EncodeOptions(0, false, false)).tokens();
    }

    @Test
    void spieceModelWinsOverVocabTxtAndSaysSo() throws IOException, CheckpointException {
        copy(RealData.spieceModel(), "spiece.model");
        copy(RealData.chineseVocab(), "vocab.txt");
        Tokenizer t = Tokenizers.load(dir);
        assertTrue(t.description().startsWith("SentencePiece Unigram (spiece.model"), t.description());
        assertTrue(t.description().contains("chosen over vocab.txt"), t.description());
        assertEquals(List.of("\u2581hello"), tokens(t, "Hello"));
    }

    @Test
    void tokenizerJsonWinsOverEverything() throws IOException, CheckpointException {
        copy(RealData.spieceModel(), "spiece.model");
        copy(RealData.chineseVocab(), "vocab.txt");
        Files.writeString(dir.resolve("tokenizer.json"),
                BertTokenizerJson.build(BertWordPiece.readVocab(RealData.chineseVocab())));
        Tokenizer t = Tokenizers.load(dir);
        assertTrue(t.description().startsWith("Hugging Face tokenizer.json (WordPiece"), t.description());
        assertTrue(t.description().contains("chosen over spiece.model and vocab.txt"), t.description());
        assertEquals(List.of("今", "天"), tokens(t, "今天"));
    }

    @Test
    void vocabTxtAloneIsBertWordPiece() throws IOException, CheckpointException {
        copy(RealData.chineseVocab(), "vocab.txt");
        Tokenizer t = Tokenizers.load(dir);
        assertTrue(t.description().startsWith("BERT WordPiece (vocab.txt, 21,128 entries)"), t.description());
    }

    @Test
    void tokenizerConfigTurnsOffLowerCasingAndAccentStripping() throws IOException, CheckpointException {
        copy(RealData.spieceModel(), "spiece.model");
        Files.writeString(dir.resolve("tokenizer_config.json"),
                "{\"do_lower_case\": false, \"keep_accents\": true, \"remove_space\": true}");
        Tokenizer t = Tokenizers.load(dir);
        assertTrue(t.description().contains("keep case, keep accents; settings from tokenizer_config.json"),
                t.description());
        // without lower-casing, "T" is unknown to this all-lower-case vocabulary
        assertEquals(List.of("\u2581", "T", "he"), tokens(t, "The"));
        assertEquals(List.of("\u2581fal", "s", "\u00E9"), tokens(t, "falsé"));
        // the user's options win over the folder's
        Tokenizer lowered = Tokenizers.load(dir, new TextOptions(true, false));
        assertEquals(List.of("\u2581the"), tokens(lowered, "The"));
        assertEquals(List.of("\u2581false"), tokens(lowered, "falsé"));
    }

    @Test
    void bertConfigCanKeepCase() throws IOException, CheckpointException {
        copy(RealData.chineseVocab(), "vocab.txt");
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"do_lower_case\": false}");
        assertEquals(List.of("[UNK]"), tokens(Tokenizers.load(dir), "Hello"));
        assertEquals(List.of("hello"), tokens(Tokenizers.load(RealData.chineseVocab()), "Hello"));
    }

    @Test
    void problemsNameTheFileOrFolder() throws IOException {
        CheckpointException e = assertThrows(CheckpointException.class, () -> Tokenizers.load(dir));
        assertEquals(dir.getFileName() + ": no tokenizer here (expected tokenizer.json, spiece.model or vocab.txt)",
                e.getMessage());
        e = assertThrows(CheckpointException.class, () -> Tokenizers.load(dir.resolve("missing.model")));
        assertEquals("missing.model: no such file or folder", e.getMessage());
        Files.writeString(dir.resolve("weights.bin"), "x");
        e = assertThrows(CheckpointException.class, () -> Tokenizers.load(dir.resolve("weights.bin")));
        assertTrue(e.getMessage().startsWith("weights.bin: not a tokenizer file"), e.getMessage());
        copy(RealData.spieceModel(), "spiece.model");
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"do_lower_case\": ");
        e = assertThrows(CheckpointException.class, () -> Tokenizers.load(dir));
        assertTrue(e.getMessage().startsWith("tokenizer_config.json: is not valid JSON"), e.getMessage());
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"do_lower_case\": \"yes\"}");
        e = assertThrows(CheckpointException.class, () -> Tokenizers.load(dir));
        assertTrue(e.getMessage().startsWith("tokenizer_config.json: a flag is not true or false"), e.getMessage());
    }
}
