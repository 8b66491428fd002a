package albertlab.viewmodel.live;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The first figure the Live page shows is not a cold JIT's: the opening sentence runs first, with the loading. */
class WarmUpTest {

    @Test
    void theFirstModelRunsTheOpeningSentenceBeforeAnyFigureIsShown() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        List<ModelFamily> families = List.of(KnownTraces.family(first), KnownTraces.family(second));
        assertSame(families, WarmUp.run(families, "the cat sat"));
        // each pass also runs the Figure 1 comparison mode: two forward passes per computation
        assertEquals(2 * WarmUp.PASSES, first.get());
        assertEquals(0, second.get(), "only the model shown first is warmed");
    }

    @Test
    void noFamilyNoWarmUp() {
        assertEquals(List.of(), WarmUp.run(List.of(), "the cat sat"));
    }
}
