package albertlab.cli;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.LayerSchedule;
import albertlab.core.model.LayerSummary;
import albertlab.core.model.ModelInput;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON and text that {@code forward} prints, from a hand-made trace (S=3, E=2, H=4, A=2, V=5, L=2, one repeat). */
class ForwardOutputTest {

    private static final AlbertConfig CONFIG = AlbertConfig.builder().vocabSize(5).embeddingSize(2).hiddenSize(4)
            .numHiddenLayers(2).numAttentionHeads(2).intermediateSize(3).maxPositionEmbeddings(8).build();

    private static ForwardTrace trace(boolean heads) {
        ModelInput input = new ModelInput(new int[]{1, 4, 2}, new int[]{0, 0, 1}, new int[]{1, 1, 0});
        List<LayerSchedule.Application> schedule = LayerSchedule.of(CONFIG, 1).applications();
        float[][] state = {{1, 2, 3, 4}, {0, 0, 0, 1}, {-1, 0.5f, 0, 0}};
        float[][][] attention = {{{1, 0, 0}, {0.5f, 0.5f, 0}, {0.25f, 0.75f, 0}}, {{1, 0, 0}, {0, 1, 0}, {1, 0, 0}}};
        float[][] mlm = {{0, 1, 9, 2, 3}, {5, 1, 0, 0, 0}, {0, 0, 0, 0, 0.5f}};
        return new ForwardTrace(input, schedule, new float[][]{{1, 2}, {3, 4}, {5, 6}},
                List.of(state, state, state, state), List.of(attention, attention, attention),
                List.of(new LayerSummary(0.9, 25.84, 1.5), new LayerSummary(0.99, 8.1, 0.5),
                        new LayerSummary(1.0, 0.0, 0.0)),
                new float[]{3, 4, 0, Float.NaN}, heads ? mlm : null, heads ? new float[]{0.25f, -1} : null, 2.5);
    }

    private static ForwardReport report(boolean heads) {
        return new ForwardReport("models/tiny", CONFIG, null, null, false, trace(heads), 2.25, 4,
                List.of("config.json: something to know"), "scalar (no Vector API)");
    }

    private static JsonObject json(ForwardReport r, boolean brief) throws IOException {
        StringWriter out = new StringWriter();
        ForwardJson.write(r, brief, out);
        assertTrue(out.toString().endsWith(System.lineSeparator()));
        return JsonParser.parseString(out.toString()).getAsJsonObject(); // lenient: reads NaN
    }

    @Test
    void jsonHasEveryFieldWithItsShape() throws IOException {
        JsonObject j = json(report(true), false);
        assertEquals("models/tiny", j.get("model").getAsString());
        assertTrue(j.get("tokens").isJsonNull());
        assertEquals("[1,4,2]", j.get("ids").toString());
        assertEquals("[0,0,1]", j.get("typeIds").toString());
        assertEquals("[1,1,0]", j.get("mask").toString());
        assertFalse(j.get("truncated").getAsBoolean());
        assertEquals(3, j.getAsJsonArray("schedule").size());
        assertTrue(j.getAsJsonArray("schedule").get(2).getAsJsonObject().get("extra").getAsBoolean());
        assertEquals("[[1.0,2.0],[3.0,4.0],[5.0,6.0]]", j.get("embeddingOutput").toString());
        JsonArray hidden = j.getAsJsonArray("hiddenStates");
        assertEquals(4, hidden.size());
        assertEquals(3, hidden.get(0).getAsJsonArray().size());
        assertEquals(4, hidden.get(0).getAsJsonArray().get(0).getAsJsonArray().size());
        JsonArray attentions = j.getAsJsonArray("attentions");
        assertEquals(3, attentions.size());
        assertEquals("[0.25,0.75,0.0]", attentions.get(0).getAsJsonArray().get(0).getAsJsonArray().get(2).toString());
        assertEquals(4, j.getAsJsonArray("pooledOutput").size());
        assertTrue(Double.isNaN(j.getAsJsonArray("pooledOutput").get(3).getAsDouble()), "NaN is written, not dropped");
        assertEquals(5, j.getAsJsonArray("mlmLogits").get(0).getAsJsonArray().size());
        JsonArray top = j.getAsJsonArray("mlmTop");
        assertEquals(2, top.get(0).getAsJsonObject().get("id").getAsInt());
        assertEquals("#2", top.get(0).getAsJsonObject().get("token").getAsString());
        assertEquals(9.0, top.get(0).getAsJsonObject().get("logit").getAsDouble());
        assertEquals(0, top.get(1).getAsJsonObject().get("id").getAsInt());
        assertEquals(4, top.get(2).getAsJsonObject().get("id").getAsInt());
        assertEquals("[0.25,-1.0]", j.get("sopLogits").toString());
        JsonObject first = j.getAsJsonArray("layerSummaries").get(0).getAsJsonObject();
        assertEquals(0.9, first.get("cosine").getAsDouble());
        assertEquals(25.84, first.get("angleDegrees").getAsDouble());
        assertEquals(1.5, first.get("l2").getAsDouble());
        assertEquals(2.25, j.get("millis").getAsDouble());
        assertEquals(4, j.get("runs").getAsInt());
        assertEquals("scalar (no Vector API)", j.get("kernel").getAsString(), "which kernel ran, and why");
        assertEquals("[\"config.json: something to know\"]", j.get("warnings").toString());
    }

    @Test
    void briefLeavesOutOnlyTheLargeArrays() throws IOException {
        JsonObject j = json(report(true), true);
        for (String large : List.of("embeddingOutput", "hiddenStates", "attentions", "mlmLogits")) {
            assertFalse(j.has(large), large);
        }
        for (String kept : List.of("ids", "pooledOutput", "mlmTop", "sopLogits", "layerSummaries", "millis")) {
            assertTrue(j.has(kept), kept);
        }
    }

    @Test
    void headsAreLeftOutWhenTheCheckpointHasNone() throws IOException {
        JsonObject j = json(report(false), false);
        assertFalse(j.has("mlmLogits"));
        assertFalse(j.has("mlmTop"));
        assertFalse(j.has("sopLogits"));
    }

    @Test
    void textSummaryShowsTokensLayersPoolerPredictionsAndTime() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.US);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ForwardText.print(report(true), new PrintStream(bytes, true, StandardCharsets.UTF_8));
            List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals("model: models/tiny  (V=5 E=2 H=4 L=2 A=2 G=1 inner=1, sharing all)", lines.get(0));
            assertEquals("tokens (S=3): #1 #4 (#2)", lines.get(1), "padding shown in parentheses");
            assertEquals("   1      0     0     0        0.9000       25.84      1.5000", lines.get(3));
            assertTrue(lines.get(5).endsWith("(repeat)"), lines.get(5));
            assertEquals("pooled output: |p| = NaN (H=4)", lines.get(6));
            assertEquals("MLM top prediction per position: #2 #0 #4", lines.get(7));
            assertEquals("SOP logits: [0.2500, -1.0000] (in order)", lines.get(8));
            assertEquals("millis: 2.250 (median of 4 runs)", lines.get(9));
            assertEquals("kernel: scalar (no Vector API)", lines.get(10));
        } finally {
            Locale.setDefault(before);
        }
    }
}
