package albertlab.cli;

import albertlab.core.io.ModelFolder;
import albertlab.core.io.Safetensors;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train, fill-mask and evaluate on a model that learned five sentences by heart, and their bad-input messages. */
class TrainCommandsTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path corpus;

    record Result(int status, String out, String err) {
    }

    static Result run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void trainTheTinyModel() throws Exception {
        corpus = TrainKillTest.corpus(dir);
        model = dir.resolve("model");
        Result r = run("train", "--corpus", corpus.toString(), "--tokenizer", dir.resolve("vocab.txt").toString(),
                "--embedding", "16", "--hidden", "32", "--layers", "2", "--heads", "2", "--intermediate", "64",
                "--max-position", "32", "--max-seq-length", "16", "--batch-size", "8", "--steps", "1500",
                "--optimizer", "adamw", "--learning-rate", "1e-2", "--weight-decay", "0", "--warmup", "20",
                "--eval-file", corpus.toString(), "--eval-every", "500", "--out", model.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("held-out at step 1,500"), r.err());
    }

    @Test
    void theOutputFolderHoldsEverythingTrainPromises() throws Exception {
        for (String f : List.of("config.json", "model.safetensors", "vocab.txt", "training.json", "loss.csv",
                "optimizer-step-1500.safetensors")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        JsonObject t = JsonParser.parseString(Files.readString(model.resolve("training.json"))).getAsJsonObject();
        assertEquals(1500, t.get("steps").getAsLong());
        assertEquals(42, t.get("seed").getAsLong());
        assertTrue(t.get("command").getAsString().startsWith("albert-lab train --corpus "));
        assertEquals(0.01, t.getAsJsonObject("settings").get("learningRate").getAsDouble());
        assertTrue(t.getAsJsonObject("heldOut").get("mlmAccuracy").getAsDouble() > 0.8, t.toString());
        List<String> csv = Files.readAllLines(model.resolve("loss.csv"));
        assertEquals("step,tokens,mlm_loss,sop_loss,held_out_mlm_accuracy", csv.get(0));
        assertEquals(151, csv.size()); // a row every 10 steps
        assertTrue(csv.get(50).startsWith("500,"), csv.get(50));
        assertFalse(csv.get(50).endsWith(","), "held-out accuracy at step 500: " + csv.get(50));
        // HF's names, the AlbertForPreTraining layout
        assertTrue(Safetensors.read(model.resolve("model.safetensors")).containsKey("sop_classifier.classifier.weight"));
        assertTrue(Files.readString(model.resolve("config.json")).contains("AlbertForPreTraining"));
    }

    @Test
    void fillMaskFindsTheMemorizedWord() {
        // two lines never fit in 16 tokens together, so in training a first segment always lost its first token:
        // the memorized sequences start "[CLS] cat sat on the mat ."
        Result r = run("fill-mask", "--model", model.toString(), "--text", "cat sat on the [MASK] .", "--json");
        assertEquals(0, r.status(), r.err());
        JsonArray entries = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(1, entries.size());
        JsonObject mask = entries.get(0).getAsJsonObject().getAsJsonArray("masks").get(0).getAsJsonObject();
        assertEquals(5, mask.get("position").getAsInt()); // [CLS] cat sat on the [MASK]
        JsonObject best = mask.getAsJsonArray("predictions").get(0).getAsJsonObject();
        assertEquals("mat", best.get("token").getAsString(), r.out());
        assertTrue(best.get("probability").getAsDouble() > 0.5, best.toString());
        assertEquals(5, mask.getAsJsonArray("predictions").size());
    }

    @Test
    void fillMaskGivesOneEntryPerLineOfATextFile() throws Exception {
        Path texts = dir.resolve("texts.txt");
        Files.writeString(texts, "the [MASK] ran to the park .\nno mask here\n[MASK] sister reads a [MASK] book .\n");
        Result r = run("fill-mask", "--model", model.toString(), "--text-file", texts.toString(), "--top-k", "3",
                "--json");
        assertEquals(0, r.status(), r.err());
        JsonArray entries = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(3, entries.size());
        assertEquals("no mask here", entries.get(1).getAsJsonObject().get("text").getAsString());
        assertEquals(0, entries.get(1).getAsJsonObject().getAsJsonArray("masks").size());
        JsonArray two = entries.get(2).getAsJsonObject().getAsJsonArray("masks");
        assertEquals(2, two.size());
        assertEquals(1, two.get(0).getAsJsonObject().get("position").getAsInt());
        assertEquals(3, two.get(0).getAsJsonObject().getAsJsonArray("predictions").size());
    }

    @Test
    void evaluateScoresTheMemorizedText() {
        Result r = run("evaluate", "--model", model.toString(), "--text-file", corpus.toString(), "--sequences", "40",
                "--max-seq-length", "16", "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(40, j.get("sequences").getAsInt());
        // cut as in training: at most 13 real tokens besides [CLS] and two [SEP], so 1 or 2 targets each
        int masked = j.getAsJsonObject("mlm").get("maskedTokens").getAsInt();
        assertTrue(masked >= 40 && masked <= 80, j.toString());
        assertTrue(j.getAsJsonObject("mlm").get("top1").getAsDouble() >= 0.8, j.toString());
        // one sentence-order verdict per sequence
        assertEquals(40, j.getAsJsonObject("sop").get("pairs").getAsInt());
        JsonArray heads = j.getAsJsonArray("heads");
        assertEquals(4, heads.size()); // 2 applications x 2 heads
        JsonArray mass = heads.get(0).getAsJsonObject().getAsJsonArray("mass");
        assertEquals(6, mass.size());
        double self = mass.get(4).getAsDouble();
        assertTrue(self > 0 && self < 1, mass.toString());
    }

    @Test
    void cardWritesTheMeasuredFiguresOfItsFolder() throws Exception {
        // the card judges the model on sequences as long as those it trained on (16 tokens)
        Result eval = run("evaluate", "--model", model.toString(), "--text-file", corpus.toString(), "--sequences",
                "40", "--max-seq-length", "16", "--json");
        Result r = run("card", "--model", model.toString(), "--held-out", corpus.toString(), "--language", "en",
                "--corpus", "five sentences", "--corpus-zh", "五个句子", "--twin-of", "none-yet", "--sequences", "40");
        assertEquals(0, r.status(), r.err());
        JsonObject card = JsonParser.parseString(Files.readString(model.resolve("card.json"))).getAsJsonObject();
        JsonObject e = JsonParser.parseString(eval.out()).getAsJsonObject();
        assertEquals("model", card.get("name").getAsString());
        assertEquals("all", card.get("sharing").getAsString());
        assertEquals(1500, card.get("trainingSteps").getAsLong());
        assertEquals(albertlab.core.train.ModelCard.sha256(model.resolve("model.safetensors")),
                card.get("weightsSha256").getAsString());
        assertEquals(albertlab.core.model.WeightArrays.count(ModelFolder.load(model).model().weights()),
                card.get("parameters").getAsLong());
        JsonObject h = card.getAsJsonObject("heldOut");
        assertEquals(e.getAsJsonObject("mlm").get("top1").getAsDouble(), h.get("mlmTop1").getAsDouble(), 1e-4);
        assertEquals(e.getAsJsonObject("mlm").get("maskedTokens").getAsInt(), h.get("maskedTokens").getAsInt());
        assertEquals(e.getAsJsonObject("sop").get("pairs").getAsInt(), h.get("pairs").getAsInt());
        // a named head is one whose largest pattern holds at least half of its attention
        for (var n : card.getAsJsonArray("namedHeads")) {
            assertTrue(n.getAsJsonObject().get("mass").getAsDouble() >= 0.5, n.toString());
        }
        // held-out examples, each with the model's guess: the memorized model gets its sentences right
        JsonArray examples = card.getAsJsonArray("examples");
        assertFalse(examples.isEmpty(), card.toString());
        for (var x : examples) {
            JsonObject ex = x.getAsJsonObject();
            assertEquals(ex.get("guess").getAsString().equals(ex.get("answer").getAsString()),
                    ex.get("correct").getAsBoolean(), ex.toString());
        }
        assertTrue(examples.get(0).getAsJsonObject().get("correct").getAsBoolean(), examples.toString());
        assertEquals("F32", card.get("weightsStoredAs").getAsString());
        String md = Files.readString(model.resolve("MODEL_CARD.md"));
        assertTrue(md.contains("## 简体中文") && md.contains("## English"), md);
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "top-1 %.1f%%", 100 * h.get("mlmTop1").getAsDouble())), md);
    }

    @Test
    void convertStoresF16WeightsThatStillFindTheMemorizedWord() throws Exception {
        Path half = dir.resolve("model-f16");
        Result r = run("convert", "--model", model.toString(), "--out", half.toString(), "--precision", "f16");
        assertEquals(0, r.status(), r.err());
        var full = Safetensors.read(model.resolve("model.safetensors"));
        var read = Safetensors.readContents(half.resolve("model.safetensors"));
        assertEquals(java.util.Set.of("F16"), read.floatDtypes());
        assertEquals("1500", read.metadata().get("albertlab.step"));
        for (var e : full.entrySet()) {
            float[] a = e.getValue().data();
            float[] b = read.tensors().get(e.getKey()).data();
            // every weight within half an F16 step of the F32 one
            for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], Math.abs(a[i]) * 0x1p-11 + 0x1p-25, e.getKey());
        }
        assertTrue(Files.isRegularFile(half.resolve("training.json")));
        assertTrue(Files.isRegularFile(half.resolve("loss.csv")));
        assertTrue(Files.isRegularFile(half.resolve("vocab.txt")));
        assertFalse(Files.exists(half.resolve("optimizer-step-1500.safetensors")), "no optimizer state in the copy");
        Result fill = run("fill-mask", "--model", half.toString(), "--text", "cat sat on the [MASK] .", "--json");
        assertEquals(0, fill.status(), fill.err());
        assertTrue(fill.out().contains("\"token\": \"mat\""), fill.out());
        Result bad = run("convert", "--model", model.toString(), "--out", dir.resolve("x").toString(), "--precision", "f8");
        assertEquals(2, bad.status());
        assertEquals("albert-lab convert: --precision must be f16 or f32, got f8", bad.err().lines().findFirst().orElse(""));
    }

    @Test
    void convertWithMaxPositionKeepsTheFirstRowsAndTheSameOutputs() throws Exception {
        Path cut = dir.resolve("model-p8");
        Result r = run("convert", "--model", model.toString(), "--out", cut.toString(), "--precision", "f32",
                "--max-position", "8");
        assertEquals(0, r.status(), r.err());
        var full = Safetensors.read(model.resolve("model.safetensors"));
        var read = Safetensors.read(cut.resolve("model.safetensors"));
        String name = "albert.embeddings.position_embeddings.weight";
        float[] before = full.get(name).data();
        float[] after = read.get(name).data();
        int e = full.get(name).shape()[1];
        assertEquals(8 * e, after.length);
        assertArrayEquals(java.util.Arrays.copyOf(before, 8 * e), after);
        assertTrue(Files.readString(cut.resolve("config.json")).contains("\"max_position_embeddings\": 8"));
        // a sequence that fits gives the same guess as before
        Result fill = run("fill-mask", "--model", cut.toString(), "--text", "cat sat on the [MASK] .", "--json");
        assertEquals(0, fill.status(), fill.err());
        assertTrue(fill.out().contains("\"token\": \"mat\""), fill.out());
        Result bad = run("convert", "--model", model.toString(), "--out", dir.resolve("y").toString(), "--precision",
                "f32", "--max-position", "100000");
        assertEquals(2, bad.status());
        assertTrue(bad.err().startsWith("albert-lab convert: --max-position: positions must be between 1 and "),
                bad.err());
    }

    @Test
    void badCorpusFilesAreNamedWithTheirProblem() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "fine line\nna\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n\n  \n");
        String[][] cases = {
                {dir.resolve("missing.txt").toString(), "missing.txt: no such corpus file"},
                {empty.toString(), "empty.txt: is empty"},
                {latin1.toString(), "latin1.txt: line 2 is not valid UTF-8 text"},
                {blank.toString(), "blank.txt: has no text"}};
        for (String[] c : cases) {
            Result r = run("train", "--corpus", c[0], "--tokenizer", dir.resolve("vocab.txt").toString(),
                    "--steps", "1", "--out", dir.resolve("never").toString(), "--hidden", "32", "--heads", "2",
                    "--embedding", "16", "--intermediate", "64", "--layers", "1");
            assertEquals(Main.BAD_INPUT, r.status(), r.err());
            assertTrue(r.err().contains(c[1]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void badBatchFilesNameTheFieldAndPosition() throws Exception {
        Path golden = TrainGoldenStepTest.GOLDEN;
        String batch = Files.readString(golden.resolve("batch.json"));
        String[][] cases = {
                {batch.replace("[2, 4, 55, 4, 6, 12, 3, 70, 4, 67, 102, 3]", "[2, 4, 55, 4, 6, 12, 3, 70, 4, 67, 3]"),
                        "input_ids[1] has 11 values, expected 12"},
                {batch.replace("[2, 101, 115", "[2, 120, 115"), "input_ids[0][1]: 120 is outside the vocabulary [0, 120)"},
                {batch.replace("29, -100, 15", "29, -100, 150"), "labels[0][9]: 150 is neither -100 nor in [0, 120)"},
                {batch.replace("\"sentence_order_label\": [0, 1, 0]", "\"sentence_order_label\": [0, 1, 2]"),
                        "sentence_order_label[2]: 2 is neither 0 nor 1"},
                {"{\"input_ids\": [[2, 3]]", "is not valid JSON"}};
        for (String[] c : cases) {
            Path f = Files.writeString(dir.resolve("batch-bad.json"), c[0]);
            Result r = run("train", "--init", golden.toString(), "--batch-file", f.toString(), "--optimizer", "sgd",
                    "--steps", "1", "--out", dir.resolve("never2").toString());
            assertEquals(Main.BAD_INPUT, r.status(), r.err());
            assertTrue(r.err().contains("batch-bad.json: " + c[1]) || r.err().contains(c[1]), r.err());
        }
    }

    @Test
    void outThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result r = run("train", "--init", TrainGoldenStepTest.GOLDEN.toString(), "--batch-file",
                TrainGoldenStepTest.GOLDEN.resolve("batch.json").toString(), "--optimizer", "sgd", "--out",
                file.toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertTrue(r.err().contains("a-file: is a file"), r.err());
    }

    @Test
    void aModelThatWouldNotFitInMemoryIsRefusedWithTheEstimate() {
        Result r = run("train", "--corpus", corpus.toString(), "--tokenizer", dir.resolve("vocab.txt").toString(),
                "--hidden", "4096", "--heads", "32", "--intermediate", "16384", "--layers", "48", "--sharing", "none",
                "--batch-size", "512", "--max-seq-length", "512", "--steps", "1", "--out", dir.resolve("huge").toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertTrue(r.err().contains("this run needs about"), r.err());
        assertTrue(r.err().contains("activations"), r.err());
        assertFalse(Files.exists(dir.resolve("huge").resolve("model.safetensors")));
    }

    @Test
    void aDivergingRunStopsAtTheNanAndKeepsTheLastGoodCheckpoint() throws Exception {
        Path out = dir.resolve("diverged");
        Result r = run("train", "--corpus", corpus.toString(), "--tokenizer", dir.resolve("vocab.txt").toString(),
                "--embedding", "16", "--hidden", "32", "--layers", "2", "--heads", "2", "--intermediate", "64",
                "--max-position", "32", "--max-seq-length", "16", "--batch-size", "4", "--steps", "200",
                "--optimizer", "sgd", "--learning-rate", "1e12", "--save-every", "0.00001", "--quiet",
                "--out", out.toString());
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertTrue(r.err().matches("(?s).*albert-lab train: step \\d+: the loss is .*smaller --learning-rate.*"), r.err());
        String step = r.err().replaceAll("(?s).*step (\\d+):.*", "$1");
        String kept = r.err().replaceAll("(?s).*the last good checkpoint is step (\\d+).*", "$1");
        assertEquals(Long.parseLong(step) - 1, Long.parseLong(kept));
        assertEquals(kept, Safetensors.readContents(out.resolve("model.safetensors")).metadata().get("albertlab.step"));
        ModelFolder.load(out);
    }

    @Test
    void aSecondRunIntoTheSameFolderAsksForResume() {
        Result r = run("train", "--corpus", corpus.toString(), "--tokenizer", dir.resolve("vocab.txt").toString(),
                "--steps", "1", "--out", model.toString());
        assertEquals(Main.USAGE, r.status(), r.err());
        assertTrue(r.err().contains("add --resume"), r.err());
        List<String> none = new ArrayList<>();
        assertTrue(none.isEmpty());
    }
}
