package albertlab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code params} and {@code presets} print the core's exact numbers and fail with status 2 on bad values. */
class ParamsCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonObject json(String... argv) {
        Run r = run(argv);
        assertEquals(0, r.status(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    @ParameterizedTest(name = "--sharing {0} gives {1}")
    @CsvSource({"all, 11683584", "attention, 63647232", "ffn, 37686528", "none, 89650176"})
    void sharingOptionGivesTheExactAlbertBaseCounts(String sharing, long total) {
        JsonObject j = json("params", "--vocab", "30000", "--embedding", "128", "--hidden", "768", "--layers", "12",
                "--heads", "12", "--intermediate", "3072", "--sharing", sharing, "--json");
        assertEquals(total, j.get("total").getAsLong());
        assertEquals(total * 4, j.get("bytesFp32").getAsLong());
    }

    @Test
    void seedExampleJsonHasTheFactorizationAndEveryRequiredField() {
        JsonObject j = json("params", "--preset", "seed-example", "--json");
        assertEquals(16_128_000L, j.get("unfactorizedEmbedding").getAsLong());
        assertEquals(2_786_304L, j.get("factorizedEmbedding").getAsLong());
        for (String field : new String[]{"total", "wordEmbeddings", "projection", "attentionPerLayer", "ffnPerLayer",
                "encoder", "pooler", "flopsPerToken", "bytesFp32"}) {
            assertTrue(j.has(field), "missing " + field);
        }
        assertEquals(21000L * 128, j.get("wordEmbeddings").getAsLong());
    }

    @Test
    void flopsDoNotDependOnSharing() {
        double shared = json("params", "--sharing", "all", "--json").get("flopsPerToken").getAsDouble();
        double unshared = json("params", "--sharing", "none", "--json").get("flopsPerToken").getAsDouble();
        assertEquals(shared, unshared);
    }

    @Test
    void headsAreCountedWhenAsked() {
        long plain = json("params", "--preset", "albert-base-v2", "--json").get("total").getAsLong();
        long both = json("params", "--preset", "albert-base-v2", "--with-heads", "both", "--json").get("total")
                .getAsLong();
        assertEquals(plain + 98_432 + 256 + 30_000 + 1_538, both);
    }

    @Test
    void presetsJsonListsEveryPresetWithItsPaperLabel() {
        Run r = run("presets", "--json");
        assertEquals(0, r.status());
        JsonArray list = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(albertlab.core.config.Presets.all().size(), list.size());
        JsonObject xxlarge = list.get(3).getAsJsonObject();
        assertEquals("albert-xxlarge-v2", xxlarge.get("preset").getAsString());
        assertEquals("235M", xxlarge.get("paperLabel").getAsString());
        assertEquals(222_595_584L, xxlarge.get("total").getAsLong());
    }

    @Test
    void impossibleValuesAreUsageErrorsOnOneLine() {
        Run heads = run("params", "--heads", "7");
        assertEquals(Main.USAGE, heads.status());
        assertTrue(heads.err().startsWith("albert-lab params: hidden_size 768 is not divisible by num_attention_heads 7"),
                heads.err());
        assertEquals(Main.USAGE, run("params", "--preset", "gpt-2").status());
        assertEquals(Main.USAGE, run("params", "--layers", "twelve").status());
        assertEquals(Main.USAGE, run("params", "--groups", "5").status()); // 12 layers are not divisible by 5
        assertEquals(Main.USAGE, run("params", "--colour", "blue").status());
        assertTrue(run("params", "--heads", "7").err().lines().noneMatch(l -> l.startsWith("\tat ")));
    }
}
