package albertlab.core.model;

import albertlab.core.config.Activation;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shared model is the not-shared model whose per-layer weights are copies: expanding the slots by Hugging Face's
 * group formula (written out here, not taken from LayerSchedule) must give bit-identical forward passes.
 */
class SharingEquivalenceTest {

    private static final AlbertConfig BASE = AlbertConfig.builder()
            .vocabSize(40).embeddingSize(8).hiddenSize(20).numAttentionHeads(5).intermediateSize(28)
            .numHiddenLayers(4).numHiddenGroups(1).innerGroupNum(1).maxPositionEmbeddings(24)
            .hiddenAct(Activation.GELU_NEW).build();

    private static final ModelInput INPUT = new ModelInput(new int[]{2, 17, 33, 5, 9, 39, 0, 3},
            new int[]{0, 0, 0, 0, 1, 1, 1, 1}, new int[]{1, 1, 1, 1, 1, 1, 0, 0});

    @Test
    void allSharedEqualsNotSharedWithCopiedLayers() {
        assertExpansionIsIdentical(BASE.toBuilder().sharingMode(SharingMode.ALL_SHARED).build());
    }

    @Test
    void sharedAttentionEqualsNotSharedWithCopiedAttention() {
        assertExpansionIsIdentical(BASE.toBuilder().sharingMode(SharingMode.SHARED_ATTENTION).build());
    }

    @Test
    void sharedFfnEqualsNotSharedWithCopiedFfn() {
        assertExpansionIsIdentical(BASE.toBuilder().sharingMode(SharingMode.SHARED_FFN).build());
    }

    @Test
    void groupsWithSeveralInnerLayersEqualTheExpandedSchedule() {
        for (SharingMode mode : SharingMode.values()) {
            if (mode == SharingMode.NOT_SHARED) continue;
            assertExpansionIsIdentical(BASE.toBuilder().sharingMode(mode).numHiddenLayers(6).numHiddenGroups(3)
                    .innerGroupNum(2).build());
        }
    }

    @Test
    void groupsReallyUseDifferentWeights() {
        // guards the tests above: with G = 2 the second half of the layers must not run group 0's weights
        AlbertConfig grouped = BASE.toBuilder().sharingMode(SharingMode.ALL_SHARED).numHiddenGroups(2).build();
        AlbertWeights w = AlbertModel.random(grouped, 3, false).weights();
        AlbertWeights firstGroupOnly = new AlbertWeights(grouped, w.embeddings(), w.projection(),
                List.of(w.attention().get(0), w.attention().get(0)), List.of(w.ffn().get(0), w.ffn().get(0)),
                w.pooler(), null, null);
        ForwardTrace a = AlbertModel.create(w).forward(INPUT);
        ForwardTrace b = AlbertModel.create(firstGroupOnly).forward(INPUT);
        assertArrayEquals(a.hiddenStates().get(2)[0], b.hiddenStates().get(2)[0]);
        assertFalse(java.util.Arrays.equals(a.hiddenStates().get(3)[0], b.hiddenStates().get(3)[0]));
    }

    private static void assertExpansionIsIdentical(AlbertConfig shared) {
        AlbertWeights w = AlbertModel.random(shared, 5, true).weights();
        AlbertWeights expanded = expand(w);
        assertEquals(shared.layerApplications(), expanded.attention().size());
        ForwardTrace a = AlbertModel.create(w).forward(INPUT);
        ForwardTrace b = AlbertModel.create(expanded).forward(INPUT);
        assertIdentical(a, b);
    }

    /** NOT_SHARED weights: application (i, j) gets the slot HF's group g = i / (L/G) would run. */
    static AlbertWeights expand(AlbertWeights w) {
        AlbertConfig c = w.config();
        int layers = c.numHiddenLayers();
        int inner = c.innerGroupNum();
        List<AlbertWeights.Attention> attention = new ArrayList<>();
        List<AlbertWeights.Ffn> ffn = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            int g = i / (layers / c.numHiddenGroups());
            for (int j = 0; j < inner; j++) {
                attention.add(w.attention().get(c.sharingMode().attentionShared() ? g * inner + j : i * inner + j));
                ffn.add(w.ffn().get(c.sharingMode().ffnShared() ? g * inner + j : i * inner + j));
            }
        }
        AlbertConfig notShared = c.toBuilder().sharingMode(SharingMode.NOT_SHARED).build();
        return new AlbertWeights(notShared, w.embeddings(), w.projection(), attention, ffn, w.pooler(), w.mlmHead(),
                w.sopClassifier());
    }

    static void assertIdentical(ForwardTrace a, ForwardTrace b) {
        assertEquals(a.hiddenStates().size(), b.hiddenStates().size());
        for (int t = 0; t < a.hiddenStates().size(); t++) {
            for (int i = 0; i < INPUT.length(); i++) {
                assertArrayEquals(a.hiddenStates().get(t)[i], b.hiddenStates().get(t)[i], "state " + t + " token " + i);
            }
        }
        for (int t = 0; t < a.attentions().size(); t++) {
            for (int n = 0; n < a.attentions().get(t).length; n++) {
                for (int i = 0; i < INPUT.length(); i++) {
                    assertArrayEquals(a.attentions().get(t)[n][i], b.attentions().get(t)[n][i]);
                }
            }
        }
        assertEquals(a.layerSummaries(), b.layerSummaries());
        assertArrayEquals(a.pooledOutput(), b.pooledOutput());
        if (a.mlmLogits() != null) assertArrayEquals(a.mlmLogits()[3], b.mlmLogits()[3]);
        if (a.sopLogits() != null) assertArrayEquals(a.sopLogits(), b.sopLogits());
        assertTrue(a.layerSummaries().get(0).l2() > 0);
    }
}
