package albertlab.viewmodel.live;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.LayerSchedule;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

class BuiltInModelsTest {

    private static AlbertWeights.Linear linear(int out, int in) {
        return new AlbertWeights.Linear(new FMatrixRMaj(out, in), new float[out]);
    }

    private static AlbertWeights.Norm norm(int n) {
        return new AlbertWeights.Norm(new float[n], new float[n]);
    }

    /** Not-shared weights of the built-in shape with a small vocabulary; values do not matter here. */
    private static AlbertWeights notShared() {
        AlbertConfig c = BuiltInModels.shape(50);
        int h = c.hiddenSize();
        int e = c.embeddingSize();
        List<AlbertWeights.Attention> attention = new ArrayList<>();
        List<AlbertWeights.Ffn> ffn = new ArrayList<>();
        for (int l = 0; l < c.numHiddenLayers(); l++) {
            attention.add(new AlbertWeights.Attention(linear(h, h), linear(h, h), linear(h, h), linear(h, h), norm(h)));
            ffn.add(new AlbertWeights.Ffn(linear(c.intermediateSize(), h), linear(h, c.intermediateSize()), norm(h)));
        }
        var emb = new AlbertWeights.Embeddings(new FMatrixRMaj(50, e), new FMatrixRMaj(c.maxPositionEmbeddings(), e),
                new FMatrixRMaj(2, e), norm(e));
        return new AlbertWeights(c, emb, linear(h, e), attention, ffn, linear(h, h),
                new AlbertWeights.MaskedLmHead(linear(e, h), norm(e), new float[50]), linear(2, h));
    }

    @Test
    void sharedHalvesKeepLayerOnesWeightsAndUnsharedHalvesKeepAll() {
        AlbertWeights w = notShared();
        int layers = w.config().numHiddenLayers();
        for (SharingMode mode : SharingMode.values()) {
            AlbertWeights cut = BuiltInModels.cut(w, mode);
            LayerSchedule schedule = LayerSchedule.of(cut.config());
            assertEquals(mode, cut.config().sharingMode());
            assertEquals(schedule.attentionSlots(), cut.attention().size(), mode.name());
            assertEquals(schedule.ffnSlots(), cut.ffn().size(), mode.name());
            assertEquals(mode.attentionShared() ? 1 : layers, cut.attention().size());
            assertEquals(mode.ffnShared() ? 1 : layers, cut.ffn().size());
            assertSame(w.attention().get(0), cut.attention().get(0));
            assertSame(w.ffn().get(0), cut.ffn().get(0));
            assertSame(w.embeddings(), cut.embeddings());
            assertSame(w.mlmHead(), cut.mlmHead());
        }
    }

    @Test
    void allFourModesAgreeAfterTheSharedFirstLayerAndPartAfterTheSecond() {
        ModelFamily family = BuiltInModels.family(BuiltInModels.Vocabulary.ENGLISH);
        LiveModel allShared = family.member(SharingMode.ALL_SHARED);
        TokenizedInput in = TokenizedInput.of(allShared.tokenizer(), allShared.maxTokens(),
                "The capital of France is Paris.", null, -1);
        assertEquals(List.of("[CLS]", "\u2581the", "\u2581capital", "\u2581of", "\u2581france", "\u2581is",
                "\u2581paris", ".", "[SEP]"), in.tokens());
        Map<SharingMode, ForwardTrace> traces = new EnumMap<>(SharingMode.class);
        for (SharingMode m : SharingMode.values()) {
            traces.put(m, family.member(m).forward().forward(in.modelInput(), ForwardOptions.DEFAULT));
        }
        float[][] first = traces.get(SharingMode.NOT_SHARED).hiddenStates().get(1);
        for (SharingMode m : SharingMode.values()) {
            assertTrue(Arrays.deepEquals(first, traces.get(m).hiddenStates().get(1)), m.name());
        }
        // layer 2: all shared reuses layer 1's weights, not shared has its own
        assertFalse(Arrays.deepEquals(traces.get(SharingMode.NOT_SHARED).hiddenStates().get(2),
                traces.get(SharingMode.ALL_SHARED).hiddenStates().get(2)));
        assertTrue(family.isBuiltIn());
        assertEquals(30000, allShared.config().vocabSize());
        assertEquals(allShared.tokenizer().vocabSize(), allShared.config().vocabSize());
    }

    @Test
    void theChineseVocabularyGivesOnePiecePerCharacter() {
        ModelFamily family = BuiltInModels.family(BuiltInModels.Vocabulary.CHINESE);
        LiveModel m = family.member(SharingMode.ALL_SHARED);
        TokenizedInput in = TokenizedInput.of(m.tokenizer(), m.maxTokens(), "巴黎是法国的首都。", null, -1);
        assertEquals(List.of("[CLS]", "巴", "黎", "是", "法", "国", "的", "首", "都", "。", "[SEP]"), in.tokens());
        assertEquals(0, in.unknownCount());
        assertEquals(21128, m.config().vocabSize());
    }

    @Test
    void theBuiltInShapeIsSmallAndFactorized() {
        AlbertConfig c = BuiltInModels.shape(30000);
        assertEquals(6, c.numHiddenLayers());
        assertEquals(4, c.numAttentionHeads());
        assertEquals(128, c.maxPositionEmbeddings());
        assertEquals(true, c.hasProjection());
    }
}
