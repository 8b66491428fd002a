package albertlab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code albert-lab tokenize}, run through Main as a user would. */
class TokenizeCommandTest {

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try {
            return Path.of(TokenizeCommandTest.class.getResource("/real/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String SPM = resource("albert-base-v2-spm/spiece.model");
    private static final String VOCAB = resource("albert-chinese-vocab/vocab.txt");

    private static JsonObject json(Run r) {
        assertEquals(0, r.status(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    @Test
    void jsonGivesTokensIdsTypesAndTruncation() {
        JsonObject o = json(run("tokenize", "--tokenizer", SPM, "--text", "Paris is the [MASK] of France.", "--json"));
        assertEquals("[\"[CLS]\",\"▁paris\",\"▁is\",\"▁the\",\"[MASK]\",\"▁of\",\"▁france\",\".\",\"[SEP]\"]",
                o.get("tokens").toString());
        assertEquals("[2,1162,25,14,4,16,714,9,3]", o.get("ids").toString());
        assertEquals("[0,0,0,0,0,0,0,0,0]", o.get("typeIds").toString());
        assertFalse(o.get("truncated").getAsBoolean());
        assertTrue(o.get("tokenizer").getAsString().startsWith("SentencePiece Unigram (spiece.model"));
    }

    @Test
    void pairMaxLengthAndPadding() {
        JsonObject o = json(run("tokenize", "--tokenizer", SPM, "--text", "Question?", "--text-pair", "Answer",
                "--max-length", "8", "--pad", "--json"));
        assertEquals("[2,1301,60,3,1623,3,0,0]", o.get("ids").toString());
        assertEquals("[0,0,0,0,1,1,0,0]", o.get("typeIds").toString());
        assertEquals("[1,1,1,1,1,1,0,0]", o.get("attentionMask").toString());
        JsonObject cut = json(run("tokenize", "--tokenizer", SPM, "--text", "one two three four", "--max-length", "4",
                "--json"));
        assertEquals("[2,53,81,3]", cut.get("ids").toString());
        assertTrue(cut.get("truncated").getAsBoolean());
    }

    @Test
    void textOptionsChangeTheTokens() {
        JsonObject raw = json(run("tokenize", "--tokenizer", SPM, "--text", "I was born in 92000, and this is falsé.",
                "--keep-accents", "--no-special", "--json"));
        assertEquals("[31,23,386,19,561,3050,15,17,48,25,8256,18,1,9]", raw.get("ids").toString());
        JsonObject cased = json(run("tokenize", "--tokenizer", SPM, "--text", "The", "--no-lower-case", "--no-special",
                "--json"));
        assertEquals("[13,1,438]", cased.get("ids").toString());
    }

    @Test
    void textFileIsReadWhole() throws IOException {
        Path text = tmp.resolve("text.txt");
        Files.writeString(text, "今天[MASK]情很好\n");
        JsonObject o = json(run("tokenize", "--tokenizer", VOCAB, "--text-file", text.toString(), "--json"));
        assertEquals("[101,791,1921,103,2658,2523,1962,102]", o.get("ids").toString());
    }

    @Test
    void eachLineIsOneTextAndJsonHasOneEntryPerLine() throws IOException {
        Path text = tmp.resolve("sentences.txt");
        Files.writeString(text, "今天[MASK]情很好\r\n\n好\n");
        Run r = run("tokenize", "--tokenizer", VOCAB, "--text-file", text.toString(), "--each-line", "--json");
        assertEquals(0, r.status(), r.err());
        JsonArray entries = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(3, entries.size());
        JsonObject first = entries.get(0).getAsJsonObject();
        assertEquals("[101,791,1921,103,2658,2523,1962,102]", first.get("ids").toString());
        assertEquals(json(run("tokenize", "--tokenizer", VOCAB, "--text", "今天[MASK]情很好", "--json")), first);
        assertEquals("[101,102]", entries.get(1).getAsJsonObject().get("ids").toString());
        assertEquals("[101,1962,102]", entries.get(2).getAsJsonObject().get("ids").toString());
        assertEquals("[1,1,1]", entries.get(2).getAsJsonObject().get("attentionMask").toString());
    }

    @Test
    void eachLineTableHasOneBlockPerLine() throws IOException {
        Path text = tmp.resolve("sentences.txt");
        Files.writeString(text, "今天\n好\n");
        Run r = run("tokenize", "--tokenizer", VOCAB, "--text-file", text.toString(), "--each-line");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("tokenizer: BERT WordPiece"), lines.get(0));
        assertEquals(List.of("", "line 1"), lines.subList(1, 3));
        assertEquals("4 tokens", lines.get(8));
        assertEquals(List.of("", "line 2"), lines.subList(9, 11));
        assertEquals("3 tokens", lines.get(lines.size() - 1));
    }

    @Test
    void eachLineNeedsATextFileAndTakesNoPair() throws IOException {
        Path text = Files.writeString(tmp.resolve("t.txt"), "a\n");
        Run inline = run("tokenize", "--tokenizer", SPM, "--text", "a", "--each-line");
        assertEquals(Main.USAGE, inline.status());
        assertEquals("albert-lab tokenize: --each-line goes with --text-file", inline.err().lines().findFirst().orElse(""));
        Run pair = run("tokenize", "--tokenizer", SPM, "--text-file", text.toString(), "--text-pair", "b", "--each-line");
        assertEquals(Main.USAGE, pair.status());
    }

    @Test
    void tableNamesTheTokenizerAndListsEveryToken() {
        Run r = run("tokenize", "--tokenizer", VOCAB, "--text", "今天[MASK]情很好");
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[0].startsWith("tokenizer: BERT WordPiece (vocab.txt, 21,128 entries)"), lines[0]);
        assertTrue(lines[1].matches("\\s*index\\s+token\\s+id"), lines[1]);
        assertTrue(lines[5].matches("\\s*3\\s+\\[MASK]\\s+103"), lines[5]);
        assertEquals("8 tokens", lines[lines.length - 1]);
    }

    @Test
    void badCommandLinesExitWithStatus2() {
        assertEquals(Main.USAGE, run("tokenize", "--text", "x").status());
        assertEquals(Main.USAGE, run("tokenize", "--tokenizer", SPM).status());
        assertEquals(Main.USAGE, run("tokenize", "--tokenizer", SPM, "--text", "x", "--text-file", "y").status());
        assertEquals(Main.USAGE, run("tokenize", "--tokenizer", SPM, "--text", "x", "--max-length", "0").status());
        assertEquals(Main.USAGE, run("tokenize", "--tokenizer", SPM, "--text", "x", "--pad").status());
        Run small = run("tokenize", "--tokenizer", SPM, "--text", "x", "--text-pair", "y", "--max-length", "2");
        assertEquals(Main.USAGE, small.status());
        assertEquals("albert-lab tokenize: max length 2 leaves no room for the 3 special tokens",
                small.err().lines().findFirst().orElse(""));
    }

    @Test
    void badFilesExitWithStatus3AndOneLine() throws IOException {
        Path broken = tmp.resolve("spiece.model");
        Files.write(broken, new byte[]{0x0A, 0x7F, 0x01});
        Run r = run("tokenize", "--tokenizer", broken.toString(), "--text", "x");
        assertEquals(Main.BAD_INPUT, r.status());
        assertTrue(r.err().startsWith("albert-lab tokenize: spiece.model: not a SentencePiece model"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Run missing = run("tokenize", "--tokenizer", SPM, "--text-file", tmp.resolve("none.txt").toString());
        assertEquals(Main.BAD_INPUT, missing.status());
        assertTrue(missing.err().startsWith("albert-lab tokenize: none.txt: cannot read the text file"), missing.err());
    }

    @Test
    void helpListsTheOptions() {
        Run r = run("tokenize", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("--text-pair-file"));
        assertTrue(run("help").out().contains("tokenize"));
    }
}
