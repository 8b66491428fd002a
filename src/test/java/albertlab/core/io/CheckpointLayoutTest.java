package albertlab.core.io;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.Tensor;
import albertlab.core.params.HeadSelection;
import albertlab.core.params.ParameterCounter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointLayoutTest {

    private static final Path FILE = Path.of("model.safetensors");
    private static AlbertConfig config;
    private static Map<String, Tensor> golden;

    @BeforeAll
    static void readGolden(@TempDir Path dir) throws Exception {
        config = ConfigJson.read(Files.write(dir.resolve("config.json"), Fixtures.golden("config.json")));
        golden = Safetensors.read(Files.write(dir.resolve("model.safetensors"), Fixtures.golden("model.safetensors")));
    }

    private static Safetensors.Contents contents(Map<String, Tensor> tensors) {
        return new Safetensors.Contents(tensors, Map.of(), Map.of());
    }

    private static Map<String, Tensor> byName(List<Tensor> tensors) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        tensors.forEach(t -> m.put(t.name(), t));
        return m;
    }

    private static String failure(AlbertConfig c, Safetensors.Contents contents) {
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CheckpointLayout.toWeights(c, contents, FILE));
        assertTrue(e.getMessage().startsWith("model.safetensors: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void goldenPreTrainingCheckpointMapsToOneSharedLayerAndBothHeads() throws Exception {
        CheckpointLayout.Mapped m = CheckpointLayout.toWeights(config, contents(golden), FILE);
        AlbertWeights w = m.weights();
        assertEquals(List.of(), m.warnings());
        assertEquals(1, w.attention().size());
        assertEquals(1, w.ffn().size());
        assertNotNull(w.projection());
        assertNotNull(w.mlmHead());
        assertNotNull(w.sopClassifier());
        assertEquals(120, w.embeddings().word().numRows);
        assertEquals(16, w.embeddings().word().numCols);
        assertEquals(-0.06335673481225967f, w.embeddings().word().get(0, 0));
        assertEquals(0.09582401067018509f, w.ffn().get(0).in().weight().get(0, 0));
        assertEquals(64, w.ffn().get(0).in().out());
        assertEquals(0.041805706918239594f, w.mlmHead().bias()[0]);
        assertEquals(0.20429925620555878f, w.sopClassifier().bias()[1]);
    }

    @Test
    void everyGoldenTensorIsUsedAndCountsMatchTheParameterCounter() throws Exception {
        AlbertWeights w = CheckpointLayout.toWeights(config, contents(golden), FILE).weights();
        List<Tensor> back = CheckpointLayout.toTensors(w);
        assertEquals(golden.keySet(), byName(back).keySet());
        long total = back.stream().mapToLong(Tensor::elementCount).sum();
        assertEquals(ParameterCounter.count(config, HeadSelection.BOTH).total(), total);
        long base = back.stream().filter(t -> t.name().startsWith("albert.")).mapToLong(Tensor::elementCount).sum();
        assertEquals(13_152, base, "the README's AlbertModel count");
        for (Tensor t : back) assertArrayEquals(golden.get(t.name()).data(), t.data(), t.name());
    }

    @Test
    void keysWithoutThePrefixAsAlbertModelSavesThemLoadTheSameWeightsWithoutHeads() throws Exception {
        Map<String, Tensor> plain = new LinkedHashMap<>();
        golden.forEach((k, t) -> {
            if (k.startsWith("albert.")) plain.put(k.substring(7), t);
        });
        AlbertWeights w = CheckpointLayout.toWeights(config, contents(plain), FILE).weights();
        assertNull(w.mlmHead());
        assertNull(w.sopClassifier());
        assertEquals("AlbertModel", CheckpointLayout.architecture(w));
        Map<String, Tensor> back = byName(CheckpointLayout.toTensors(w));
        assertEquals(plain.size(), back.size());
        plain.forEach((k, t) -> assertArrayEquals(t.data(), back.get("albert." + k).data(), k));
    }

    @Test
    void maskedLmCheckpointHasTheMlmHeadOnly() throws Exception {
        Map<String, Tensor> mlm = new LinkedHashMap<>(golden);
        mlm.keySet().removeIf(k -> k.startsWith("sop_classifier."));
        AlbertWeights w = CheckpointLayout.toWeights(config, contents(mlm), FILE).weights();
        assertNotNull(w.mlmHead());
        assertNull(w.sopClassifier());
        assertEquals("AlbertForMaskedLM", CheckpointLayout.architecture(w));
    }

    @Test
    void tiedDecoderCopiesAndIntegerBuffersAreIgnoredSilently() throws Exception {
        Map<String, Tensor> t = new LinkedHashMap<>(golden);
        Tensor word = golden.get("albert.embeddings.word_embeddings.weight");
        t.put("predictions.decoder.weight", new Tensor("predictions.decoder.weight", word.shape(), word.data().clone()));
        Tensor bias = golden.get("predictions.bias");
        t.put("predictions.decoder.bias", new Tensor("predictions.decoder.bias", bias.shape(), bias.data().clone()));
        var c = new Safetensors.Contents(t, Map.of("albert.embeddings.position_ids", "I64"), Map.of());
        assertEquals(List.of(), CheckpointLayout.toWeights(config, c, FILE).warnings());
    }

    @Test
    void aDecoderThatDiffersFromTheTiedWeightsIsIgnoredWithAWarning() throws Exception {
        Map<String, Tensor> t = new LinkedHashMap<>(golden);
        Tensor bias = golden.get("predictions.bias");
        float[] other = bias.data().clone();
        other[5] += 1;
        t.put("predictions.decoder.bias", new Tensor("predictions.decoder.bias", bias.shape(), other));
        CheckpointLayout.Mapped m = CheckpointLayout.toWeights(config, contents(t), FILE);
        assertEquals(List.of("model.safetensors: predictions.decoder.bias differs from the weights it is tied to; "
                + "ALBERT ties them, so it is ignored"), m.warnings());
        assertEquals(bias.data()[5], m.weights().mlmHead().bias()[5]);
    }

    @Test
    void unknownTensorsAndNonFiniteWeightsAreReportedAsWarnings() throws Exception {
        Map<String, Tensor> t = new LinkedHashMap<>(golden);
        t.put("classifier.weight", new Tensor("classifier.weight", new int[]{3, 32}, new float[96]));
        Tensor pooler = golden.get("albert.pooler.bias");
        float[] bad = pooler.data().clone();
        bad[0] = Float.NaN;
        bad[1] = Float.POSITIVE_INFINITY;
        t.put("albert.pooler.bias", new Tensor("albert.pooler.bias", pooler.shape(), bad));
        List<String> warnings = CheckpointLayout.toWeights(config, contents(t), FILE).warnings();
        assertEquals(List.of(
                "model.safetensors: ignored 1 tensor an ALBERT model does not use: classifier.weight",
                "model.safetensors: NaN or infinite weights in albert.pooler.bias (2)"), warnings);
    }

    @ParameterizedTest(name = "{0} L={1} G={2} inner={3}")
    @CsvSource({
            "ALL_SHARED, 6, 3, 2",
            "SHARED_ATTENTION, 4, 2, 1",
            "SHARED_FFN, 4, 1, 2",
            "NOT_SHARED, 3, 1, 1"})
    void everySharingModeRoundTripsThroughHuggingFaceNames(SharingMode mode, int layers, int groups, int inner)
            throws Exception {
        AlbertConfig c = AlbertConfig.builder().vocabSize(11).embeddingSize(4).hiddenSize(6).numHiddenLayers(layers)
                .numHiddenGroups(groups).innerGroupNum(inner).numAttentionHeads(2).intermediateSize(5)
                .maxPositionEmbeddings(7).typeVocabSize(2).sharingMode(mode).build();
        AlbertWeights w = Fixtures.randomWeights(c, 42, true, true);
        List<Tensor> tensors = CheckpointLayout.toTensors(w);
        Map<String, Tensor> read = byName(tensors);
        AlbertWeights back = CheckpointLayout.toWeights(c, contents(read), FILE).weights();
        Map<String, Tensor> again = byName(CheckpointLayout.toTensors(back));
        assertEquals(read.keySet(), again.keySet());
        read.forEach((k, t) -> assertArrayEquals(t.data(), again.get(k).data(), k));
        assertEquals(w.attention().size(), back.attention().size());
        assertEquals(w.ffn().size(), back.ffn().size());
    }

    @Test
    void partialSharingGivesTheTwoHalvesDifferentSlotCounts() {
        // shared attention over G = 2 groups, an FFN of its own for each of the L = 4 layers
        AlbertConfig c = AlbertConfig.builder().vocabSize(11).embeddingSize(4).hiddenSize(6).numHiddenLayers(4)
                .numHiddenGroups(2).numAttentionHeads(2).intermediateSize(5).maxPositionEmbeddings(7)
                .sharingMode(SharingMode.SHARED_ATTENTION).build();
        Set<String> names = byName(CheckpointLayout.toTensors(Fixtures.randomWeights(c, 1, false, false))).keySet();
        assertEquals(Set.of("0", "1"), groupsHolding(names, ".attention.query.weight"));
        assertEquals(Set.of("0", "1", "2", "3"), groupsHolding(names, ".ffn.weight"));
        assertEquals(Set.of("0", "1", "2", "3"), groupsHolding(names, ".full_layer_layer_norm.bias"));
    }

    @Test
    void innerLayersAreNumberedWithinTheirGroup() {
        AlbertConfig c = AlbertConfig.builder().numHiddenLayers(4).numHiddenGroups(2).innerGroupNum(3).build();
        assertEquals("encoder.albert_layer_groups.0.albert_layers.0.", CheckpointLayout.slotPrefix(c, 0));
        assertEquals("encoder.albert_layer_groups.0.albert_layers.2.", CheckpointLayout.slotPrefix(c, 2));
        assertEquals("encoder.albert_layer_groups.1.albert_layers.1.", CheckpointLayout.slotPrefix(c, 4));
    }

    @Test
    void aConfigWithoutProjectionHasNoProjectionKeys() {
        AlbertConfig c = AlbertConfig.builder().vocabSize(11).embeddingSize(6).hiddenSize(6).numHiddenLayers(2)
                .numAttentionHeads(2).intermediateSize(5).maxPositionEmbeddings(7)
                .projection(ProjectionConvention.ORIGINAL_ONLY_WHEN_FACTORIZED).build();
        Set<String> names = byName(CheckpointLayout.toTensors(Fixtures.randomWeights(c, 1, false, false))).keySet();
        assertTrue(names.stream().noneMatch(n -> n.contains("embedding_hidden_mapping_in")), names.toString());
    }

    private static Set<String> groupsHolding(Set<String> names, String suffix) {
        return names.stream().filter(n -> n.endsWith(suffix))
                .map(n -> n.split("\\.")[3]).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- one fixture per failure ----

    @Test
    void missingTensorIsNamed() {
        Map<String, Tensor> t = new LinkedHashMap<>(golden);
        t.remove("albert.encoder.albert_layer_groups.0.albert_layers.0.attention.key.bias");
        assertEquals("model.safetensors: missing tensor albert.encoder.albert_layer_groups.0.albert_layers.0."
                + "attention.key.bias (config.json expects shape [32])", failure(config, contents(t)));
    }

    @Test
    void aPoolerWithoutItsSentenceOrderHeadIsRefusedByName() {
        Map<String, Tensor> t = new LinkedHashMap<>(golden);
        t.remove("albert.pooler.weight");
        t.remove("albert.pooler.bias");
        assertTrue(failure(config, contents(t)).contains("missing tensor albert.pooler.weight (the sentence-order "
                + "head sop_classifier needs the pooler)"));
    }

    @Test
    void halfAPoolerIsAMissingTensor() {
        Map<String, Tensor> t = new LinkedHashMap<>(golden);
        t.remove("albert.pooler.weight");
        assertTrue(failure(config, contents(t)).startsWith("model.safetensors: missing tensor albert.pooler.weight"));
    }

    @Test
    void aMaskedLmCheckpointWithoutPoolerLoadsWithoutPooledOutputOrSop() throws Exception {
        // what transformers' AlbertForMaskedLM.save_pretrained writes: no pooler, no sop_classifier
        Map<String, Tensor> t = new LinkedHashMap<>(golden);
        t.keySet().removeIf(k -> k.startsWith("albert.pooler.") || k.startsWith("sop_classifier."));
        AlbertWeights w = CheckpointLayout.toWeights(config, contents(t), FILE).weights();
        assertNull(w.pooler());
        assertNull(w.sopClassifier());
        var trace = albertlab.core.model.AlbertModel.create(w).forward(albertlab.core.model.ModelInput.of(2, 15, 3));
        assertNull(trace.pooledOutput());
        assertNull(trace.sopLogits());
        assertEquals(3, trace.mlmLogits().length);
        assertFalse(byName(CheckpointLayout.toTensors(w)).containsKey("albert.pooler.weight"));
    }

    @Test
    void shapeThatDisagreesWithConfigJsonIsNamedWithBothShapes() {
        AlbertConfig wider = config.toBuilder().intermediateSize(128).build();
        assertEquals("model.safetensors: tensor albert.encoder.albert_layer_groups.0.albert_layers.0.ffn.weight has "
                + "shape [64, 32] but config.json expects [128, 32]", failure(wider, contents(golden)));
    }

    @Test
    void moreGroupsInConfigThanInTheFileNamesTheFirstMissingGroup() {
        AlbertConfig twoGroups = config.toBuilder().numHiddenGroups(2).build();
        assertTrue(failure(twoGroups, contents(golden)).contains(
                "missing tensor albert.encoder.albert_layer_groups.1.albert_layers.0.attention.query.weight"));
    }

    @Test
    void anIntegerTensorWhereAWeightBelongsIsNamed() {
        Map<String, Tensor> t = new LinkedHashMap<>(golden);
        t.remove("albert.pooler.bias");
        var c = new Safetensors.Contents(t, Map.of("albert.pooler.bias", "I32"), Map.of());
        assertEquals("model.safetensors: tensor albert.pooler.bias is stored as I32, which is not a floating-point "
                + "type ALBERT Lab reads", failure(config, c));
    }

    @Test
    void toTensorsRefusesWeightsThatDisagreeWithTheirConfig() throws Exception {
        AlbertWeights w = CheckpointLayout.toWeights(config, contents(golden), FILE).weights();
        AlbertWeights wrong = new AlbertWeights(config.toBuilder().hiddenSize(64).numAttentionHeads(4).build(),
                w.embeddings(), w.projection(), w.attention(), w.ffn(), w.pooler(), w.mlmHead(), w.sopClassifier());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckpointLayout.toTensors(wrong));
        assertEquals("albert.encoder.embedding_hidden_mapping_in.weight is [32][16], the config needs [64][16]",
                e.getMessage());
    }
}
