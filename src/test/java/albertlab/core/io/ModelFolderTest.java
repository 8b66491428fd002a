package albertlab.core.io;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFolderTest {

    @TempDir
    Path tmp;

    private Path golden() throws IOException {
        return Fixtures.goldenFolder(tmp.resolve("albert-tiny-a"));
    }

    private static String failure(Path dir) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelFolder.load(dir));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void goldenFolderLoadsWithoutTokenizerAndSaysWhy() throws Exception {
        LoadedModel m = ModelFolder.load(golden());
        assertEquals(120, m.config().vocabSize());
        assertEquals(6, m.config().numHiddenLayers());
        assertTrue(m.model().hasMlmHead());
        assertTrue(m.model().hasSopHead());
        assertFalse(m.hasTokenizer());
        assertNull(m.tokenizerFile());
        assertEquals("the folder has no tokenizer file (tokenizer.json, spiece.model, vocab.txt)",
                m.noTokenizerReason());
        assertEquals(List.of(), m.warnings());
    }

    @Test
    void savedFolderLoadsBackTheSameWeightsAndConfig() throws Exception {
        AlbertConfig c = AlbertConfig.builder().vocabSize(50).embeddingSize(8).hiddenSize(12).numHiddenLayers(4)
                .numHiddenGroups(2).numAttentionHeads(3).intermediateSize(20).maxPositionEmbeddings(16)
                .sharingMode(SharingMode.SHARED_FFN).build();
        AlbertWeights w = Fixtures.randomWeights(c, 5, true, false);
        Path dir = tmp.resolve("out").resolve("model");
        ModelFolder.save(dir, w, null);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("config.json", "model.safetensors"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
        assertTrue(text(dir.resolve("config.json")).contains("\"AlbertForMaskedLM\""));
        LoadedModel m = ModelFolder.load(dir);
        assertEquals(c, m.config());
        List<Tensor> want = CheckpointLayout.toTensors(w);
        List<Tensor> got = CheckpointLayout.toTensors(m.model().weights());
        assertEquals(want.stream().map(Tensor::name).toList(), got.stream().map(Tensor::name).toList());
        for (int i = 0; i < want.size(); i++) assertArrayEquals(want.get(i).data(), got.get(i).data());

        // saving again replaces the files in place
        ModelFolder.save(dir, Fixtures.randomWeights(c, 6, true, false), null);
        assertEquals(c, ModelFolder.load(dir).config());
    }

    @Test
    void savingCopiesTheTokenizerWithItsSettings() throws Exception {
        Path from = Files.createDirectories(tmp.resolve("tok"));
        Files.writeString(from.resolve("vocab.txt"), "[PAD]\n[UNK]\n");
        Files.writeString(from.resolve("tokenizer_config.json"), "{\"do_lower_case\": true}");
        AlbertWeights w = CheckpointLayout.toWeights(ConfigJson.read(golden().resolve("config.json")),
                Safetensors.readContents(golden().resolve("model.safetensors")), Path.of("m")).weights();
        Path dir = tmp.resolve("saved");
        ModelFolder.save(dir, w, from.resolve("vocab.txt"));
        assertEquals("[PAD]\n[UNK]\n", text(dir.resolve("vocab.txt")));
        assertEquals("{\"do_lower_case\": true}", text(dir.resolve("tokenizer_config.json")));
        assertArrayEquals(Fixtures.golden("model.safetensors"), Files.readAllBytes(dir.resolve("model.safetensors")));
    }

    @Test
    void aTokenizerThatFailsToLoadFailsTheWholeFolder() throws Exception {
        Path dir = golden();
        Files.writeString(dir.resolve("tokenizer.json"), "{ not json");
        String m = failure(dir);
        assertTrue(m.startsWith("tokenizer.json: ") || m.startsWith("albert-tiny-a: "), m);
    }

    // ---- one fixture per failure ----

    @Test
    void truncatedSafetensorsIsRefused() throws Exception {
        Path dir = golden();
        byte[] bytes = Fixtures.golden("model.safetensors");
        Files.write(dir.resolve("model.safetensors"), Arrays.copyOf(bytes, 20_000));
        assertEquals("model.safetensors: truncated: the tensors need 55592 bytes of data, the file has 16312 after "
                + "the header", failure(dir));
    }

    @Test
    void headerLengthBeyondTheFileIsRefused() throws Exception {
        Path dir = golden();
        byte[] bytes = Fixtures.golden("model.safetensors");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        Files.write(dir.resolve("model.safetensors"), bytes);
        assertEquals("model.safetensors: header length 1099511627776 is beyond the end of the file (59280 bytes): "
                + "truncated or not a safetensors file", failure(dir));
    }

    @Test
    void unknownDtypeIsRefused() throws Exception {
        Path dir = golden();
        byte[] bytes = Fixtures.golden("model.safetensors");
        String s = new String(bytes, StandardCharsets.ISO_8859_1).replaceFirst("\"F32\"", "\"F33\"");
        Files.write(dir.resolve("model.safetensors"), s.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("model.safetensors: tensor albert.embeddings.LayerNorm.bias has unknown dtype 'F33'", failure(dir));
    }

    @Test
    void shapeDisagreeingWithConfigJsonIsRefused() throws Exception {
        Path dir = golden();
        Files.writeString(dir.resolve("config.json"),
                text(dir.resolve("config.json")).replace("\"vocab_size\": 120", "\"vocab_size\": 121"));
        assertEquals("model.safetensors: tensor albert.embeddings.word_embeddings.weight has shape [120, 16] but "
                + "config.json expects [121, 16]", failure(dir));
    }

    @Test
    void missingTensorIsRefused() throws Exception {
        Path dir = golden();
        Map<String, Tensor> t = Safetensors.read(dir.resolve("model.safetensors"));
        List<Tensor> without = new ArrayList<>(t.values());
        without.removeIf(x -> x.name().equals("albert.encoder.embedding_hidden_mapping_in.bias"));
        Safetensors.write(dir.resolve("model.safetensors"), without);
        assertEquals("model.safetensors: missing tensor albert.encoder.embedding_hidden_mapping_in.bias "
                + "(config.json expects shape [32])", failure(dir));
    }

    @Test
    void hiddenSizeNotDivisibleByHeadsIsRefused() throws Exception {
        Path dir = golden();
        Files.writeString(dir.resolve("config.json"), text(dir.resolve("config.json"))
                .replace("\"num_attention_heads\": 4", "\"num_attention_heads\": 5"));
        assertEquals("config.json: hidden_size 32 is not divisible by num_attention_heads 5", failure(dir));
    }

    @Test
    void layersNotDivisibleByGroupsIsRefused() throws Exception {
        Path dir = golden();
        Files.writeString(dir.resolve("config.json"), text(dir.resolve("config.json"))
                .replace("\"num_hidden_groups\": 1", "\"num_hidden_groups\": 4"));
        assertEquals("config.json: num_hidden_layers 6 is not divisible by num_hidden_groups 4", failure(dir));
    }

    @Test
    void pickledBinWithoutSafetensorsIsRefusedBecauseItCouldRunCode() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        Files.write(dir.resolve("config.json"), Fixtures.golden("config.json"));
        Files.write(dir.resolve("pytorch_model.bin"), new byte[]{(byte) 0x80, 2, 'c'});
        String m = failure(dir);
        assertTrue(m.startsWith("pytorch_model.bin: is a pickled PyTorch file"), m);
        assertTrue(m.contains("ALBERT Lab never executes code from a file"), m);
        assertTrue(m.contains("model.safetensors"), m);
    }

    @Test
    void binNextToSafetensorsIsNotNeeded() throws Exception {
        Path dir = golden();
        Files.write(dir.resolve("pytorch_model.bin"), new byte[]{(byte) 0x80});
        assertEquals(6, ModelFolder.load(dir).config().numHiddenLayers());
    }

    @Test
    void emptyFolderIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        assertEquals("empty: empty folder: a model folder holds config.json, model.safetensors and a tokenizer "
                + "(tokenizer.json, spiece.model, vocab.txt)", failure(dir));
    }

    @Test
    void configJsonThatIsNotJsonIsRefused() throws Exception {
        Path dir = golden();
        Files.writeString(dir.resolve("config.json"), "vocab_size = 120\n");
        String m = failure(dir);
        assertTrue(m.startsWith("config.json: is not valid JSON ("), m);
    }

    @Test
    void missingFolderFileInsteadOfFolderAndMissingConfigAreNamed() throws Exception {
        assertEquals("nowhere: no such folder", failure(tmp.resolve("nowhere")));
        Path dir = golden();
        assertTrue(failure(dir.resolve("model.safetensors")).startsWith("model.safetensors: is a file, not a model "
                + "folder"));
        Files.delete(dir.resolve("config.json"));
        assertEquals("config.json: not found: model.safetensors needs the config.json it was saved with", failure(dir));
    }

    @Test
    void otherFilesWithoutSafetensorsAreListed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tf"));
        Files.write(dir.resolve("config.json"), Fixtures.golden("config.json"));
        Files.write(dir.resolve("tf_model.h5"), new byte[3]);
        assertEquals("model.safetensors: not found in tf (it has config.json, tf_model.h5)", failure(dir));
        Files.writeString(dir.resolve("model.safetensors.index.json"), "{}");
        assertTrue(failure(dir).startsWith("model.safetensors.index.json: the model is split into several"));
    }
}
