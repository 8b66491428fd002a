package albertlab.core.session;

import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabStateFileTest {

    @TempDir
    Path dir;

    private static final ExplorerState SEED = new ExplorerState(21_000, 128, 768, 12, 12, 3_072, true,
            SharingMode.ALL_SHARED, 1, ProjectionConvention.HUGGING_FACE_ALWAYS, "seed-example");
    private static final LiveState LIVE = LiveState.builtIn(LiveState.CHINESE, SharingMode.SHARED_FFN,
            "猫坐在垫子上。", "The \"cat\" sat.\nThen it slept.", 3, 2);
    private static final LabState STATE = LabState.of("live", "zh", SEED, LIVE);

    @Test
    void aWrittenFileReadsBackEqual() throws Exception {
        Path f = dir.resolve("lesson" + LabStateFile.EXTENSION);
        LabStateFile.write(f, STATE);
        assertEquals(STATE, LabStateFile.read(f));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aFolderModelAndANullPresetRoundTrip() throws Exception {
        LabState s = LabState.of("explorer", "en",
                new ExplorerState(30_000, 768, 768, 12, 12, 3_072, true, SharingMode.NOT_SHARED, 1,
                        ProjectionConvention.ORIGINAL_ONLY_WHEN_FACTORIZED, null),
                new LiveState(null, Path.of("models", "albert tiny"), SharingMode.ALL_SHARED, "", "", -1, 1));
        Path f = dir.resolve("s.albertlab");
        LabStateFile.write(f, s);
        assertEquals(s, LabStateFile.read(f));
    }

    @Test
    void aTrainedModelRoundTripsByItsFolderName() throws Exception {
        LabState s = LabState.of("live", "en", SEED, LiveState.trained("albert-mini-brown", SharingMode.ALL_SHARED,
                "The jury said it did not.", "", 2, 1));
        Path f = dir.resolve("t.albertlab");
        LabStateFile.write(f, s);
        assertEquals(s, LabStateFile.read(f));
        JsonObject live = JsonParser.parseString(Files.readString(f)).getAsJsonObject().getAsJsonObject("live");
        assertEquals("albert-mini-brown", live.get("trainedModel").getAsString());
        assertTrue(live.get("vocabulary").isJsonNull());
        assertThrows(IllegalArgumentException.class, () -> LiveState.trained("../elsewhere", SharingMode.ALL_SHARED,
                "", "", -1, 1));
    }

    @Test
    void fieldNamesAreStable() throws Exception {
        Path f = dir.resolve("s.albertlab");
        LabStateFile.write(f, STATE);
        JsonObject j = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
        assertEquals(1, j.get("formatVersion").getAsInt());
        assertEquals("live", j.get("page").getAsString());
        JsonObject e = j.getAsJsonObject("explorer");
        assertEquals(21_000, e.get("vocab").getAsInt());
        assertEquals("all", e.get("sharing").getAsString());
        assertEquals("hugging-face-always", e.get("projection").getAsString());
        assertEquals("seed-example", e.get("preset").getAsString());
        JsonObject l = j.getAsJsonObject("live");
        assertEquals("chinese", l.get("vocabulary").getAsString());
        assertTrue(l.get("modelFolder").isJsonNull());
        assertEquals("ffn", l.get("sharingMode").getAsString());
        assertEquals("猫坐在垫子上。", l.get("sentenceA").getAsString());
        assertEquals(3, l.get("maskedPosition").getAsInt());
        assertEquals(2, l.get("repeatFactor").getAsInt());
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        JsonObject j = json();
        j.addProperty("teacherNote", "added by a later version");
        j.getAsJsonObject("explorer").addProperty("topic", "sharing");
        assertEquals(STATE, LabStateFile.parse(dir.resolve("x.albertlab"), j.toString()));
    }

    @Test
    void notJsonIsRefused() throws IOException {
        Path f = dir.resolve("bad.albertlab");
        Files.writeString(f, "PK\u0003\u0004 this is a zip");
        assertProblem(f, "bad.albertlab: is not JSON");
        Files.writeString(f, "[1, 2]");
        assertProblem(f, "bad.albertlab: is not a JSON object");
        Files.write(f, new byte[]{'{', '"', (byte) 0xC3, '"', '}'});
        assertProblem(f, "bad.albertlab: the file is not valid UTF-8 text");
    }

    @Test
    void aMissingFileSaysSo() {
        assertProblem(dir.resolve("gone.albertlab"), "gone.albertlab: file not found");
    }

    @Test
    void aNewerFormatVersionIsRefused() throws IOException {
        assertBad(j -> j.addProperty("formatVersion", 2),
                "s.albertlab: was written by a newer ALBERT Lab (formatVersion 2; this one reads up to 1)");
        assertBad(j -> j.addProperty("formatVersion", 0), "s.albertlab: formatVersion must be at least 1, got 0");
        assertBad(j -> j.addProperty("formatVersion", "1"), "s.albertlab: formatVersion must be a whole number, got \"1\"");
    }

    @Test
    void missingRequiredFieldsAreNamed() throws IOException {
        assertBad(j -> j.remove("formatVersion"), "s.albertlab: formatVersion is missing");
        assertBad(j -> j.remove("page"), "s.albertlab: page is missing");
        assertBad(j -> j.remove("explorer"), "s.albertlab: explorer is missing");
        assertBad(j -> j.getAsJsonObject("explorer").remove("hidden"), "s.albertlab: explorer.hidden is missing");
        assertBad(j -> j.getAsJsonObject("live").remove("sentenceB"), "s.albertlab: live.sentenceB is missing");
        assertBad(j -> j.getAsJsonObject("live").remove("vocabulary"),
                "s.albertlab: exactly one of vocabulary, trainedModel and modelFolder must be given");
    }

    @Test
    void wrongTypesAndUnknownWordsAreNamed() throws IOException {
        assertBad(j -> j.getAsJsonObject("explorer").addProperty("hidden", 768.5),
                "s.albertlab: explorer.hidden must be a whole number, got 768.5");
        assertBad(j -> j.getAsJsonObject("explorer").addProperty("ffnLockedTo4H", "yes"),
                "s.albertlab: explorer.ffnLockedTo4H must be true or false, got \"yes\"");
        assertBad(j -> j.getAsJsonObject("explorer").addProperty("sharing", "some"),
                "s.albertlab: explorer.sharing must be none, all, attention or ffn, got \"some\"");
        assertBad(j -> j.addProperty("language", "fr"), "s.albertlab: language must be \"zh\" or \"en\", got \"fr\"");
        assertBad(j -> j.getAsJsonObject("live").addProperty("vocabulary", "klingon"),
                "s.albertlab: vocabulary must be \"english\" or \"chinese\", got \"klingon\"");
        assertBad(j -> j.getAsJsonObject("explorer").addProperty("preset", "gpt-5"),
                "s.albertlab: explorer.preset: unknown preset 'gpt-5' (known: albert-base-v2, albert-large-v2, "
                        + "albert-xlarge-v2, albert-xxlarge-v2, bert-base-uncased, bert-large-uncased, seed-example, "
                        + "albert-chinese-tiny)");
    }

    @Test
    void impossibleValuesAreRefused() throws IOException {
        assertBad(j -> j.getAsJsonObject("explorer").addProperty("heads", 7),
                "s.albertlab: explorer: hidden_size 768 is not divisible by num_attention_heads 7");
        assertBad(j -> j.getAsJsonObject("explorer").addProperty("groups", 5),
                "s.albertlab: explorer: num_hidden_layers 12 is not divisible by num_hidden_groups 5");
        assertBad(j -> j.getAsJsonObject("explorer").addProperty("intermediate", 4_096),
                "s.albertlab: explorer: ffnLockedTo4H is true but intermediate 4096 is not 4 × hidden 768");
        assertBad(j -> j.getAsJsonObject("live").addProperty("repeatFactor", 9),
                "s.albertlab: repeatFactor must be between 1 and 4, got 9");
        assertBad(j -> j.getAsJsonObject("live").addProperty("maskedPosition", -2),
                "s.albertlab: maskedPosition must be -1 (none) or a token index, got -2");
    }

    @Test
    void anImpossibleStateIsNotWritten() {
        LabState bad = LabState.of("explorer", "en", new ExplorerState(30_000, 128, 768, 12, 7, 3_072, true,
                SharingMode.ALL_SHARED, 1, ProjectionConvention.HUGGING_FACE_ALWAYS, null), LIVE);
        Path f = dir.resolve("bad.albertlab");
        CheckpointException e = assertThrows(CheckpointException.class, () -> LabStateFile.write(f, bad));
        assertEquals("bad.albertlab: explorer: hidden_size 768 is not divisible by num_attention_heads 7",
                e.getMessage());
        assertFalse(Files.exists(f));
    }

    @Test
    void trainingSettingsTheViewAndTheLessonRoundTrip() throws Exception {
        LabState s = new LabState(LabState.FORMAT_VERSION, "training", "en", SEED.withChart("compute"),
                LIVE.withView("dynamics", 3, -1),
                new TrainingState(16, 256, 6, 4, 1024, java.util.List.of(SharingMode.ALL_SHARED, SharingMode.NOT_SHARED),
                        3e-3, 8, 64, 7, "The jury met.", SharingMode.NOT_SHARED, 5, 3),
                new LessonPosition("08-the-training-race", 4));
        Path f = dir.resolve("full.albertlab");
        LabStateFile.write(f, s);
        assertEquals(s, LabStateFile.read(f));
    }

    @Test
    void aFileWithoutTheNewerPartsReadsWithTheirDefaults() throws Exception {
        JsonObject j = json();
        j.remove("training");
        j.getAsJsonObject("explorer").remove("chart");
        j.getAsJsonObject("live").remove("tab");
        Path f = dir.resolve("old.albertlab");
        Files.writeString(f, j.toString());
        LabState read = LabStateFile.read(f);
        assertEquals(TrainingState.DEFAULT, read.training());
        assertEquals("parts", read.explorer().chart());
        assertEquals("attention", read.live().tab());
        assertEquals(null, read.lesson());
    }

    @Test
    void badTrainingAndLessonFieldsAreNamed() throws IOException {
        assertBad(j -> j.getAsJsonObject("training").addProperty("learningRate", "fast"),
                "s.albertlab: training.learningRate must be a number");
        assertBad(j -> j.getAsJsonObject("training").add("modes", new com.google.gson.JsonArray()),
                "s.albertlab: modes must name at least one sharing mode");
        assertBad(j -> {
            JsonObject l = new JsonObject();
            l.addProperty("name", "01-x");
            l.addProperty("step", 0);
            j.add("lesson", l);
        }, "s.albertlab: step must be 1 or more");
        assertBad(j -> j.getAsJsonObject("live").addProperty("tab", "nowhere"), "s.albertlab: tab must be one of");
    }

    private JsonObject json() throws IOException {
        try {
            Path f = dir.resolve("source.albertlab");
            LabStateFile.write(f, STATE);
            return JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (CheckpointException e) {
            throw new IOException(e);
        }
    }

    private void assertBad(Consumer<JsonObject> change, String message) throws IOException {
        JsonObject j = json();
        change.accept(j);
        Path f = dir.resolve("s.albertlab");
        Files.writeString(f, j.toString());
        assertProblem(f, message);
    }

    private static void assertProblem(Path f, String message) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> LabStateFile.read(f));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(f, e.file());
    }
}
