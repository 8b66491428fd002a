package albertlab.cli;

import albertlab.core.io.ModelFolder;
import albertlab.core.io.Safetensors;
import albertlab.core.train.TinyCorpus;
import albertlab.core.model.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code train} process killed with SIGKILL leaves a loadable checkpoint, and {@code --resume} goes on from it to
 * the very weights an unbroken run reaches. The run saves after every step, so most of its time is spent saving and
 * each kill most likely lands inside a save.
 */
class TrainKillTest {

    static final String TEXT = """
            the cat sat on the mat .
            the dog ran to the park .
            a bird sang in the tree .

            my sister reads a long book .
            her brother plays the old piano .
            """;

    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesALoadableCheckpointAndResumesToTheUnbrokenWeights() throws Exception {
        Path corpus = corpus(dir);
        List<String> args = trainArgs(corpus, dir.resolve("killed"), "0.00001");
        for (int kill = 0; kill < 3; kill++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName()));
            command.addAll(args);
            if (kill > 0) command.add("--resume");
            command.add("--debug");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log-" + kill + ".txt").toFile()).start();
            Path weights = dir.resolve("killed").resolve(ModelFolder.WEIGHTS_FILE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long before = Files.exists(weights) ? Files.getLastModifiedTime(weights).toMillis() : 0;
            while ((!Files.exists(weights) || Files.getLastModifiedTime(weights).toMillis() == before)
                    && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(p.isAlive(), "run " + kill + " ended before it could be killed: " + logs(kill));
            Thread.sleep(150 + 100L * kill);
            p.destroyForcibly(); // SIGKILL on Linux and macOS
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            // whatever the kill interrupted, the folder is a model folder
            ModelFolder.load(dir.resolve("killed"));
        }
        run(new ArrayList<>(List.of("train", "--out", dir.resolve("killed").toString(), "--resume", "--quiet")));
        run(new ArrayList<>(trainArgs(corpus, dir.resolve("unbroken"), "0")));
        Map<String, Tensor> a = Safetensors.read(dir.resolve("unbroken").resolve(ModelFolder.WEIGHTS_FILE));
        Map<String, Tensor> b = Safetensors.read(dir.resolve("killed").resolve(ModelFolder.WEIGHTS_FILE));
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) assertArrayEquals(a.get(name).data(), b.get(name).data(), name);
        assertTrue(Files.readString(dir.resolve("killed").resolve("training.json")).contains("\"steps\": 150"));
    }

    private String logs(int upTo) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k <= upTo; k++) sb.append("\n[run ").append(k).append("] ").append(Files.readString(dir.resolve("log-" + k + ".txt")));
        try (var files = Files.list(dir.resolve("killed"))) {
            files.forEach(f -> sb.append("\n  ").append(f.getFileName()));
        }
        return sb.toString();
    }

    static List<String> trainArgs(Path corpus, Path out, String saveEveryMinutes) {
        return List.of("train", "--corpus", corpus.toString(), "--tokenizer", corpus.resolveSibling("vocab.txt").toString(),
                "--embedding", "16", "--hidden", "32", "--layers", "2", "--heads", "2", "--intermediate", "64",
                "--max-position", "32", "--max-seq-length", "16", "--batch-size", "4", "--steps", "150",
                "--optimizer", "lamb", "--save-every", saveEveryMinutes, "--threads", "1", "--seed", "9", "--quiet",
                "--out", out.toString());
    }

    static Path corpus(Path dir) throws Exception {
        return TinyCorpus.write(dir, TEXT);
    }

    private static void run(List<String> argv) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    }
}
