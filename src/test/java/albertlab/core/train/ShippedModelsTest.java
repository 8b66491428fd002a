package albertlab.core.train;

import albertlab.core.config.AlbertConfig;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.model.WeightArrays;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every trained model in {@code assets/models/} loads, and its card agrees with its files and with a fresh
 * evaluation on a slice of the held-out text it names.
 */
class ShippedModelsTest {

    static final Path MODELS = Path.of("assets/models");
    static final Map<String, Path> HELD_OUT = Map.of("en", Path.of("assets/corpora/brown/held-out.txt.gz"),
            "zh", Path.of("assets/corpora/poetry/held-out.txt.gz"));

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
            String md = Files.readString(folder.resolve(ModelCard.MARKDOWN));
            assertTrue(md.contains("## 简体中文") && md.contains("## English"), name);
            JsonObject training = JsonParser.parseString(Files.readString(folder.resolve("training.json"))).getAsJsonObject();
            assertEquals(training.get("steps").getAsLong(), card.get("trainingSteps").getAsLong(), name);
            assertEquals(training.get("command").getAsString(), card.get("command").getAsString(), name);
            // the twin: the same sizes and budget, the other sharing mode
            Path twin = MODELS.resolve(card.get("twinOf").getAsString());
            JsonObject other = card(twin);
            assertEquals(sizes, other.getAsJsonObject("sizes"), name + " and its twin");
            assertEquals(card.get("trainingSteps"), other.get("trainingSteps"));
            assertEquals(card.get("seed"), other.get("seed"));
            assertFalse(card.get("sharing").equals(other.get("sharing")));
        }
    }

    @Test
    void evaluatingASliceOfTheHeldOutTextReproducesTheCardWithinSamplingNoise() throws Exception {
        for (Path folder : folders()) {
            JsonObject card = card(folder);
            JsonObject h = card.getAsJsonObject("heldOut");
            LoadedModel model = ModelFolder.load(folder);
            List<List<String>> documents = TrainingCorpus.documentsOf(
                    TrainingCorpus.readText(HELD_OUT.get(card.get("language").getAsString())));
            // about 400 lines: the first documents, until that many
            List<List<String>> slice = new ArrayList<>();
            int lines = 0;
            for (List<String> d : documents) {
                if (lines >= 400) break;
                slice.add(d.subList(0, Math.min(d.size(), 400 - lines)));
                lines += Math.min(d.size(), 400 - lines);
            }
            ModelEvaluation.Report r = ModelEvaluation.run(model.model(), model.tokenizer(), slice, 1);
            ModelEvaluation.MlmScore mlm = h.get("mlmCounted").getAsString().startsWith("Han") ? r.mlmHan() : r.mlm();
            // four standard errors of a proportion measured on n targets
            double p = h.get("mlmTop1").getAsDouble();
            double noise = 4 * Math.sqrt(p * (1 - p) / mlm.maskedTokens());
            assertEquals(p, mlm.top1(), noise, folder + ": top-1 on " + mlm.maskedTokens() + " targets");
            double sop = h.get("sopAccuracy").getAsDouble();
            assertEquals(sop, r.sopAccuracy(), 4 * Math.sqrt(sop * (1 - sop) / r.pairs()) + 0.02, folder + ": SOP");
        }
    }
}
