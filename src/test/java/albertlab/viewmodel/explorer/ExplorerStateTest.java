package albertlab.viewmodel.explorer;

import albertlab.viewmodel.common.I18n;
import albertlab.core.config.Presets;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.session.ExplorerState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** snapshot() and apply(): a state applied shows exactly what the same values typed by hand show. */
class ExplorerStateTest {

    private final I18n i18n = new I18n(I18n.ENGLISH);
    private final ParameterExplorerViewModel vm = new ParameterExplorerViewModel(i18n);

    @Test
    void aStartedViewModelSnapshotsAlbertBase() {
        assertEquals(new ExplorerState(30_000, 128, 768, 12, 12, 3_072, true, SharingMode.ALL_SHARED, 1,
                ProjectionConvention.HUGGING_FACE_ALWAYS, "albert-base-v2"), vm.snapshot());
    }

    @Test
    void applyingTheSeedExampleShows16128000Versus2786304() {
        vm.apply(new ExplorerState(21_000, 128, 768, 12, 12, 3_072, true, SharingMode.ALL_SHARED, 1,
                ProjectionConvention.HUGGING_FACE_ALWAYS, null));
        assertEquals(16_128_000L, vm.result().breakdown().unfactorizedEmbedding());
        assertEquals(2_786_304L, vm.result().breakdown().factorizedEmbedding());
        assertEquals("V × E + E × H = 21,000 × 128 + 128 × 768 = 2,786,304",
                plain(vm.readouts().factorized.get()));
        assertEquals("seed-example", vm.currentPresetProperty().get().name(), "the values are the seed example's");
        assertFalse(vm.isStale());
    }

    @Test
    void applyingAlbertBaseNotSharedShows89650176LikeTypingIt() {
        ParameterExplorerViewModel typed = new ParameterExplorerViewModel(i18n);
        typed.sharingProperty().set(SharingMode.NOT_SHARED);

        vm.applyPreset(Presets.require("albert-xxlarge-v2"));
        vm.apply(typed.snapshot());
        assertEquals(89_650_176L, vm.result().breakdown().total());
        assertEquals("89,650,176", plain(vm.readouts().total.get()));
        assertEquals(typed.result().breakdown(), vm.result().breakdown());
        assertEquals(typed.result().bertTwin(), vm.result().bertTwin());
        assertEquals(typed.readouts().factorized.get(), vm.readouts().factorized.get());
        assertEquals(typed.snapshot(), vm.snapshot());
        assertNull(vm.currentPresetProperty().get());
    }

    @Test
    void everyInputComesBackFromASnapshot() {
        ExplorerState s = new ExplorerState(50_000, 256, 1_024, 24, 16, 2_048, false, SharingMode.SHARED_FFN, 4,
                ProjectionConvention.ORIGINAL_ONLY_WHEN_FACTORIZED, "bert-large-uncased");
        vm.apply(s);
        assertEquals(s, vm.snapshot());
        assertEquals(2_048, vm.intermediate().get(), "unlocked: I is taken as given, not 4H");
        assertEquals("1,024", vm.hidden().textProperty().get(), "the number fields show the applied values");
        assertFalse(vm.isStale());
    }

    @Test
    void aLockedIFollowsHAsOnScreen() {
        vm.apply(new ExplorerState(30_000, 128, 1_024, 12, 16, 3_072, true, SharingMode.ALL_SHARED, 1,
                ProjectionConvention.HUGGING_FACE_ALWAYS, null));
        assertEquals(4_096, vm.intermediate().get());
        vm.hidden().set(2_048);
        assertEquals(8_192, vm.intermediate().get(), "still locked after apply");
    }

    @Test
    void anImpossibleStateShowsTheSameProblemAsTypingIt() {
        vm.apply(new ExplorerState(30_000, 128, 768, 12, 7, 3_072, true, SharingMode.ALL_SHARED, 1,
                ProjectionConvention.HUGGING_FACE_ALWAYS, null));
        assertTrue(vm.isStale());
        assertEquals(11_683_584L, vm.result().breakdown().total(), "last good result stays");
        assertTrue(plain(vm.problemText().get()).startsWith("H = 768 cannot be split into A = 7 heads"));
    }

    @Test
    void anUnknownPresetChangesNothing() {
        ExplorerState before = vm.snapshot();
        assertThrows(IllegalArgumentException.class, () -> vm.apply(new ExplorerState(21_000, 128, 768, 12, 12,
                3_072, true, SharingMode.ALL_SHARED, 1, ProjectionConvention.HUGGING_FACE_ALWAYS, "gpt-5")));
        assertEquals(before, vm.snapshot());
    }

    private static String plain(String s) {
        return s.replace('\u00a0', ' ');
    }
}
