package albertlab.core.train;

import albertlab.core.config.AlbertConfig;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ModelInput;
import albertlab.core.model.TokenProbabilities;
import albertlab.core.model.WeightArrays;
import albertlab.core.tokenizer.Encoding;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every trained model in {@code assets/models/} loads, and its card agrees with its files, with its twin, and with a
 * fresh evaluation on the first sequences of the held-out text it was measured on.
 */
class ShippedModelsTest {

    static final Path MODELS = Path.of("assets/models");
    static final Map<String, Path> HELD_OUT = Map.of("en", Path.of("assets/corpora/brown/held-out.txt.gz"),
            "zh", Path.of("assets/corpora/poetry/held-out.txt.gz"));
    /** A fifth of the card's 1,000 sequences: the same first 200, since sequence i depends only on (seed, i). */
    static final int SLICE = 200;

    static List<Path> folders() throws Exception {
        assertTrue(Files.isDirectory(MODELS), "no " + MODELS + " (run from the project folder)");
        try (Stream<Path> s = Files.list(MODELS)) {
            List<Path> out = s.filter(Files::isDirectory).sorted().toList();
            assertFalse(out.isEmpty(), "no trained model in " + MODELS);
            return out;
        }
    }

    static JsonObject card(Path folder) throws Exception {
        return JsonParser.parseString(Files.readString(folder.resolve(ModelCard.JSON))).getAsJsonObject();
    }

    @Test
    void bothLanguagesShipAnAlbertAndItsNotSharedTwin() throws Exception {
        int pairs = 0;
        for (Path folder : folders()) {
            TrainedModelCard card = TrainedModelCard.read(folder);
            if (!card.sharing().equals("all")) continue;
            TrainedModelCard twin = TrainedModelCard.read(MODELS.resolve(card.twinOf()));
            assertEquals("none", twin.sharing(), card.name());
            assertEquals(card.name(), twin.twinOf(), card.name());
            assertEquals(card.language(), twin.language());
            pairs++;
        }
        assertEquals(2, pairs, "one ALBERT with its twin per language");
    }

    @Test
    void everyCardAgreesWithItsFilesAndItsTwin() throws Exception {
        for (Path folder : folders()) {
            JsonObject card = card(folder);
            LoadedModel model = ModelFolder.load(folder);
            AlbertConfig c = model.config();
            String name = folder.getFileName().toString();
            assertEquals(name, card.get("name").getAsString());
            assertTrue(HELD_OUT.containsKey(card.get("language").getAsString()), name);
            assertEquals(c.sharingMode().cliName(), card.get("sharing").getAsString(), name);
            assertEquals(WeightArrays.count(model.model().weights()), card.get("parameters").getAsLong(), name);
            assertEquals(ModelCard.sha256(folder.resolve(ModelFolder.WEIGHTS_FILE)),
                    card.get("weightsSha256").getAsString(), name);
            JsonObject sizes = card.getAsJsonObject("sizes");
            assertEquals(c.vocabSize(), sizes.get("vocab").getAsInt());
            assertEquals(c.embeddingSize(), sizes.get("embedding").getAsInt());
            assertEquals(c.hiddenSize(), sizes.get("hidden").getAsInt());
            assertEquals(c.numHiddenLayers(), sizes.get("layers").getAsInt());
            assertEquals(c.numAttentionHeads(), sizes.get("heads").getAsInt());
            assertEquals(c.intermediateSize(), sizes.get("intermediate").getAsInt());
            assertTrue(model.hasTokenizer(), name);
            for (String f : List.of("training.json", "loss.csv", "MODEL_CARD.md")) {
                assertTrue(Files.isRegularFile(folder.resolve(f)), name + " lacks " + f);
            }
            assertFalse(Files.list(folder).anyMatch(p -> p.getFileName().toString().startsWith("optimizer-")),
                    name + " ships optimizer state");
            String md = Files.readString(folder.resolve(ModelCard.MARKDOWN));
            assertTrue(md.contains("## 简体中文") && md.contains("## English"), name);
            JsonObject training = JsonParser.parseString(Files.readString(folder.resolve("training.json"))).getAsJsonObject();
            assertEquals(training.get("steps").getAsLong(), card.get("trainingSteps").getAsLong(), name);
            assertEquals(training.get("tokensSeen").getAsLong(), card.get("trainingTokens").getAsLong(), name);
            assertEquals(training.get("command").getAsString(), card.get("command").getAsString(), name);
            assertEquals(Math.round(training.get("minutes").getAsDouble() * 10) / 10.0,
                    card.get("trainingMinutes").getAsDouble(), name);
            // the twin: the same sizes, batches and budget, another sharing mode
            JsonObject other = card(MODELS.resolve(card.get("twinOf").getAsString()));
            assertEquals(sizes, other.getAsJsonObject("sizes"), name + " and its twin");
            assertEquals(card.get("trainingSteps"), other.get("trainingSteps"));
            assertEquals(card.get("seed"), other.get("seed"));
            assertFalse(card.get("sharing").equals(other.get("sharing")));
        }
    }

    @Test
    void allShippedModelsFitTheirBudget() throws Exception {
        long bytes = 0;
        for (Path folder : folders()) {
            try (Stream<Path> s = Files.walk(folder)) {
                bytes += s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }
        assertTrue(bytes <= 32L << 20, bytes + " bytes in " + MODELS);
    }

    @Test
    void evaluatingTheFirstHeldOutSequencesReproducesTheCardWithinSamplingNoise() throws Exception {
        for (Path folder : folders()) {
            JsonObject card = card(folder);
            JsonObject h = card.getAsJsonObject("heldOut");
            LoadedModel model = ModelFolder.load(folder);
            TrainingCorpus heldOut = TrainingCorpus.read(List.of(HELD_OUT.get(card.get("language").getAsString())),
                    model.tokenizer());
            ModelEvaluation.Report r = ModelEvaluation.run(model.model(), model.tokenizer(), heldOut,
                    new ModelEvaluation.Protocol(SLICE, h.get("maxSeqLength").getAsInt(),
                            h.get("evaluationSeed").getAsLong()));
            ModelEvaluation.MlmScore mlm = h.get("mlmCounted").getAsString().startsWith("Han") ? r.mlmHan() : r.mlm();
            // four standard errors of a proportion measured on n targets
            double p = h.get("mlmTop1").getAsDouble();
            double noise = 4 * Math.sqrt(p * (1 - p) / mlm.maskedTokens());
            assertEquals(p, mlm.top1(), noise, folder + ": top-1 on " + mlm.maskedTokens() + " targets");
            double sop = h.get("sopAccuracy").getAsDouble();
            assertEquals(sop, r.sopAccuracy(), 4 * Math.sqrt(sop * (1 - sop) / r.pairs()), folder + ": SOP");
        }
    }

    @Test
    void everyExampleGetsTheGuessItsCardRecords() throws Exception {
        for (Path folder : folders()) {
            TrainedModelCard card = TrainedModelCard.read(folder);
            LoadedModel model = ModelFolder.load(folder);
            assertFalse(card.examples().isEmpty(), folder.toString());
            // right ones first (the Live page opens on the first), as many as the model got, up to EACH of each
            List<Boolean> marks = card.examples().stream().map(CardExamples.Example::correct).toList();
            assertEquals(marks.stream().sorted(java.util.Comparator.reverseOrder()).toList(), marks, folder.toString());
            for (CardExamples.Example e : card.examples()) {
                Encoding enc = model.tokenizer().encode(e.a(), e.b());
                int[] ids = enc.ids().clone();
                assertEquals(e.answer(), model.tokenizer().idToToken(ids[e.position()]), e.toString());
                ids[e.position()] = model.tokenizer().maskId();
                float[] logits = model.model().forward(new ModelInput(ids, enc.typeIds(), enc.attentionMask()),
                        new ForwardOptions(0, false, true).withMlmRows(e.position())).mlmLogits()[e.position()];
                int guess = TokenProbabilities.topIds(TokenProbabilities.softmax(logits), 1)[0];
                assertEquals(e.guess(), model.tokenizer().idToToken(guess), e.toString());
                assertEquals(e.correct(), e.guess().equals(e.answer()), e.toString());
            }
        }
    }
}
