package albertlab.viewmodel.live;

import albertlab.core.model.TokenGuess;
import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live view model on hand-built traces, with same-thread executors: no toolkit, no threads. */
class LiveModelViewModelTest {

    private static final Executor NOW = Runnable::run;

    private final AtomicInteger calls = new AtomicInteger();

    private LiveModelViewModel vm(ModelLoader loader) {
        LiveModelViewModel vm = new LiveModelViewModel(NOW, NOW, loader);
        vm.addFamilies(List.of(KnownTraces.family(calls)));
        return vm;
    }

    private LiveModelViewModel vm() {
        return vm(f -> {
            throw new CheckpointException(f, "not used");
        });
    }

    @Test
    void typingASentenceTokenizesItAndRunsTheForwardPass() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat sat");
        LiveResult r = vm.resultProperty().get();
        assertEquals(List.of("[CLS]", "the", "cat", "sat", "[SEP]"), r.input().tokens());
        assertArrayEquals(new int[]{2, 5, 6, 7, 3}, r.trace().input().ids());
        assertEquals(KnownTraces.LAYERS, r.trace().applications());
        assertEquals(KnownTraces.probability(1, 1, 2, 3, 5), r.trace().attentions().get(1)[1][2][3]);
        assertEquals(SharingMode.ALL_SHARED, r.model().sharingMode(), "the built-in family opens all shared");
    }

    @Test
    void unknownWordsAreMarkedAndSpecialTokensAreNot() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the zebra sat");
        TokenizedInput in = vm.resultProperty().get().input();
        assertEquals(1, in.unknownCount());
        assertTrue(in.chips().get(2).unknown());
        assertTrue(in.chips().get(0).special());
        assertTrue(in.chips().get(4).special());
        assertFalse(in.chips().get(1).special());
    }

    @Test
    void aSentenceLongerThanThePositionLimitIsCutAndSaysSo() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat ".repeat(20));
        TokenizedInput in = vm.resultProperty().get().input();
        assertEquals(KnownTraces.POSITIONS, in.length());
        assertTrue(in.encoding().truncated());
    }

    @Test
    void maskingAWordFeedsTheMaskIdAndShowsTheMlmGuesses() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat sat");
        vm.toggleMask(2);
        LiveResult r = vm.resultProperty().get();
        assertEquals(4, r.trace().input().ids()[2], "[MASK] id in the model's input");
        assertEquals(6, r.input().chips().get(2).id(), "the chip still knows the word");
        List<TokenGuess> p = vm.predictionsProperty().get();
        assertEquals(LiveModelViewModel.TOP_K, p.size());
        // logits at position 2: 3 for id 7, 2 for id 8, 0 for the other 18 ids
        double z = Math.exp(3) + Math.exp(2) + 18;
        assertEquals("sat", p.get(0).token());
        assertEquals(Math.exp(3) / z, p.get(0).probability(), 1e-12);
        assertEquals("on", p.get(1).token());
        assertEquals(Math.exp(2) / z, p.get(1).probability(), 1e-12);

        vm.toggleMask(2);
        assertEquals(6, vm.resultProperty().get().trace().input().ids()[2], "clicking again unmasks");
        assertEquals(List.of(), vm.predictionsProperty().get());
    }

    @Test
    void onlyTheMaskedRowsLogitsAreComputed() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat sat");
        assertNull(vm.resultProperty().get().trace().mlmLogits(), "nothing masked: no MLM head at all");
        vm.toggleMask(2);
        float[][] logits = vm.resultProperty().get().trace().mlmLogits();
        assertNotNull(logits[2]);
        for (int t : new int[]{0, 1, 3, 4}) assertNull(logits[t], "row " + t + " is never read");
    }

    @Test
    void specialTokensCannotBeMasked() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat");
        vm.toggleMask(0);
        assertEquals(-1, vm.resultProperty().get().input().maskedPosition());
        assertEquals(2, vm.resultProperty().get().trace().input().ids()[0]);
    }

    @Test
    void editingTheTextDropsTheMask() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat sat");
        vm.toggleMask(3);
        vm.firstProperty().set("a dog sat");
        assertEquals(-1, vm.maskedPositionProperty().get());
        assertEquals(-1, vm.resultProperty().get().input().maskedPosition());
    }

    @Test
    void aPairGetsTheSopVerdictForBothOrders() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat");
        vm.secondProperty().set("a dog");
        LiveResult r = vm.resultProperty().get();
        assertArrayEquals(new int[]{0, 0, 0, 0, 1, 1, 1}, r.trace().input().typeIds());
        SentenceOrder o = vm.sentenceOrderProperty().get();
        // given: first word "the" (5) <= last word "dog" (11): logits [2, 0]; swapped: "a" (10) > "cat" (6): [0, 2]
        assertEquals(Math.exp(2) / (Math.exp(2) + 1), o.givenInOrder(), 1e-12);
        assertEquals(1 / (1 + Math.exp(2)), o.swappedInOrder(), 1e-12);

        vm.swapSentences();
        assertEquals("a dog", vm.firstProperty().get());
        assertEquals("the cat", vm.secondProperty().get());
        assertEquals(1 / (1 + Math.exp(2)), vm.sentenceOrderProperty().get().givenInOrder(), 1e-12);
    }

    @Test
    void aMaskedWordDoesNotSwayTheSopVerdict() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("a dog");
        vm.secondProperty().set("the cat");
        double before = vm.sentenceOrderProperty().get().givenInOrder();
        assertEquals(1 / (1 + Math.exp(2)), before, 1e-12); // "a" (10) > "cat" (6)
        vm.toggleMask(1); // [MASK] (4) < "cat" (6) would flip the known SOP logits
        assertEquals(4, vm.resultProperty().get().trace().input().ids()[1]);
        assertEquals(before, vm.sentenceOrderProperty().get().givenInOrder());
    }

    @Test
    void aSingleSentenceHasNoSopVerdict() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat");
        assertNull(vm.sentenceOrderProperty().get());
    }

    @Test
    void dynamicsOverlayTheNotSharedModelOnTheAllSharedOne() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat sat");
        List<DynamicsCurve> curves = vm.curvesProperty().get();
        assertEquals(2, curves.size());
        assertTrue(curves.get(0).current());
        assertEquals(SharingMode.ALL_SHARED, curves.get(0).mode());
        assertEquals(SharingMode.NOT_SHARED, curves.get(1).mode());
        for (DynamicsCurve c : curves) {
            assertEquals(KnownTraces.LAYERS, c.points());
            for (int t = 0; t < c.points(); t++) assertEquals(KnownTraces.l2(c.mode(), t), c.l2()[t]);
        }

        vm.sharingModeProperty().set(SharingMode.SHARED_FFN);
        List<SharingMode> modes = vm.curvesProperty().get().stream().map(DynamicsCurve::mode).toList();
        assertEquals(List.of(SharingMode.SHARED_FFN, SharingMode.NOT_SHARED, SharingMode.ALL_SHARED), modes);
    }

    @Test
    void repeatingTheLastLayerLengthensTheCurvesButNotTheAttentionViews() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat sat");
        vm.repeatFactorProperty().set(3);
        LiveResult r = vm.resultProperty().get();
        assertEquals(KnownTraces.LAYERS, r.trace().applications());
        assertEquals(3 * KnownTraces.LAYERS, r.dynamics().layerSummaries().size());
        assertTrue(r.dynamics().schedule().get(3 * KnownTraces.LAYERS - 1).extra());
        for (DynamicsCurve c : vm.curvesProperty().get()) assertEquals(3 * KnownTraces.LAYERS, c.points());
        assertEquals(3 * KnownTraces.LAYERS + 1, vm.hiddenCosineProperty().get().rows());
    }

    @Test
    void loadedCheckpointsGetNoOverlaysAndHiddenHeadsGiveNoGuesses() {
        LiveModelViewModel vm = vm(f -> KnownTraces.loaded("my-albert", false, false));
        vm.firstProperty().set("the cat");
        vm.secondProperty().set("a dog");
        vm.openFolder(Path.of("my-albert"));
        assertEquals(2, vm.families().size());
        assertEquals("my-albert", vm.modelProperty().get().nameArg());
        vm.toggleMask(1);
        assertEquals(1, vm.curvesProperty().get().size());
        assertEquals(List.of(), vm.predictionsProperty().get());
        assertNull(vm.sentenceOrderProperty().get());
    }

    @Test
    void aBadFolderReportsTheProblemAndKeepsThePreviousModel() {
        LiveModelViewModel vm = vm(f -> {
            throw new CheckpointException(f.resolve("config.json"), "not valid JSON (line 1)");
        });
        vm.firstProperty().set("the cat");
        LiveModel before = vm.modelProperty().get();
        LiveResult resultBefore = vm.resultProperty().get();
        vm.openFolder(Path.of("broken"));
        LoadFailure f = vm.loadFailureProperty().get();
        assertNotNull(f);
        assertEquals("config.json: not valid JSON (line 1)", f.message());
        assertEquals(Path.of("broken"), f.folder());
        assertSame(before, vm.modelProperty().get());
        assertSame(resultBefore, vm.resultProperty().get());
        assertEquals(1, vm.families().size());
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void aStaleForwardPassNeverOverwritesANewerOne() {
        Queue<Runnable> background = new ArrayDeque<>();
        LiveModelViewModel vm = new LiveModelViewModel(background::add, NOW, f -> null);
        vm.addFamilies(List.of(KnownTraces.family(calls)));
        vm.firstProperty().set("the cat");
        vm.firstProperty().set("a dog ran home");
        while (!background.isEmpty()) background.poll().run();
        assertEquals(List.of("[CLS]", "a", "dog", "ran", "home", "[SEP]"),
                vm.resultProperty().get().input().tokens());
    }

    @Test
    void switchingTheSharingModeSwitchesTheModelAndItsWeightSets() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat");
        assertEquals(0, vm.resultProperty().get().trace().schedule().get(2).attentionSlot());
        vm.sharingModeProperty().set(SharingMode.NOT_SHARED);
        assertEquals(SharingMode.NOT_SHARED, vm.resultProperty().get().model().sharingMode());
        assertEquals(2, vm.resultProperty().get().trace().schedule().get(2).attentionSlot());
    }

    @Test
    void timingRunsEveryModeAndShowsEqualFlopsButFewerStoredParameters() {
        LiveModelViewModel vm = vm();
        vm.firstProperty().set("the cat sat");
        vm.timeSharingModes();
        List<TimingRow> rows = vm.timingsProperty().get();
        assertEquals(4, rows.size());
        long flops = rows.get(0).flops();
        for (TimingRow r : rows) assertEquals(flops, r.flops());
        TimingRow notShared = rows.stream().filter(r -> r.mode() == SharingMode.NOT_SHARED).findFirst().orElseThrow();
        TimingRow allShared = rows.stream().filter(r -> r.mode() == SharingMode.ALL_SHARED).findFirst().orElseThrow();
        assertTrue(allShared.current());
        assertTrue(allShared.storedParameters() < notShared.storedParameters());
        vm.firstProperty().set("the dog");
        assertEquals(List.of(), vm.timingsProperty().get(), "timings of another sentence are cleared");
    }

    /** Background work that waits in a queue until the test runs it: a timing run still going, a slow load. */
    private static void drain(Queue<Runnable> background) {
        while (!background.isEmpty()) background.poll().run();
    }

    @Test
    void aTimingRunStillGoingWhenTheSentenceChangesNeverFillsTheClearedTable() {
        Queue<Runnable> background = new ArrayDeque<>();
        LiveModelViewModel vm = new LiveModelViewModel(background::add, NOW, f -> null);
        vm.addFamilies(List.of(KnownTraces.family(calls)));
        vm.firstProperty().set("the cat sat");
        drain(background);
        vm.timeSharingModes();
        assertTrue(vm.timingProperty().get());
        vm.firstProperty().set("the dog");
        drain(background);
        assertEquals(List.of(), vm.timingsProperty().get(), "rows of the old sentence");
        assertFalse(vm.timingProperty().get(), "the dropped run no longer counts as running");
        assertEquals(List.of("[CLS]", "the", "dog", "[SEP]"), vm.resultProperty().get().input().tokens());
    }

    @Test
    void aTimingRunStillGoingWhenTheModelChangesNeverFillsTheClearedTable() {
        Queue<Runnable> background = new ArrayDeque<>();
        LiveModelViewModel vm = new LiveModelViewModel(background::add, NOW, f -> null);
        vm.addFamilies(List.of(KnownTraces.family(calls)));
        vm.firstProperty().set("the cat sat");
        drain(background);
        vm.timeSharingModes();
        vm.sharingModeProperty().set(SharingMode.NOT_SHARED);
        drain(background);
        assertEquals(List.of(), vm.timingsProperty().get(), "rows of the all-shared model");
        vm.timeSharingModes();
        drain(background);
        assertEquals(4, vm.timingsProperty().get().size());
        assertTrue(vm.timingsProperty().get().stream()
                .anyMatch(r -> r.current() && r.mode() == SharingMode.NOT_SHARED));
    }

    @Test
    void aFolderOpenedWhileTheBuiltInModelsLoadKeepsBoth() {
        Queue<Runnable> background = new ArrayDeque<>();
        LiveModelViewModel vm = new LiveModelViewModel(background::add, NOW,
                f -> KnownTraces.loaded("my-albert", true, true));
        vm.loadBuiltIns(() -> List.of(KnownTraces.family(calls)));
        vm.openFolder(Path.of("my-albert"));
        assertTrue(vm.loadingProperty().get());
        drain(background);
        assertEquals(2, vm.families().size(), "built-in family and the folder");
        assertEquals("my-albert", vm.modelProperty().get().nameArg());
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void openingAFolderTwiceLoadsItOnceAndAnotherFolderReplacesIt() {
        AtomicInteger loads = new AtomicInteger();
        LiveModelViewModel vm = vm(f -> {
            loads.incrementAndGet();
            return KnownTraces.loaded(f.getFileName().toString(), true, true);
        });
        vm.openFolder(Path.of("first"));
        vm.familyProperty().set(vm.families().get(0));
        vm.openFolder(Path.of("first").toAbsolutePath());
        assertEquals(1, loads.get(), "the same folder is not loaded twice");
        assertEquals("first", vm.modelProperty().get().nameArg());
        vm.openFolder(Path.of("second"));
        assertEquals(2, loads.get());
        assertEquals(List.of("", "second"), vm.families().stream().map(ModelFamily::nameArg).toList(),
                "the built-in family stays, the first folder is released");
    }
}
