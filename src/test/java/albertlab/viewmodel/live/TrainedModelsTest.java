package albertlab.viewmodel.live;

import albertlab.core.config.Activation;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.io.ModelFolder;
import albertlab.core.model.AlbertModel;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ModelInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trained model folders as the app finds them: ordered, paired with their twins, broken ones named. */
class TrainedModelsTest {

    static final Path VOCAB = Path.of("src/test/resources/real/albert-chinese-vocab/vocab.txt");

    @TempDir
    Path dir;

    private AlbertModel save(String name, SharingMode mode, String language, String twin, long seed)
            throws Exception {
        AlbertConfig c = AlbertConfig.builder().vocabSize(21128).embeddingSize(8).hiddenSize(16)
                .intermediateSize(32).numHiddenLayers(3).numHiddenGroups(1).numAttentionHeads(2).innerGroupNum(1)
                .hiddenAct(Activation.GELU_NEW).maxPositionEmbeddings(32).typeVocabSize(2).sharingMode(mode).build();
        AlbertModel model = AlbertModel.random(c, seed, true);
        ModelFolder.save(dir.resolve(name), model.weights(), VOCAB);
        Files.writeString(dir.resolve(name).resolve("card.json"), """
                {"name": "%s", "language": "%s", "sharing": "%s", "twinOf": "%s", "corpus": "test text",
                 "corpusZh": "测试文本", "parameters": 1, "trainingSteps": 10, "trainingTokens": 1000,
                 "trainingMinutes": 0.5, "seed": 42, "command": "albert-lab train",
                 "heldOut": {"text": "held-out.txt", "sequences": 10, "maxSeqLength": 32, "mlmCounted": "all tokens",
                             "mlmTop1": 0.2, "mlmTop5": 0.4, "mlmLoss": 5.0, "maskedTokens": 30,
                             "mostFrequentBaseline": 0.05, "mlmTop1AllTokens": 0.2, "sopAccuracy": 0.6, "pairs": 10},
                 "namedHeads": [{"application": 1, "head": 0, "pattern": "previous", "mass": 0.7}],
                 "examples": []}
                """.formatted(name, language, mode.cliName(), twin));
        return model;
    }

    @Test
    void theUiLanguageComesFirstEachAlbertBeforeItsTwinAndTheTwinsAreEachOthersOverlay() throws Exception {
        save("en-a", SharingMode.ALL_SHARED, "en", "en-b", 1);
        save("en-b", SharingMode.NOT_SHARED, "en", "en-a", 2);
        AlbertModel zhAlbert = save("zh-a", SharingMode.ALL_SHARED, "zh", "zh-b", 3);
        AlbertModel zhTwin = save("zh-b", SharingMode.NOT_SHARED, "zh", "zh-a", 4);
        TrainedModels.Found found = TrainedModels.load(dir, "zh");
        assertEquals(java.util.List.of(), found.problems());
        assertEquals(java.util.List.of("zh-a", "zh-b", "en-a", "en-b"), found.families().stream()
                .map(f -> f.member(f.defaultMode()).card().name()).toList());
        LiveModel albert = found.families().get(0).member(SharingMode.ALL_SHARED);
        assertEquals("live.model.trained.zh.all", albert.nameKey());
        assertTrue(albert.siblingsComparable());
        assertTrue(!albert.untrained());
        assertEquals(0.7, albert.card().namedHeads().get(0).mass());
        // the overlay of the not-shared mode is the trained twin itself, not a random stand-in
        ModelInput input = new ModelInput(new int[] {101, 2769, 102}, new int[3], new int[] {1, 1, 1});
        ForwardOptions light = new ForwardOptions(0, false, false);
        assertArrayEquals(zhTwin.forward(input, light).pooledOutput(),
                albert.sibling().apply(SharingMode.NOT_SHARED).forward(input, light).pooledOutput());
        assertArrayEquals(zhAlbert.forward(input, light).pooledOutput(),
                albert.sibling().apply(SharingMode.ALL_SHARED).forward(input, light).pooledOutput());
    }

    @Test
    void aSavedStateNamesTheTrainedModelAndBringsItBack() throws Exception {
        save("en-a", SharingMode.ALL_SHARED, "en", "en-b", 1);
        save("en-b", SharingMode.NOT_SHARED, "en", "en-a", 2);
        LiveModelViewModel vm = new LiveModelViewModel(Runnable::run, Runnable::run, folder -> null);
        vm.addFamilies(TrainedModels.load(dir, "en").families());
        vm.addFamilies(BuiltInModels.create(BuiltInModels.Vocabulary.ENGLISH));
        vm.familyProperty().set(vm.families().get(1));
        albertlab.core.session.LiveState s = vm.snapshot();
        assertEquals("en-b", s.trainedModel());
        assertEquals(null, s.vocabulary());
        vm.familyProperty().set(vm.families().get(2)); // a random built-in model
        assertEquals(albertlab.core.session.LiveState.ENGLISH, vm.snapshot().vocabulary());
        vm.apply(s);
        assertEquals("en-b", vm.modelProperty().get().card().name());
    }

    @Test
    void aBrokenFolderIsNamedAndTheOthersStillLoad() throws Exception {
        save("en-a", SharingMode.ALL_SHARED, "en", "en-b", 1);
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("card.json"), "{\"name\": ");
        TrainedModels.Found found = TrainedModels.load(dir, "en");
        assertEquals(1, found.families().size());
        assertEquals(1, found.problems().size());
        assertTrue(found.problems().get(0).contains("broken") && found.problems().get(0).contains("card.json"),
                found.problems().get(0));
        assertNotNull(TrainedModels.load(dir.resolve("none-here"), "en").families());
    }
}
