package albertlab.core.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed (SIGKILL) in the middle of saving a session leaves the file it was saving over as it was: the
 * new bytes were going to a hidden temporary file beside it. That temporary file is left behind (nobody was alive
 * to delete it); it is hidden, named {@code .NAME.<random>.tmp}, and never read as a session.
 */
class SessionKillTest {

    @TempDir
    Path dir;

    @Test
    void aSaveKilledHalfWayLeavesThePreviousFileWhole() throws Exception {
        Path target = dir.resolve("week3.albertlab");
        LabState previous = DefaultState.of("en").withPage("explorer").withExplorer(DefaultState.explorer("albert-large-v2"));
        LabStateFile.write(target, previous);
        assertNotEquals(previous, SlowSessionWrite.NEXT);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowSessionWrite.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String said = CompletableFuture.supplyAsync(() -> {
                try {
                    StringBuilder all = new StringBuilder();
                    for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                        if (l.equals("half")) return l;
                        all.append(l).append('\n');
                    }
                    return all.toString();
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            }).get(60, TimeUnit.SECONDS);
            assertEquals("half", said, "the child did not reach the middle of its write");

            // the kill lands inside the write: half of the new bytes are in the temporary file now
            List<Path> temporary = hiddenTemporaryFiles(target);
            assertEquals(1, temporary.size(), "one write in progress");
            Path whole = Files.createDirectory(dir.resolve("whole")).resolve("next.albertlab");
            LabStateFile.write(whole, SlowSessionWrite.NEXT);
            byte[] next = Files.readAllBytes(whole);
            Files.delete(whole);
            Files.delete(whole.getParent());
            assertEquals(new String(next, 0, next.length / 2, StandardCharsets.ISO_8859_1),
                    Files.readString(temporary.get(0), StandardCharsets.ISO_8859_1), "the first half of the new file");
            assertTrue(child.isAlive());
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }

        assertEquals(previous, LabStateFile.read(target), "the file saved over reads back as it was");
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            List<Path> others = all.stream().filter(p -> !p.equals(target))
                    .filter(p -> !hiddenTemporaryFiles(target).contains(p)).toList();
            assertEquals(List.of(), others, "nothing but the session file and the dead write's hidden temporary file");
        }
    }

    private static List<Path> hiddenTemporaryFiles(Path target) {
        String prefix = "." + target.getFileName() + ".";
        try (var files = Files.list(target.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".tmp")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
