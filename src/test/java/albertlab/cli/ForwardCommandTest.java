package albertlab.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of {@code forward}: every refusal and its exit status. (Forward passes: end-to-end tests.) */
class ForwardCommandTest {

    @TempDir
    Path tmp;
    private Path golden;

    private record Result(int status, String out, String err) {
        /** The one error line, without the "(see: ... --help)" hint of usage errors. */
        String message() {
            return err.lines().findFirst().orElse("");
        }
    }

    @BeforeEach
    void copyGoldenFolder() throws IOException {
        golden = Files.createDirectories(tmp.resolve("albert-tiny-a"));
        for (String name : new String[]{"config.json", "model.safetensors"}) {
            try (InputStream in = getClass().getResourceAsStream("/golden/albert-tiny-a/" + name)) {
                Files.copy(in, golden.resolve(name));
            }
        }
    }

    private static Result run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result forward(String... rest) {
        String[] argv = new String[rest.length + 3];
        argv[0] = "forward";
        argv[1] = "--model";
        argv[2] = golden.toString();
        System.arraycopy(rest, 0, argv, 3, rest.length);
        return run(argv);
    }

    private static void usageError(Result r, String message) {
        assertEquals(Main.USAGE, r.status(), r.err());
        assertEquals("albert-lab forward: " + message, r.message());
        assertEquals("", r.out());
    }

    @Test
    void helpPrintsTheUsageAndTheOverviewListsTheCommand() {
        Result help = run("forward", "--help");
        assertEquals(Main.OK, help.status());
        assertTrue(help.out().startsWith("usage: albert-lab forward --model DIR"), help.out());
        assertTrue(run("help").out().contains("  forward    run a model folder on a text or token ids"));
    }

    @Test
    void modelAndExactlyOneInputAreRequired() {
        usageError(run("forward", "--ids", "1,2"), "--model is required");
        usageError(forward(), "give either --text or --ids");
        usageError(forward("--text", "hi", "--ids", "2,3"), "give either --text or --ids");
        usageError(forward("--ids", "2,3", "--text-pair", "there"), "--text-pair goes with --text");
        usageError(forward("--text", "hi", "--mask", "1"),
                "--mask and --type-ids go with --ids (a text gets them from the tokenizer)");
        usageError(forward("--ids", "2,3", "--bogus"), "unknown option --bogus");
    }

    @Test
    void listsMustBeWholeNumbersOfTheSameLength() {
        usageError(forward("--ids", "2,x,9"), "--ids must be comma-separated whole numbers, got 'x'");
        usageError(forward("--ids", "2,15,9", "--mask", "1,1"), "--mask has 2 values but --ids has 3");
        usageError(forward("--ids", "2,15,9", "--type-ids", "0,0,1,1"), "--type-ids has 4 values but --ids has 3");
        usageError(forward("--ids", "2,15,9", "--mask", "1,2,0"),
                "--mask values must be 1 (a real token) or 0 (padding)");
    }

    @Test
    void argumentErrorsAreFoundBeforeAnyModelIsRead() {
        Result r = run("forward", "--model", tmp.resolve("nowhere").toString(), "--ids", "1,2", "--mask", "1");
        usageError(r, "--mask has 1 values but --ids has 2");
    }

    @Test
    void repeatAndRunsMustBeInRange() {
        usageError(forward("--ids", "2", "--repeat", "-1"), "--repeat must be between 0 and 1000, got -1");
        usageError(forward("--ids", "2", "--runs", "0"), "--runs must be between 1 and 10000, got 0");
        usageError(forward("--ids", "2", "--runs", "many"), "--runs must be a whole number, got 'many'");
        usageError(forward("--ids", "2", "--warmup-runs", "-1"), "--warmup-runs must be between 0 and 10000, got -1");
    }

    @Test
    void warmUpRunsAreNotCountedInTheMedian() {
        Result r = forward("--ids", "2,15,9", "--runs", "3", "--warmup-runs", "2", "--json", "--brief");
        assertEquals(Main.OK, r.status(), r.err());
        assertTrue(r.out().contains("\"runs\":3,"), r.out());
    }

    @Test
    void idsOutsideTheVocabularyAreUsageErrors() {
        usageError(forward("--ids", "2,120"), "--ids: id 120 is out of range: the vocabulary has 120 ids (0 to 119)");
        usageError(forward("--ids", "-1"), "--ids: id -1 is out of range: the vocabulary has 120 ids (0 to 119)");
    }

    @Test
    void typeIdsBeyondTheTokenTypesAreUsageErrors() {
        usageError(forward("--ids", "2,15", "--type-ids", "0,2"),
                "--type-ids: type id 2 is out of range: the model has 2 token types (0 to 1)");
    }

    @Test
    void moreIdsThanPositionsIsAUsageError() {
        StringJoiner ids = new StringJoiner(",");
        for (int i = 0; i < 65; i++) ids.add("5");
        usageError(forward("--ids", ids.toString()),
                "--ids has 65 ids but the model has only 64 positions (max_position_embeddings)");
    }

    @Test
    void textWithoutATokenizerSaysSo() {
        usageError(forward("--text", "the cat sat"), "the model folder cannot read text: the folder has no tokenizer "
                + "file (tokenizer.json, spiece.model, vocab.txt); give token ids with --ids instead");
    }

    @Test
    void badModelFilesExitWith3AndOneLine() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result r = run("forward", "--model", empty.toString(), "--ids", "2");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals("albert-lab forward: empty: empty folder: a model folder holds config.json, model.safetensors "
                + "and a tokenizer (tokenizer.json, spiece.model, vocab.txt)" + System.lineSeparator(), r.err());

        byte[] bytes = Files.readAllBytes(golden.resolve("model.safetensors"));
        Files.write(golden.resolve("model.safetensors"), java.util.Arrays.copyOf(bytes, 100));
        r = forward("--ids", "2,15,9", "--json");
        assertEquals(Main.BAD_INPUT, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("albert-lab forward: model.safetensors: header length 3680 is beyond"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void pickledCheckpointExitsWith3() throws IOException {
        Files.delete(golden.resolve("model.safetensors"));
        Files.write(golden.resolve("pytorch_model.bin"), new byte[]{(byte) 0x80, 2});
        Result r = forward("--ids", "2");
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.message().startsWith("albert-lab forward: pytorch_model.bin: is a pickled PyTorch file"),
                r.message());
    }

}
