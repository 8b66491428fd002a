package albertlab.core.params;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.Presets;
import albertlab.core.config.SharingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterCounterTest {

    @ParameterizedTest(name = "{0} has {1} parameters")
    @CsvSource({
            "albert-base-v2, 11683584",
            "albert-large-v2, 17683968",
            "albert-xlarge-v2, 58724864",
            "albert-xxlarge-v2, 222595584",
            "bert-base-uncased, 109482240",
            "bert-large-uncased, 335141888",
    })
    void presetsMatchHuggingFaceCountsWithPoolerWithoutHeads(String preset, long expected) {
        assertEquals(expected, ParameterCounter.count(Presets.require(preset).config()).total());
    }

    @ParameterizedTest(name = "ALBERT-base {0} has {1} parameters")
    @CsvSource({
            "ALL_SHARED, 11683584",
            "SHARED_ATTENTION, 63647232",
            "SHARED_FFN, 37686528",
            "NOT_SHARED, 89650176",
    })
    void albertBaseSharingModes(SharingMode mode, long expected) {
        AlbertConfig config = AlbertConfig.builder().sharingMode(mode).build();
        assertEquals(expected, ParameterCounter.count(config).total());
    }

    @Test
    void seedFactorizationSaves16128000Down2786304() {
        ParameterBreakdown b = ParameterCounter.count(Presets.require("seed-example").config());
        assertEquals(16_128_000L, b.unfactorizedEmbedding());
        assertEquals(2_786_304L, b.factorizedEmbedding());
        assertEquals(16_128_000.0 / 2_786_304.0, b.factorizationSaving(), 1e-12);
    }

    @Test
    void groupsCountOneLayerSetPerGroupAndInnerLayer() {
        // G = 3 groups of inner 2 layers: 6 distinct AlbertLayers, vs 1 for all-shared.
        AlbertConfig one = AlbertConfig.builder().build();
        AlbertConfig grouped = one.toBuilder().numHiddenGroups(3).innerGroupNum(2).build();
        ParameterBreakdown a = ParameterCounter.count(one);
        ParameterBreakdown b = ParameterCounter.count(grouped);
        long layer = a.attentionPerLayer() + a.ffnPerLayer();
        assertEquals(a.total() + 5 * layer, b.total());
        // groups = L is the not-shared model
        AlbertConfig perLayer = one.toBuilder().numHiddenGroups(12).build();
        assertEquals(89_650_176L, ParameterCounter.count(perLayer).total());
    }

    @Test
    void projectionConventionDiffersByHxHPlusHWhenEEqualsH() {
        AlbertConfig hf = Presets.require("bert-base-uncased").config().toBuilder()
                .projection(ProjectionConvention.HUGGING_FACE_ALWAYS).build();
        assertEquals(109_482_240L + 768L * 768 + 768, ParameterCounter.count(hf).total());
    }

    @Test
    void headsAddMlmDenseLayerNormBiasAndSop() {
        AlbertConfig base = AlbertConfig.builder().build();
        long plain = ParameterCounter.count(base).total();
        // MLM: dense H->E (768*128+128), LayerNorm(E) 256, output bias V 30000; SOP: 768*2+2
        assertEquals(plain + 98_432 + 256 + 30_000, ParameterCounter.count(base, HeadSelection.MLM).total());
        assertEquals(plain + 98_432 + 256 + 30_000 + 1_538,
                ParameterCounter.count(base, HeadSelection.BOTH).total());
    }

    @Test
    void chineseTinyConfigCountFromTheFormula() {
        // V=21128 E=128 H=312 I=1248 L=4 (all shared) P=512 T=2:
        // embeddings (21128+512+2)*128 + 256 = 2,770,432; projection 128*312+312 = 40,248;
        // one layer 4*(312*312+312) + 624 + (312*1248+1248) + (1248*312+312) + 624 = 1,172,184; pooler 97,656
        assertEquals(2_770_432L + 40_248L + 1_172_184L + 97_656L,
                ParameterCounter.count(Presets.require("albert-chinese-tiny").config()).total());
    }

    @Test
    void sharingChangesParametersButNotFlops() {
        AlbertConfig shared = AlbertConfig.builder().build();
        AlbertConfig unshared = shared.toBuilder().sharingMode(SharingMode.NOT_SHARED).build();
        ParameterBreakdown a = ParameterCounter.count(shared);
        ParameterBreakdown b = ParameterCounter.count(unshared);
        assertTrue(b.total() > 7 * a.total());
        assertEquals(a.flops(), b.flops());
    }

    @Test
    void albertBaseForwardAt128TokensIs22point4Gflop() {
        // 12 layers × 1.862 GFLOP + the E->H projection + the pooler
        ParameterCounter.Flops f = ParameterCounter.count(AlbertConfig.builder().build()).flops();
        assertEquals(12L * 1_862_270_976L, f.attentionProjections() + f.attentionScores() + f.ffn());
        assertEquals(12L * 1_862_270_976L + 2L * 128 * 128 * 768 + 2L * 768 * 768, f.perSequence());
    }

    @Test
    void invalidConfigIsRejectedWithItsReason() {
        AlbertConfig bad = AlbertConfig.builder().numAttentionHeads(7).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterCounter.count(bad));
        assertTrue(e.getMessage().contains("not divisible by num_attention_heads 7"), e.getMessage());
    }
}
