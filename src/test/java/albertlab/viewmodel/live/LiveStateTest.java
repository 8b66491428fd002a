package albertlab.viewmodel.live;

import albertlab.core.config.SharingMode;
import albertlab.core.session.LiveState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** LiveModelViewModel's snapshot() and apply() with same-thread executors: no toolkit, no threads. */
class LiveStateTest {

    private static final Executor NOW = Runnable::run;

    private final AtomicInteger calls = new AtomicInteger();
    private final ModelFamily english = KnownTraces.family(calls);
    private final ModelFamily chinese = new ModelFamily(BuiltInModels.Vocabulary.CHINESE.nameKey(), "",
            english.members(), english.defaultMode());
    private final LiveModelViewModel vm = new LiveModelViewModel(NOW, NOW,
            folder -> KnownTraces.loaded(folder.getFileName().toString(), true, true));

    @Test
    void aFreshPageSnapshotsTheFirstBuiltInModel() {
        vm.addFamilies(List.of(english, chinese));
        assertEquals(LiveState.builtIn("english", SharingMode.ALL_SHARED, "", "", -1, 1), vm.snapshot());
    }

    @Test
    void applySetsEveryInputAndTheForwardPassFollows() {
        vm.addFamilies(List.of(english, chinese));
        LiveState s = LiveState.builtIn("chinese", SharingMode.SHARED_FFN, "the cat sat", "a dog ran", 2, 3);
        vm.apply(s);
        assertSame(chinese, vm.familyProperty().get());
        assertEquals(SharingMode.SHARED_FFN, vm.modelProperty().get().sharingMode());
        LiveResult r = vm.resultProperty().get();
        assertEquals(List.of("[CLS]", "the", "[MASK]", "sat", "[SEP]", "a", "dog", "ran", "[SEP]"), r.input().tokens());
        assertEquals(2, r.input().maskedPosition(), "the mask survives the new model and the new text");
        assertEquals(4, r.trace().input().ids()[2], "[MASK] id in the model's input");
        assertEquals(3, vm.repeatFactorProperty().get());
        assertEquals(s, vm.snapshot());
    }

    @Test
    void aLoadedFolderIsNamedAndSelectedAgain() {
        vm.addFamilies(List.of(english));
        Path folder = Path.of("models", "my-albert");
        vm.openFolder(folder);
        vm.firstProperty().set("the cat");
        LiveState s = vm.snapshot();
        assertEquals(new LiveState(null, folder, SharingMode.ALL_SHARED, "the cat", "", -1, 1), s);

        vm.familyProperty().set(english);
        vm.apply(s);
        assertEquals("my-albert", vm.modelProperty().get().nameArg());
    }

    @Test
    void aModelNotLoadedYetLeavesTheCurrentOneButSetsTheRest() {
        vm.addFamilies(List.of(english));
        vm.apply(new LiveState(null, Path.of("never-opened"), SharingMode.ALL_SHARED, "the dog", "", 1, 2));
        assertSame(english, vm.familyProperty().get());
        assertEquals("the dog", vm.firstProperty().get());
        assertEquals(1, vm.resultProperty().get().input().maskedPosition());
        assertEquals(2, vm.repeatFactorProperty().get());
    }

    @Test
    void noSnapshotBeforeAnyModel() {
        assertThrows(IllegalStateException.class, vm::snapshot);
    }
}
