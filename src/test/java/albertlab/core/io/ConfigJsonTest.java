package albertlab.core.io;

import albertlab.core.config.Activation;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.Presets;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigJsonTest {

    private static final Path FILE = Path.of("some", "folder", "config.json");
    private static final String TINY = "\"vocab_size\": 120, \"hidden_size\": 32, \"num_hidden_layers\": 6, "
            + "\"num_attention_heads\": 4, \"intermediate_size\": 64";

    @TempDir
    Path dir;

    private static String failure(String json) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> ConfigJson.parse(FILE, json));
        assertTrue(e.getMessage().startsWith("config.json: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void goldenConfigIsAlbertTinyA() throws Exception {
        Path file = Files.write(dir.resolve("config.json"), Fixtures.golden("config.json"));
        AlbertConfig c = ConfigJson.read(file);
        assertEquals(AlbertConfig.builder().vocabSize(120).embeddingSize(16).hiddenSize(32).numHiddenLayers(6)
                .numHiddenGroups(1).numAttentionHeads(4).intermediateSize(64).innerGroupNum(1)
                .hiddenAct(Activation.GELU_NEW).maxPositionEmbeddings(64).typeVocabSize(2).layerNormEps(1e-12)
                .padTokenId(0).sharingMode(SharingMode.ALL_SHARED)
                .projection(ProjectionConvention.HUGGING_FACE_ALWAYS).build(), c);
    }

    @Test
    void absentOptionalFieldsTakeHuggingFaceDefaults() throws Exception {
        AlbertConfig c = ConfigJson.parse(FILE, "{" + TINY + "}");
        assertEquals(128, c.embeddingSize());
        assertEquals(1, c.numHiddenGroups());
        assertEquals(1, c.innerGroupNum());
        assertEquals(Activation.GELU_NEW, c.hiddenAct());
        assertEquals(512, c.maxPositionEmbeddings());
        assertEquals(2, c.typeVocabSize());
        assertEquals(1e-12, c.layerNormEps());
        assertEquals(0, c.padTokenId());
        assertEquals(SharingMode.ALL_SHARED, c.sharingMode());
        assertEquals(ProjectionConvention.HUGGING_FACE_ALWAYS, c.projection());
        // null is "not given" too, as Python's None would be for an optional field
        assertEquals(512, ConfigJson.parse(FILE, "{" + TINY + ", \"max_position_embeddings\": null}")
                .maxPositionEmbeddings());
    }

    @Test
    void unknownFieldsAndNestedValuesAreIgnored() throws Exception {
        AlbertConfig c = ConfigJson.parse(FILE, "{" + TINY + ", \"architectures\": [\"AlbertForMaskedLM\"], "
                + "\"id2label\": {\"0\": \"a\"}, \"output_past\": true, \"gap_size\": 0}");
        assertEquals(32, c.hiddenSize());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "albert-base-v2", "albert-xxlarge-v2", "bert-base-uncased", "albert-chinese-tiny", "seed-example"})
    void presetsRoundTrip(String preset) throws Exception {
        AlbertConfig c = Presets.require(preset).config();
        AlbertConfig back = ConfigJson.parse(FILE, ConfigJson.toJson(c, "AlbertModel"));
        // an unshared model is written as HF's G = L (one group per layer), which HF reads the same way
        assertEquals(c.toBuilder().numHiddenGroups(c.effectiveGroups()).build(), back);
    }

    @ParameterizedTest(name = "{0} G={1} inner={2} projection={3}")
    @CsvSource({
            "ALL_SHARED, 3, 2, HUGGING_FACE_ALWAYS",
            "SHARED_ATTENTION, 2, 1, HUGGING_FACE_ALWAYS",
            "SHARED_FFN, 1, 3, ORIGINAL_ONLY_WHEN_FACTORIZED",
            "NOT_SHARED, 6, 1, ORIGINAL_ONLY_WHEN_FACTORIZED"})
    void sharingModesAndProjectionRoundTripThroughAFile(SharingMode mode, int groups, int inner,
                                                        ProjectionConvention projection) throws Exception {
        AlbertConfig c = AlbertConfig.builder().vocabSize(99).embeddingSize(24).hiddenSize(24).numHiddenLayers(6)
                .numHiddenGroups(groups).innerGroupNum(inner).numAttentionHeads(3).intermediateSize(40)
                .hiddenAct(Activation.RELU).maxPositionEmbeddings(33).typeVocabSize(3).layerNormEps(1e-5)
                .padTokenId(1).sharingMode(mode).projection(projection).build();
        Path file = dir.resolve("config.json");
        ConfigJson.write(file, c, "AlbertForPreTraining");
        assertEquals(c, ConfigJson.read(file));
    }

    @Test
    void writtenConfigUsesHuggingFaceFieldsAndAddsOursOnlyWhenNeeded() {
        AlbertConfig hf = Presets.require("albert-base-v2").config();
        JsonObject json = JsonParser.parseString(ConfigJson.toJson(hf, "AlbertForPreTraining")).getAsJsonObject();
        assertEquals("albert", json.get("model_type").getAsString());
        assertEquals("AlbertForPreTraining", json.getAsJsonArray("architectures").get(0).getAsString());
        assertEquals(30000, json.get("vocab_size").getAsInt());
        assertEquals(128, json.get("embedding_size").getAsInt());
        assertEquals(3072, json.get("intermediate_size").getAsInt());
        assertEquals("gelu_new", json.get("hidden_act").getAsString());
        assertEquals(1e-12, json.get("layer_norm_eps").getAsDouble());
        assertFalse(json.has(ConfigJson.SHARING));
        assertFalse(json.has(ConfigJson.PROJECTION));

        AlbertConfig partial = hf.toBuilder().sharingMode(SharingMode.SHARED_FFN).build();
        json = JsonParser.parseString(ConfigJson.toJson(partial, null)).getAsJsonObject();
        assertEquals("shared-ffn", json.get(ConfigJson.SHARING).getAsString());
        assertFalse(json.has("architectures"));

        AlbertConfig bert = Presets.require("bert-base-uncased").config();
        json = JsonParser.parseString(ConfigJson.toJson(bert, null)).getAsJsonObject();
        assertEquals(12, json.get("num_hidden_groups").getAsInt(), "HF reads an unshared model as G = L");
        assertEquals("not-shared", json.get(ConfigJson.SHARING).getAsString());
        assertEquals("original", json.get(ConfigJson.PROJECTION).getAsString());
    }

    @Test
    void writerKeepsKeysSortedAsSavePretrainedDoes() {
        String text = ConfigJson.toJson(Presets.require("albert-base-v2").config(), null);
        int a = text.indexOf("\"attention_probs_dropout_prob\"");
        int h = text.indexOf("\"hidden_size\"");
        int v = text.indexOf("\"vocab_size\"");
        assertTrue(a >= 0 && a < h && h < v, text);
        assertTrue(text.endsWith("}\n"));
    }

    @Test
    void sharingAcceptsTheCommandLineWordsToo() throws Exception {
        assertEquals(SharingMode.SHARED_ATTENTION,
                ConfigJson.parse(FILE, "{" + TINY + ", \"albert_lab_sharing\": \"attention\"}").sharingMode());
        assertEquals(SharingMode.NOT_SHARED,
                ConfigJson.parse(FILE, "{" + TINY + ", \"albert_lab_sharing\": \"none\"}").sharingMode());
    }

    // ---- one fixture per failure ----

    @Test
    void textThatIsNotJsonIsRefused() {
        // Gson's advice to parse leniently means nothing to a user and is left out
        assertEquals("config.json: is not valid JSON (malformed JSON at line 1 column 1 path $)",
                failure("this is not json"));
        assertTrue(failure("{\"vocab_size\": 120,").contains("is not valid JSON"));
        assertTrue(failure("[1, 2]").contains("is not a JSON object"));
        assertTrue(failure("").contains("is not valid JSON"));
        assertTrue(failure("{" + TINY + "} {}").contains("is not valid JSON"));
        assertTrue(failure("{" + TINY + ", \"hidden_size\": 32}").contains("names hidden_size twice"));
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertEquals("config.json: missing required field hidden_size",
                failure("{\"vocab_size\": 120, \"num_hidden_layers\": 6, \"num_attention_heads\": 4, "
                        + "\"intermediate_size\": 64}"));
    }

    @Test
    void hiddenSizeNotDivisibleByHeadsIsRefused() {
        assertEquals("config.json: hidden_size 30 is not divisible by num_attention_heads 4",
                failure("{" + TINY.replace("\"hidden_size\": 32", "\"hidden_size\": 30") + "}"));
    }

    @Test
    void layersNotDivisibleByGroupsIsRefused() {
        assertEquals("config.json: num_hidden_layers 6 is not divisible by num_hidden_groups 4",
                failure("{" + TINY + ", \"num_hidden_groups\": 4}"));
    }

    @Test
    void wrongValueTypesAreNamed() {
        assertEquals("config.json: hidden_size must be a whole number, got \"32\"",
                failure("{" + TINY.replace("\"hidden_size\": 32", "\"hidden_size\": \"32\"") + "}"));
        assertEquals("config.json: vocab_size must be a whole number, got 1.5e3",
                failure("{" + TINY.replace("120", "1.5e3") + "}"));
        assertEquals("config.json: vocab_size 99999999999 is out of range",
                failure("{" + TINY.replace("120", "99999999999") + "}"));
        assertTrue(failure("{" + TINY + ", \"layer_norm_eps\": \"small\"}").contains("layer_norm_eps must be a number"));
        assertTrue(failure("{" + TINY + ", \"layer_norm_eps\": 0}").contains("layer_norm_eps must be a positive"));
        assertTrue(failure("{" + TINY.replace("120", "0") + "}").contains("vocab_size (V) must be at least 1"));
    }

    @Test
    void unsupportedModelsAreNamed() {
        assertTrue(failure("{" + TINY + ", \"model_type\": \"bert\"}").contains("model_type is 'bert', not 'albert'"));
        assertTrue(failure("{" + TINY + ", \"hidden_act\": \"swish\"}").contains("unsupported hidden_act 'swish'"));
        assertTrue(failure("{" + TINY + ", \"position_embedding_type\": \"relative_key\"}")
                .contains("position_embedding_type 'relative_key' is not supported"));
        assertTrue(failure("{" + TINY + ", \"albert_lab_sharing\": \"half\"}")
                .contains("albert_lab_sharing 'half' is not one of"));
        assertTrue(failure("{" + TINY + ", \"albert_lab_projection\": \"maybe\"}")
                .contains("albert_lab_projection 'maybe' is not hf or original"));
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        byte[] bytes = ("{" + TINY + ", \"x\": \"\u00e9\"}").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xff;
        Path file = Files.write(dir.resolve("config.json"), bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> ConfigJson.read(file));
        assertEquals("config.json: the file is not valid UTF-8 text", e.getMessage());
    }
}
