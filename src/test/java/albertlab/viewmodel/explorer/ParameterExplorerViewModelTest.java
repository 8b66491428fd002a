package albertlab.viewmodel.explorer;

import albertlab.viewmodel.common.I18n;
import albertlab.core.config.Presets;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.params.ParameterCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer's logic without a toolkit: set inputs, read outputs, compare with exact counts. */
class ParameterExplorerViewModelTest {

    private final I18n i18n = new I18n(I18n.ENGLISH);
    private final ParameterExplorerViewModel vm = new ParameterExplorerViewModel(i18n);

    @Test
    void startsOnAlbertBaseWith11683584Parameters() {
        assertEquals("albert-base-v2", vm.currentPresetProperty().get().name());
        assertEquals(11_683_584L, vm.result().breakdown().total());
        assertEquals("11,683,584", plain(vm.readouts().total.get()));
        assertFalse(vm.isStale());
    }

    @Test
    void seedExampleShowsTheFactorizationWith16128000Versus2786304() {
        vm.applyPreset(Presets.require("seed-example"));
        assertEquals(16_128_000L, vm.result().breakdown().unfactorizedEmbedding());
        assertEquals(2_786_304L, vm.result().breakdown().factorizedEmbedding());
        assertEquals("V × H = 21,000 × 768 = 16,128,000", plain(vm.readouts().unfactorized.get()));
        assertEquals("V × E + E × H = 21,000 × 128 + 128 × 768 = 2,786,304", plain(vm.readouts().factorized.get()));
        assertEquals("5.79 × fewer word-embedding parameters", plain(vm.readouts().saving.get()));
    }

    @Test
    void albertBaseNotSharedHas89650176Parameters() {
        vm.sharingProperty().set(SharingMode.NOT_SHARED);
        assertEquals(89_650_176L, vm.result().breakdown().total());
        assertEquals("89,650,176", plain(vm.readouts().total.get()));
        assertNull(vm.currentPresetProperty().get(), "no preset is albert-base not shared");
    }

    @Test
    void bertTwinOfAlbertBaseIsBertBaseShapedAtVocabulary30000() {
        // V=30000 H=768 L=12 I=3072, E=H, no projection, not shared: bert-base-uncased minus 522 vocabulary rows
        long bertBase = ParameterCounter.count(Presets.require("bert-base-uncased").config()).total();
        assertEquals(bertBase - 522L * 768, vm.result().bertTwin().total());
        assertEquals(109_081_344L, vm.result().bertTwin().total());
        assertEquals("The BERT twin stores 9.34 × as many.", plain(vm.readouts().twinRatio.get()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "albert-base-v2, 11683584, 12M, ROUNDING",
            "albert-large-v2, 17683968, 18M, ROUNDING",
            "albert-xlarge-v2, 58724864, 60M, UNEXPLAINED",
            "albert-xxlarge-v2, 222595584, 235M, UNEXPLAINED",
            "bert-base-uncased, 109482240, 108M, WITHOUT_POOLER",
            "bert-large-uncased, 335141888, 334M, WITHOUT_POOLER",
    })
    void presetSetsEveryControlAndComparesWithThePaper(String name, long exact, String label,
                                                       PaperComparison.Reason reason) {
        var preset = Presets.require(name);
        vm.applyPreset(preset);
        var c = preset.config();
        assertEquals(c.vocabSize(), vm.vocab().get());
        assertEquals(c.embeddingSize(), vm.embedding().get());
        assertEquals(c.hiddenSize(), vm.hidden().get());
        assertEquals(c.numHiddenLayers(), vm.layers().get());
        assertEquals(c.numAttentionHeads(), vm.heads().get());
        assertEquals(c.intermediateSize(), vm.intermediate().get());
        assertEquals(c.sharingMode(), vm.sharingProperty().get());
        assertEquals(c.projection(), vm.projectionProperty().get());
        assertEquals(preset, vm.currentPresetProperty().get());
        assertEquals(exact, vm.result().breakdown().total());
        PaperComparison p = vm.result().paper().orElseThrow();
        assertEquals(label, p.paperLabel());
        assertEquals(reason, p.reason());
        assertEquals(label, plain(vm.readouts().paperLabel.get()));
    }

    @Test
    void presetsWithoutAPaperFigureSaySo() {
        vm.applyPreset(Presets.require("albert-chinese-tiny"));
        assertFalse(vm.readouts().paperShown.get());
        assertEquals("—", plain(vm.readouts().paperLabel.get()));
        assertTrue(plain(vm.readouts().paperReason.get()).contains("Table 1"));
    }

    @Test
    void headsThatDoNotDivideHKeepTheLastGoodNumbersAndSayWhy() {
        vm.heads().set(7);
        assertTrue(vm.isStale());
        assertEquals(11_683_584L, vm.result().breakdown().total(), "last good result stays");
        assertEquals(12, vm.result().config().numAttentionHeads());
        assertEquals(7, vm.candidateProperty().get().numAttentionHeads());
        assertEquals("H = 768 cannot be split into A = 7 heads: 768 ÷ 7 = 109.71 is not a whole number. "
                + "Every head gets H ÷ A dimensions, so A must divide H exactly.", plain(vm.problemText().get()));
        vm.heads().set(16);
        assertFalse(vm.isStale());
        assertEquals("", plain(vm.problemText().get()));
    }

    @Test
    void theProblemFollowsTheLanguage() {
        vm.heads().set(7);
        i18n.setLocale(I18n.CHINESE);
        assertTrue(plain(vm.problemText().get()).startsWith("H = 768 无法分成 A = 7 个头"), plain(vm.problemText().get()));
    }

    @Test
    void groupsThatDoNotDivideLAreRejectedOnlyWhenSomethingIsShared() {
        vm.groups().set(5);
        assertTrue(vm.isStale());
        assertTrue(plain(vm.problemText().get()).startsWith("L = 12 layers cannot be split into G = 5"));
        vm.sharingProperty().set(SharingMode.NOT_SHARED);
        assertFalse(vm.isStale(), "not shared: G means nothing");
        assertEquals(89_650_176L, vm.result().breakdown().total());
    }

    @Test
    void sharedGroupsCountOneLayerPerGroup() {
        vm.groups().set(3);
        long oneLayer = vm.result().breakdown().attentionPerLayer() + vm.result().breakdown().ffnPerLayer();
        assertEquals(11_683_584L + 2 * oneLayer, vm.result().breakdown().total());
    }

    @Test
    void embeddingLargerThanHiddenIsAWarningNotAnError() {
        vm.embedding().set(1024);
        assertFalse(vm.isStale());
        assertTrue(plain(vm.warningText().get()).startsWith("E = 1,024 is larger than H = 768"));
        assertTrue(plain(vm.readouts().saving.get()).contains("more word-embedding parameters"),
                plain(vm.readouts().saving.get()));
    }

    @Test
    void textThatIsNotANumberIsRejectedAndTheValueKept() {
        vm.hidden().textProperty().set("7x8");
        vm.hidden().commitText();
        assertEquals(768, vm.hidden().get());
        assertTrue(vm.isStale());
        assertEquals("H: \"7x8\" is not a whole number. Type digits only, for example 768.", plain(vm.problemText().get()));
        vm.hidden().revertText();
        assertFalse(vm.isStale());
        assertEquals("768", vm.hidden().textProperty().get());
    }

    @Test
    void typedNumbersMayHaveGroupingAndFullWidthDigits() {
        vm.vocab().textProperty().set("21,128");
        vm.vocab().commitText();
        assertEquals(21_128, vm.vocab().get());
        vm.layers().textProperty().set("２４");
        vm.layers().commitText();
        assertEquals(24, vm.layers().get());
        assertEquals("24", vm.layers().textProperty().get());
    }

    @Test
    void valuesOutsideTheRangeAreNamedNotClamped() {
        vm.vocab().textProperty().set("500");
        vm.vocab().commitText();
        assertEquals(500, vm.vocab().get());
        assertTrue(vm.isStale());
        assertEquals("V must be between 1,000 and 250,000 here; 500 is outside that range.", plain(vm.problemText().get()));
    }

    @Test
    void lockedFfnFollowsFourTimesHInOneRecount() {
        assertTrue(vm.ffnLockedTo4HProperty().get());
        vm.heads().set(16); // divides both 768 and 1024
        int[] recounts = {0};
        vm.resultProperty().addListener((obs, old, r) -> recounts[0]++);
        vm.hidden().set(1024);
        assertEquals(4096, vm.intermediate().get());
        assertEquals(1, recounts[0], "H and I change together");
        assertEquals(4096, vm.result().config().intermediateSize());
        vm.ffnLockedTo4HProperty().set(false);
        vm.hidden().set(512);
        assertEquals(4096, vm.intermediate().get(), "unlocked: I stays");
    }

    @Test
    void logSliderMovesToSnappedValuesAndBack() {
        vm.vocab().sliderProperty().set(Math.log10(21_234));
        assertEquals(21_200, vm.vocab().get());
        vm.hidden().sliderProperty().set(Math.log10(800));
        assertEquals(832, vm.hidden().get(), "H from the slider is a multiple of 64");
        vm.vocab().set(30_000);
        assertEquals(Math.log10(30_000), vm.vocab().sliderProperty().get(), 1e-12);
        vm.layers().sliderProperty().set(13.4);
        assertEquals(13, vm.layers().get());
    }

    @Test
    void sweepLinesAreFlatWhenSharedAndFlopsAreTheSameForEveryMode() {
        LayerSweep s = vm.result().sweep();
        assertEquals(s.parameters(SharingMode.ALL_SHARED, 1), s.parameters(SharingMode.ALL_SHARED, 48));
        assertEquals(11_683_584L, s.parameters(SharingMode.ALL_SHARED, 12));
        assertEquals(89_650_176L, s.parameters(SharingMode.NOT_SHARED, 12));
        // not shared: one full layer (attention 2,363,904 + FFN 4,723,968) per step
        assertEquals(7_087_872L, s.parameters(SharingMode.NOT_SHARED, 48) - s.parameters(SharingMode.NOT_SHARED, 47));
        assertEquals(4_723_968L, s.parameters(SharingMode.SHARED_ATTENTION, 48)
                - s.parameters(SharingMode.SHARED_ATTENTION, 47));
        double perLayer = s.flopsPerToken(2) - s.flopsPerToken(1);
        assertEquals(s.flopsPerToken(12) - s.flopsPerToken(11), perLayer, 1e-6, "compute grows linearly in L");
        List<ModeCost> modes = vm.result().modes();
        assertEquals(5, modes.size());
        assertTrue(modes.get(0).isBertTwin());
        double flops = modes.get(1).flopsPerToken();
        for (ModeCost m : modes.subList(1, 5)) assertEquals(flops, m.flopsPerToken(), 0.0, m.id());
    }

    @Test
    void projectionConventionMattersOnlyWhenEEqualsH() {
        vm.projectionProperty().set(ProjectionConvention.ORIGINAL_ONLY_WHEN_FACTORIZED);
        assertEquals(11_683_584L, vm.result().breakdown().total());
        vm.embedding().set(768);
        long original = vm.result().breakdown().total();
        vm.projectionProperty().set(ProjectionConvention.HUGGING_FACE_ALWAYS);
        assertEquals(original + 768L * 768 + 768, vm.result().breakdown().total());
    }

    @Test
    void stackedPartsAddUpToTheTotal() {
        for (var p : Presets.all()) {
            vm.applyPreset(p);
            assertEquals(vm.result().breakdown().total(), vm.result().parts().total(), p.name());
            assertEquals(vm.result().bertTwin().total(), vm.result().twinParts().total(), p.name());
        }
    }

    @Test
    void csvHasTheSettingsAndExactCounts() {
        vm.applyPreset(Presets.require("seed-example"));
        List<List<String>> rows = vm.breakdownCsv();
        assertEquals(List.of("Item", "Formula", "This model", "BERT twin"), rows.get(0));
        assertTrue(rows.contains(List.of("Word embeddings", "V×E", "2688000", "16128000")));
        assertTrue(rows.contains(List.of("Total parameters", "", Long.toString(vm.result().breakdown().total()),
                Long.toString(vm.result().bertTwin().total()))));
        rows.forEach(r -> assertEquals(4, r.size()));
    }

    /** Texts keep formulas together with no-break spaces; compare them as plain spaces. */
    private static String plain(String s) {
        return s.replace('\u00a0', ' ');
    }
}
