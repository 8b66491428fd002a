package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Padding masks and the "repeat the shared layer" experiment (ForwardOptions.extraLayers). */
class MaskAndRepeatTest {

    private static final AlbertConfig CONFIG = AlbertConfig.builder()
            .vocabSize(60).embeddingSize(16).hiddenSize(36).numAttentionHeads(6).intermediateSize(48)
            .numHiddenLayers(4).numHiddenGroups(1).maxPositionEmbeddings(64).build();

    @Test
    void paddingChangesNoRealTokenOutput() {
        AlbertModel model = AlbertModel.random(CONFIG, 21, true);
        int[] ids = {2, 14, 15, 16, 40, 41, 3};
        ForwardTrace plain = model.forward(ModelInput.of(ids));
        int[] padded = Arrays.copyOf(ids, ids.length + 5); // pad id 0
        padded[ids.length + 1] = 33; // a masked token need not carry the pad id
        int[] mask = new int[padded.length];
        Arrays.fill(mask, 0, ids.length, 1);
        ForwardTrace masked = model.forward(new ModelInput(padded, null, mask));

        for (int t = 0; t < plain.hiddenStates().size(); t++) {
            for (int i = 0; i < ids.length; i++) {
                assertArrayEquals(plain.hiddenStates().get(t)[i], masked.hiddenStates().get(t)[i], 1e-5f,
                        "state " + t + " token " + i);
            }
        }
        for (int t = 0; t < plain.attentions().size(); t++) {
            for (float[][] head : masked.attentions().get(t)) {
                for (float[] row : head) {
                    for (int j = ids.length; j < padded.length; j++) assertEquals(0f, row[j], 0, "masked key " + j);
                }
            }
            for (int n = 0; n < CONFIG.numAttentionHeads(); n++) {
                for (int i = 0; i < ids.length; i++) {
                    assertArrayEquals(plain.attentions().get(t)[n][i],
                            Arrays.copyOf(masked.attentions().get(t)[n][i], ids.length), 1e-6f);
                }
            }
            LayerSummary a = plain.layerSummaries().get(t);
            LayerSummary b = masked.layerSummaries().get(t);
            assertEquals(a.cosine(), b.cosine(), 1e-5);
            assertEquals(a.angleDegrees(), b.angleDegrees(), 1e-3);
            assertEquals(a.l2(), b.l2(), 1e-4);
        }
        assertArrayEquals(plain.pooledOutput(), masked.pooledOutput(), 1e-5f);
        assertArrayEquals(plain.sopLogits(), masked.sopLogits(), 1e-5f);
        assertArrayEquals(plain.mlmLogits()[4], masked.mlmLogits()[4], 1e-4f);
    }

    @Test
    void extraLayersContinueThePlainRun() {
        AlbertModel model = AlbertModel.random(CONFIG.toBuilder().innerGroupNum(2).build(), 22, false);
        ModelInput input = ModelInput.of(2, 7, 8, 9, 3);
        ForwardTrace plain = model.forward(input);
        ForwardTrace repeated = model.forward(input, ForwardOptions.DEFAULT.withExtraLayers(3));
        int inner = 2;
        assertEquals(1 + (4 + 3) * inner, repeated.hiddenStates().size());
        assertEquals((4 + 3) * inner, repeated.attentions().size());
        assertEquals((4 + 3) * inner, repeated.layerSummaries().size());
        for (int t = 0; t < plain.hiddenStates().size(); t++) {
            for (int i = 0; i < input.length(); i++) {
                assertArrayEquals(plain.hiddenStates().get(t)[i], repeated.hiddenStates().get(t)[i]);
            }
        }
        for (int t = 0; t < repeated.schedule().size(); t++) {
            assertEquals(t >= 4 * inner, repeated.schedule().get(t).extra());
        }
        assertFalse(Arrays.equals(plain.pooledOutput(), repeated.pooledOutput()), "the pooler sees the last state");
    }

    @Test
    void extraLayersApplyTheLastOuterLayerAgain() {
        // G = 2 groups of 2 inner layers; the repeats must run group 1 (outer layer L−1), inner layers in order
        AlbertConfig config = CONFIG.toBuilder().sharingMode(SharingMode.ALL_SHARED).numHiddenGroups(2)
                .innerGroupNum(2).build();
        AlbertWeights w = AlbertModel.random(config, 23, false).weights();
        ModelInput input = ModelInput.of(2, 11, 12, 13, 14, 3);
        ForwardTrace repeated = AlbertModel.create(w).forward(input, ForwardOptions.DEFAULT.withExtraLayers(2));

        // the same computation as a not-shared model of L + 2 layers whose last two copy layer L−1's slots
        AlbertWeights expanded = SharingEquivalenceTest.expand(w);
        List<AlbertWeights.Attention> attention = new ArrayList<>(expanded.attention());
        List<AlbertWeights.Ffn> ffn = new ArrayList<>(expanded.ffn());
        int last = config.numHiddenLayers() - 1;
        for (int extra = 0; extra < 2; extra++) {
            for (int j = 0; j < 2; j++) {
                attention.add(expanded.attention().get(last * 2 + j));
                ffn.add(expanded.ffn().get(last * 2 + j));
            }
        }
        AlbertConfig longer = expanded.config().toBuilder().numHiddenLayers(config.numHiddenLayers() + 2).build();
        ForwardTrace want = AlbertModel.create(new AlbertWeights(longer, w.embeddings(), w.projection(), attention,
                ffn, w.pooler(), null, null)).forward(input);
        assertEquals(want.hiddenStates().size(), repeated.hiddenStates().size());
        for (int t = 0; t < want.hiddenStates().size(); t++) {
            for (int i = 0; i < input.length(); i++) {
                assertArrayEquals(want.hiddenStates().get(t)[i], repeated.hiddenStates().get(t)[i], "state " + t);
            }
        }
        assertArrayEquals(want.pooledOutput(), repeated.pooledOutput());
        assertTrue(repeated.schedule().get(repeated.schedule().size() - 1).extra());
        assertEquals(2, repeated.schedule().get(8).attentionSlot(), "first repeat runs group 1, inner layer 0");
    }
}
