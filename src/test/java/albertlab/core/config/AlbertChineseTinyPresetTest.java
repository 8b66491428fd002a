package albertlab.core.config;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The preset albert-chinese-tiny holds the values of albert_chinese_tiny's config.json (test resource
 * real/albert-chinese-vocab/config.json; see its PROVENANCE.md). ParameterCounterTest counts it.
 */
class AlbertChineseTinyPresetTest {

    @Test
    void presetEqualsTheConfigJson() throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/real/albert-chinese-vocab/config.json").toURI());
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        AlbertConfig c = Presets.require("albert-chinese-tiny").config();
        assertEquals("albert", json.get("model_type").getAsString());
        assertEquals(json.get("vocab_size").getAsInt(), c.vocabSize());
        assertEquals(json.get("embedding_size").getAsInt(), c.embeddingSize());
        assertEquals(json.get("hidden_size").getAsInt(), c.hiddenSize());
        assertEquals(json.get("intermediate_size").getAsInt(), c.intermediateSize());
        assertEquals(json.get("num_hidden_layers").getAsInt(), c.numHiddenLayers());
        assertEquals(json.get("num_attention_heads").getAsInt(), c.numAttentionHeads());
        assertEquals(json.get("num_hidden_groups").getAsInt(), c.numHiddenGroups());
        assertEquals(json.get("inner_group_num").getAsInt(), c.innerGroupNum());
        assertEquals(Activation.fromHfName(json.get("hidden_act").getAsString()), c.hiddenAct());
        assertEquals(json.get("max_position_embeddings").getAsInt(), c.maxPositionEmbeddings());
        assertEquals(json.get("type_vocab_size").getAsInt(), c.typeVocabSize());
        assertEquals(json.get("layer_norm_eps").getAsDouble(), c.layerNormEps());
        assertEquals(json.get("pad_token_id").getAsInt(), c.padTokenId());
        assertEquals(SharingMode.ALL_SHARED, c.sharingMode());
    }
}
