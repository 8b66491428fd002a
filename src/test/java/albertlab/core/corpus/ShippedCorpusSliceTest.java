package albertlab.core.corpus;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus slices in assets/corpora agree with their corpus.json, stay under 3 MB and have their provenance. */
class ShippedCorpusSliceTest {

    @ParameterizedTest
    @ValueSource(strings = {"brown", "poetry"})
    void sliceMatchesItsSummaryAndTheBudget(String name) throws Exception {
        Path dir = Path.of("assets/corpora", name);
        Path slice = dir.resolve(CorpusPreparation.SLICE);
        assertTrue(Files.size(slice) <= 3_000_000, slice + " is " + Files.size(slice) + " bytes");
        JsonObject summary = JsonParser.parseString(Files.readString(dir.resolve(CorpusPreparation.SUMMARY)))
                .getAsJsonObject();
        CorpusSource source = CorpusSource.fromCliName(summary.get("source").getAsString());
        assertEquals(source.integrity(), summary.get("integrity").getAsString());

        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(slice))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long docs = text.split("\n\n").length;
        long lines = text.lines().filter(l -> !l.isEmpty()).count();
        assertEquals(summary.getAsJsonObject("slice").get("documents").getAsLong(), docs);
        assertEquals(summary.getAsJsonObject("slice").get("lines").getAsLong(), lines);

        List<String> heldOut = Files.readAllLines(dir.resolve(CorpusPreparation.HELD_OUT_IDS));
        assertEquals(summary.getAsJsonObject("heldOut").get("documents").getAsLong(), heldOut.size());
        String provenance = Files.readString(dir.resolve("PROVENANCE.md"));
        for (String needed : List.of(source.packageName(), source.version(), source.integrity(), source.licence())) {
            assertTrue(provenance.contains(needed), "PROVENANCE.md lacks " + needed);
        }
    }
}
