package albertlab.core.model;

import albertlab.core.ops.Kernel;
import albertlab.core.ops.Kernels;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every field of every case of the golden set albert-tiny-a (Hugging Face semantics, computed in float64 by an
 * independent NumPy implementation) within |got − want| ≤ 1e-4 + 1e-4·|want|, on both kernels.
 */
class GoldenTinyATest {

    private static JsonObject golden;
    private static List<AlbertModel> models;
    private static double abs;
    private static double rel;

    @BeforeAll
    static void load() throws Exception {
        golden = JsonParser.parseString(Files.readString(GoldenCheckpoint.DIR.resolve("cases.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
        abs = golden.getAsJsonObject("tolerance").get("abs").getAsDouble();
        rel = golden.getAsJsonObject("tolerance").get("rel").getAsDouble();
        AlbertWeights weights = GoldenCheckpoint.weights();
        models = new ArrayList<>();
        models.add(AlbertModel.create(weights, Kernels.scalar()));
        Kernels.vector().ifPresent(k -> models.add(AlbertModel.create(weights, k)));
    }

    @Test
    void plain() {
        check("plain");
    }

    @Test
    void twoSegments() {
        check("two_segments");
    }

    @Test
    void paddedPair() {
        check("padded_pair");
    }

    @Test
    void defaults() {
        check("defaults");
    }

    @Test
    void maskHoleNonzeroPadIds() {
        check("mask_hole_nonzero_pad_ids");
    }

    @Test
    void singleToken() {
        check("single_token");
    }

    @Test
    void bothKernelsAreTested() {
        assertTrue(Kernels.vector().isPresent(), "tests run with --add-modules jdk.incubator.vector");
        assertEquals(2, models.size());
    }

    @Test
    void scheduleMatchesGolden() throws Exception {
        LayerSchedule schedule = LayerSchedule.of(GoldenCheckpoint.config());
        JsonArray want = golden.getAsJsonArray("layer_schedule");
        assertEquals(want.size(), schedule.size());
        for (int t = 0; t < want.size(); t++) {
            JsonObject w = want.get(t).getAsJsonObject();
            LayerSchedule.Application a = schedule.get(t);
            assertEquals(w.get("layer").getAsInt(), a.layer());
            assertEquals(w.get("group").getAsInt(), a.group());
            assertEquals(w.get("inner").getAsInt(), a.inner());
        }
    }

    private void check(String name) {
        JsonObject c = findCase(name);
        ModelInput input = new ModelInput(ints(c.get("input_ids")), ints(c.get("token_type_ids")),
                ints(c.get("attention_mask")));
        for (AlbertModel model : models) {
            ForwardTrace trace = model.forward(input);
            String at = name + " [" + model.kernelName() + "] ";
            int s = input.length();
            assertEquals(c.get("seq_len").getAsInt(), s);
            near(at + "embedding_output", c.get("embedding_output"), trace.embeddingOutput());
            near(at + "hidden_states", c.get("hidden_states"), trace.hiddenStatesPerOuterLayer().toArray());
            near(at + "hidden_states_per_albert_layer", c.get("hidden_states_per_albert_layer"),
                    trace.hiddenStates().toArray());
            near(at + "attentions", c.get("attentions"), trace.attentions().toArray());
            near(at + "pooler_output", c.get("pooler_output"), trace.pooledOutput());
            assertNotNull(trace.mlmLogits(), at + "MLM logits");
            JsonArray mlm = c.getAsJsonArray("mlm_logits_first3");
            assertEquals(Math.min(3, s), mlm.size());
            for (int t = 0; t < mlm.size(); t++) near(at + "mlm_logits_first3[" + t + "]", mlm.get(t), trace.mlmLogits()[t]);
            near(at + "sop_logits", c.get("sop_logits"), trace.sopLogits());

            // inner_group_num = 1 here: per-layer and per-application summaries are the same list
            JsonArray layers = c.getAsJsonArray("layer_summaries");
            JsonArray apps = c.getAsJsonArray("albert_layer_summaries");
            assertEquals(trace.layerSummaries().size(), layers.size());
            assertEquals(trace.layerSummaries().size(), apps.size());
            for (int t = 0; t < apps.size(); t++) {
                LayerSummary got = trace.layerSummaries().get(t);
                for (JsonObject w : List.of(layers.get(t).getAsJsonObject(), apps.get(t).getAsJsonObject())) {
                    String where = at + "summary " + t;
                    near(where + " cosine", w.get("cosine").getAsDouble(), got.cosine());
                    near(where + " angle_deg", w.get("angle_deg").getAsDouble(), got.angleDegrees());
                    near(where + " l2", w.get("l2").getAsDouble(), got.l2());
                    assertEquals(w.get("layer").getAsInt(), trace.schedule().get(t).layer(), where);
                    assertEquals(w.get("group").getAsInt(), trace.schedule().get(t).group(), where);
                }
                JsonObject w = apps.get(t).getAsJsonObject();
                assertEquals(w.get("inner").getAsInt(), trace.schedule().get(t).inner());
                assertEquals(w.get("application").getAsInt(), trace.schedule().get(t).index());
            }
        }
    }

    private static JsonObject findCase(String name) {
        for (JsonElement e : golden.getAsJsonArray("cases")) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) return e.getAsJsonObject();
        }
        throw new IllegalStateException("no golden case " + name);
    }

    private static int[] ints(JsonElement e) {
        if (e == null || e.isJsonNull()) return null;
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsInt();
        return out;
    }

    /** Compares nested JSON arrays with nested float arrays (or Object[] of them), element by element. */
    private void near(String where, JsonElement want, Object got) {
        if (want.isJsonArray()) {
            JsonArray w = want.getAsJsonArray();
            int n = java.lang.reflect.Array.getLength(got);
            assertEquals(w.size(), n, where + ": length");
            for (int i = 0; i < n; i++) near(where + "[" + i + "]", w.get(i), java.lang.reflect.Array.get(got, i));
        } else {
            near(where, want.getAsDouble(), ((Number) got).doubleValue());
        }
    }

    private void near(String where, double want, double got) {
        if (!(Math.abs(got - want) <= abs + rel * Math.abs(want))) {
            fail(where + ": got " + got + ", want " + want);
        }
    }
}
