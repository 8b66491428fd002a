package albertlab.view.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExportsCsvTest {

    @Test
    void aStreamedCsvHasTheSameBytesAsOneBuiltInMemory(@TempDir Path dir) throws Exception {
        List<List<String>> rows = List.of(List.of("layer", "query"), List.of("1", "0:a,b"), List.of("2", "1:\"q\""));
        Exports.writeCsv(rows, dir.resolve("memory.csv"));
        Exports.writeCsvStreamed(sink -> {
            for (List<String> r : rows) sink.row(r.toArray(String[]::new));
        }, dir.resolve("streamed.csv"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("memory.csv")), Files.readAllBytes(dir.resolve("streamed.csv")));
        assertEquals("\uFEFFlayer,query\r\n1,\"0:a,b\"\r\n2,\"1:\"\"q\"\"\"\r\n", Files.readString(dir.resolve("streamed.csv")));
    }

    @Test
    void aStreamedCsvOfManyRowsIsWrittenWhole(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.csv");
        Exports.writeCsvStreamed(sink -> {
            for (int i = 0; i < 200_000; i++) sink.row(Integer.toString(i), "x");
        }, f);
        List<String> lines = Files.readAllLines(f);
        assertEquals(200_000, lines.size());
        assertEquals("199999,x", lines.get(199_999));
    }
}
