package albertlab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole production path against the golden set: {@code forward --model DIR --ids … --json} reads config.json
 * and model.safetensors through ModelFolder and CheckpointLayout, runs the model and prints every field, which
 * must match cases.json within its tolerance. (The model tests use a test-only loader; this one does not.)
 */
class ForwardGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/albert-tiny-a");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain", "two_segments", "padded_pair", "defaults", "mask_hole_nonzero_pad_ids",
            "single_token"})
    void forwardCommandReproducesGoldenCase(String name) throws Exception {
        JsonObject cases = JsonParser.parseString(Files.readString(GOLDEN.resolve("cases.json"))).getAsJsonObject();
        JsonObject c = null;
        for (JsonElement e : cases.getAsJsonArray("cases")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) c = e.getAsJsonObject();
        }
        double abs = cases.getAsJsonObject("tolerance").get("abs").getAsDouble();
        double rel = cases.getAsJsonObject("tolerance").get("rel").getAsDouble();

        List<String> argv = new ArrayList<>(List.of("forward", "--model", GOLDEN.toString(), "--json",
                "--ids", join(c.getAsJsonArray("input_ids"))));
        if (!c.get("attention_mask").isJsonNull()) argv.addAll(List.of("--mask", join(c.getAsJsonArray("attention_mask"))));
        if (!c.get("token_type_ids").isJsonNull()) argv.addAll(List.of("--type-ids", join(c.getAsJsonArray("token_type_ids"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        JsonObject got = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();

        near("embeddingOutput", c.get("embedding_output"), got.get("embeddingOutput"), abs, rel);
        near("hiddenStates", c.get("hidden_states_per_albert_layer"), got.get("hiddenStates"), abs, rel);
        near("attentions", c.get("attentions"), got.get("attentions"), abs, rel);
        near("pooledOutput", c.get("pooler_output"), got.get("pooledOutput"), abs, rel);
        near("sopLogits", c.get("sop_logits"), got.get("sopLogits"), abs, rel);
        JsonArray mlm = got.getAsJsonArray("mlmLogits");
        JsonArray want = c.getAsJsonArray("mlm_logits_first3");
        for (int t = 0; t < want.size(); t++) near("mlmLogits[" + t + "]", want.get(t), mlm.get(t), abs, rel);
        JsonArray summaries = got.getAsJsonArray("layerSummaries");
        JsonArray wantSummaries = c.getAsJsonArray("albert_layer_summaries");
        assertEquals(wantSummaries.size(), summaries.size());
        for (int i = 0; i < wantSummaries.size(); i++) {
            JsonObject w = wantSummaries.get(i).getAsJsonObject();
            JsonObject g = summaries.get(i).getAsJsonObject();
            near("cosine " + i, w.get("cosine"), g.get("cosine"), abs, rel);
            near("angle " + i, w.get("angle_deg"), g.get("angleDegrees"), abs, rel);
            near("l2 " + i, w.get("l2"), g.get("l2"), abs, rel);
        }
    }

    private static String join(JsonArray a) {
        List<String> parts = new ArrayList<>();
        a.forEach(e -> parts.add(e.getAsString()));
        return String.join(",", parts);
    }

    /** Walks two nested arrays of numbers in step; every leaf within abs + rel·|want|. */
    private static void near(String what, JsonElement want, JsonElement got, double abs, double rel) {
        assertTrue(got != null && !got.isJsonNull(), what + " is missing");
        if (want.isJsonArray()) {
            JsonArray w = want.getAsJsonArray();
            JsonArray g = got.getAsJsonArray();
            assertEquals(w.size(), g.size(), what + ": length");
            for (int i = 0; i < w.size(); i++) near(what, w.get(i), g.get(i), abs, rel);
            return;
        }
        double wv = want.getAsDouble();
        double gv = got.getAsDouble();
        assertTrue(Math.abs(gv - wv) <= abs + rel * Math.abs(wv), what + ": got " + gv + ", want " + wv);
    }
}
