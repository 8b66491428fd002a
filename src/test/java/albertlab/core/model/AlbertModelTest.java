package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.ops.Kernels;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlbertModelTest {

    private static final AlbertConfig SMALL = AlbertConfig.builder()
            .vocabSize(30).embeddingSize(8).hiddenSize(16).numAttentionHeads(2).intermediateSize(24)
            .numHiddenLayers(3).maxPositionEmbeddings(16).build();

    @Test
    void randomWeightsDependOnlyOnTheSeed() {
        AlbertWeights a = AlbertModel.random(SMALL, 7, true).weights();
        AlbertWeights b = AlbertModel.random(SMALL, 7, true).weights();
        AlbertWeights c = AlbertModel.random(SMALL, 8, true).weights();
        assertArrayEquals(a.attention().get(0).query().weight().data, b.attention().get(0).query().weight().data);
        assertArrayEquals(a.mlmHead().bias(), b.mlmHead().bias());
        assertFalse(java.util.Arrays.equals(a.embeddings().word().data, c.embeddings().word().data));
    }

    @Test
    void randomWeightsFollowTheGoldenSpread() {
        AlbertConfig config = SMALL.toBuilder().vocabSize(2000).hiddenSize(64).intermediateSize(256).build();
        AlbertWeights w = AlbertModel.random(config, 1, false).weights();
        assertEquals(0.3, std(w.embeddings().word().data), 0.01);
        assertEquals(1.4 / 8, std(w.attention().get(0).query().weight().data), 0.01);
        assertEquals(1.0 / 16, std(w.ffn().get(0).out().weight().data), 0.005);
        assertEquals(1.0, mean(w.ffn().get(0).layerNorm().gamma()), 0.05);
    }

    @Test
    void randomAttentionIsNotUniform() {
        AlbertModel model = AlbertModel.random(SMALL, 3, false);
        ForwardTrace trace = model.forward(ModelInput.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        double peak = 0;
        for (float[][][] layer : trace.attentions()) for (float[][] head : layer) for (float[] row : head) {
            for (float p : row) peak = Math.max(peak, p);
        }
        assertTrue(peak > 0.5, "some query should attend mostly to one key, peak " + peak);
    }

    @Test
    void mlmRowsGiveTheFullPassesRowsAndNothingElse() {
        AlbertModel full = AlbertModel.random(SMALL, 3, true);
        ModelInput input = ModelInput.of(1, 2, 3, 4, 5);
        ForwardTrace all = full.forward(input);
        ForwardTrace some = full.forward(input, ForwardOptions.DEFAULT.withMlmRows(3, 1, 9));
        assertEquals(5, some.mlmLogits().length);
        assertArrayEquals(all.mlmLogits()[1], some.mlmLogits()[1], 1e-6f);
        assertArrayEquals(all.mlmLogits()[3], some.mlmLogits()[3], 1e-6f);
        for (int t : new int[]{0, 2, 4}) assertNull(some.mlmLogits()[t], "row " + t);
        assertArrayEquals(all.sopLogits(), some.sopLogits(), 1e-6f);
        assertNull(full.forward(input, ForwardOptions.DEFAULT.withMlmRows()).mlmLogits());
    }

    @Test
    void headsAreOptional() {
        AlbertModel bare = AlbertModel.random(SMALL, 1, false);
        assertFalse(bare.hasMlmHead());
        assertFalse(bare.hasSopHead());
        ForwardTrace trace = bare.forward(ModelInput.of(1, 2, 3));
        assertNull(trace.mlmLogits());
        assertNull(trace.sopLogits());
        assertEquals(SMALL.hiddenSize(), trace.pooledOutput().length);

        AlbertModel full = AlbertModel.random(SMALL, 1, true);
        ForwardTrace all = full.forward(ModelInput.of(1, 2, 3));
        assertEquals(3, all.mlmLogits().length);
        assertEquals(SMALL.vocabSize(), all.mlmLogits()[0].length);
        assertEquals(2, all.sopLogits().length);
        ForwardTrace lean = full.forward(ModelInput.of(1, 2, 3), new ForwardOptions(0, false, false));
        assertNull(lean.mlmLogits());
        assertNotNull(lean.sopLogits());
        assertTrue(lean.attentions().isEmpty());
        assertEquals(SMALL.layerApplications(), lean.applications());
        assertArrayEquals(all.pooledOutput(), lean.pooledOutput());
    }

    @Test
    void bothKernelsAgreeOnAWholeModel() {
        AlbertWeights w = AlbertModel.random(SMALL, 4, true).weights();
        ModelInput input = ModelInput.of(5, 6, 7, 8, 9, 10, 11);
        ForwardTrace a = AlbertModel.create(w, Kernels.scalar()).forward(input);
        ForwardTrace b = AlbertModel.create(w, Kernels.vector().orElseThrow()).forward(input);
        for (int t = 0; t < a.hiddenStates().size(); t++) {
            for (int i = 0; i < input.length(); i++) {
                assertArrayEquals(a.hiddenStates().get(t)[i], b.hiddenStates().get(t)[i], 1e-4f);
            }
        }
    }

    @Test
    void aWrongShapeIsNamed() {
        AlbertWeights w = AlbertModel.random(SMALL, 1, true).weights();
        List<AlbertWeights.Attention> attention = new ArrayList<>(w.attention());
        AlbertWeights.Attention a = attention.get(0);
        attention.set(0, new AlbertWeights.Attention(a.query(),
                new AlbertWeights.Linear(new FMatrixRMaj(16, 15), a.key().bias()), a.value(), a.dense(), a.layerNorm()));
        AlbertWeights bad = new AlbertWeights(w.config(), w.embeddings(), w.projection(), attention, w.ffn(),
                w.pooler(), w.mlmHead(), w.sopClassifier());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlbertModel.create(bad));
        assertEquals("attention[0].key.weight: expected shape [16, 16], got [16, 15]", e.getMessage());
    }

    @Test
    void theSlotCountMustMatchTheSharingMode() {
        AlbertWeights w = AlbertModel.random(SMALL, 1, false).weights();
        AlbertConfig notShared = SMALL.toBuilder().sharingMode(SharingMode.NOT_SHARED).build();
        AlbertWeights bad = new AlbertWeights(notShared, w.embeddings(), w.projection(), w.attention(), w.ffn(),
                w.pooler(), null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlbertModel.create(bad));
        assertEquals("expected 3 attention weight sets for NOT_SHARED, got 1", e.getMessage());
    }

    @Test
    void aMissingProjectionIsNamed() {
        AlbertWeights w = AlbertModel.random(SMALL, 1, false).weights();
        AlbertWeights bad = new AlbertWeights(SMALL, w.embeddings(), null, w.attention(), w.ffn(), w.pooler(), null,
                null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlbertModel.create(bad));
        assertEquals("encoder.embedding_hidden_mapping_in is missing", e.getMessage());
        AlbertConfig bert = SMALL.toBuilder().embeddingSize(16)
                .projection(ProjectionConvention.ORIGINAL_ONLY_WHEN_FACTORIZED).build();
        assertNull(AlbertModel.random(bert, 1, false).weights().projection());
    }

    @Test
    void badInputsAreRejectedWithTheirPosition() {
        AlbertModel model = AlbertModel.random(SMALL, 1, false);
        assertEquals("token 1: id 30 is outside the vocabulary [0, 30)",
                assertThrows(IllegalArgumentException.class, () -> model.forward(ModelInput.of(1, 30))).getMessage());
        assertEquals("17 tokens exceed max_position_embeddings 16",
                assertThrows(IllegalArgumentException.class, () -> model.forward(ModelInput.of(new int[17])))
                        .getMessage());
        assertEquals("token 0: type id 2 is outside [0, 2)", assertThrows(IllegalArgumentException.class,
                () -> model.forward(new ModelInput(new int[]{1}, new int[]{2}, null))).getMessage());
    }

    @Test
    void hiddenStatesPerOuterLayerFollowTheSchedule() {
        AlbertConfig config = SMALL.toBuilder().innerGroupNum(3).build();
        ForwardTrace trace = AlbertModel.random(config, 2, false).forward(ModelInput.of(1, 2));
        List<float[][]> outer = trace.hiddenStatesPerOuterLayer();
        assertEquals(config.numHiddenLayers() + 1, outer.size());
        assertEquals(1 + 3 * config.numHiddenLayers(), trace.hiddenStates().size());
        for (int i = 0; i <= config.numHiddenLayers(); i++) assertTrue(outer.get(i) == trace.hiddenStates().get(3 * i));
    }

    private static double mean(float[] x) {
        double s = 0;
        for (float v : x) s += v;
        return s / x.length;
    }

    private static double std(float[] x) {
        double m = mean(x);
        double s = 0;
        for (float v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / x.length);
    }
}
