package albertlab.core.model;

import albertlab.core.config.Activation;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.io.Safetensors;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ejml.data.FMatrixRMaj;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TEST ONLY: reads the golden set's config.json and Hugging Face keys into {@link AlbertWeights} (G groups of
 * inner_group_num layers, all shared), so the model can be checked before the production loader in core/io
 * exists.
 */
final class GoldenCheckpoint {

    static final Path DIR = Path.of("src/test/resources/golden/albert-tiny-a");

    private GoldenCheckpoint() {
    }

    static AlbertConfig config() throws IOException {
        JsonObject j = JsonParser.parseString(Files.readString(DIR.resolve("config.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        return AlbertConfig.builder()
                .vocabSize(j.get("vocab_size").getAsInt())
                .embeddingSize(j.get("embedding_size").getAsInt())
                .hiddenSize(j.get("hidden_size").getAsInt())
                .numHiddenLayers(j.get("num_hidden_layers").getAsInt())
                .numHiddenGroups(j.get("num_hidden_groups").getAsInt())
                .numAttentionHeads(j.get("num_attention_heads").getAsInt())
                .intermediateSize(j.get("intermediate_size").getAsInt())
                .innerGroupNum(j.get("inner_group_num").getAsInt())
                .hiddenAct(Activation.fromHfName(j.get("hidden_act").getAsString()))
                .maxPositionEmbeddings(j.get("max_position_embeddings").getAsInt())
                .typeVocabSize(j.get("type_vocab_size").getAsInt())
                .layerNormEps(j.get("layer_norm_eps").getAsDouble())
                .padTokenId(j.get("pad_token_id").getAsInt())
                .sharingMode(SharingMode.ALL_SHARED)
                .projection(ProjectionConvention.HUGGING_FACE_ALWAYS)
                .build();
    }

    static AlbertWeights weights() throws Exception {
        AlbertConfig c = config();
        Map<String, Tensor> t = Safetensors.read(DIR.resolve("model.safetensors"));
        String e = "albert.embeddings.";
        AlbertWeights.Embeddings embeddings = new AlbertWeights.Embeddings(matrix(t, e + "word_embeddings.weight"),
                matrix(t, e + "position_embeddings.weight"), matrix(t, e + "token_type_embeddings.weight"),
                norm(t, e + "LayerNorm"));
        List<AlbertWeights.Attention> attention = new ArrayList<>();
        List<AlbertWeights.Ffn> ffn = new ArrayList<>();
        for (int g = 0; g < c.numHiddenGroups(); g++) {
            for (int j = 0; j < c.innerGroupNum(); j++) {
                String p = "albert.encoder.albert_layer_groups." + g + ".albert_layers." + j + ".";
                attention.add(new AlbertWeights.Attention(linear(t, p + "attention.query"),
                        linear(t, p + "attention.key"), linear(t, p + "attention.value"),
                        linear(t, p + "attention.dense"), norm(t, p + "attention.LayerNorm")));
                ffn.add(new AlbertWeights.Ffn(linear(t, p + "ffn"), linear(t, p + "ffn_output"),
                        norm(t, p + "full_layer_layer_norm")));
            }
        }
        AlbertWeights.MaskedLmHead mlm = new AlbertWeights.MaskedLmHead(linear(t, "predictions.dense"),
                norm(t, "predictions.LayerNorm"), vector(t, "predictions.bias"));
        return new AlbertWeights(c, embeddings, linear(t, "albert.encoder.embedding_hidden_mapping_in"),
                attention, ffn, linear(t, "albert.pooler"), mlm, linear(t, "sop_classifier.classifier"));
    }

    private static FMatrixRMaj matrix(Map<String, Tensor> t, String key) {
        Tensor x = require(t, key);
        return new FMatrixRMaj(x.shape()[0], x.shape()[1], true, x.data().clone());
    }

    private static float[] vector(Map<String, Tensor> t, String key) {
        return require(t, key).data().clone();
    }

    private static AlbertWeights.Linear linear(Map<String, Tensor> t, String prefix) {
        return new AlbertWeights.Linear(matrix(t, prefix + ".weight"), vector(t, prefix + ".bias"));
    }

    private static AlbertWeights.Norm norm(Map<String, Tensor> t, String prefix) {
        return new AlbertWeights.Norm(vector(t, prefix + ".weight"), vector(t, prefix + ".bias"));
    }

    private static Tensor require(Map<String, Tensor> t, String key) {
        Tensor x = t.get(key);
        if (x == null) throw new IllegalStateException("golden checkpoint lacks " + key);
        return x;
    }
}
