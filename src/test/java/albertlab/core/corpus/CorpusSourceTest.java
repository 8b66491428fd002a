package albertlab.core.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusSourceTest {

    @Test
    void fetchScriptPinsTheSameVersionsAndIntegritiesAsTheApp() throws Exception {
        List<String> script = Files.readAllLines(Path.of("corpora/packages.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        List<String> app = Arrays.stream(CorpusSource.values())
                .map(s -> s.packageName() + " " + s.version() + " " + s.integrity()).collect(Collectors.toList());
        assertEquals(app, script);
    }

    @Test
    void fileNamesSortAsNumbered() {
        List<String> names = new java.util.ArrayList<>(List.of("poet.tang.10000.json", "poet.tang.2000.json",
                "poet.tang.0.json", "poet.song.0.json"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("poet.song.0.json", "poet.tang.0.json", "poet.tang.2000.json", "poet.tang.10000.json"),
                names);
        assertTrue(NaturalOrder.INSTANCE.compare("a007", "a7") != 0);
    }
}
