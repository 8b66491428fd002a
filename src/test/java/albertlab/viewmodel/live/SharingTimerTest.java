package albertlab.viewmodel.live;

import albertlab.core.config.SharingMode;
import albertlab.core.model.ModelInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SharingTimerTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, SharingTimer.median(new double[]{9, 1, 3}));
        assertEquals(2.5, SharingTimer.median(new double[]{4, 1, 2, 3}));
    }

    @Test
    void eachModeIsWarmedUpThenTimedOnItsOwnModel() {
        AtomicInteger calls = new AtomicInteger();
        LiveModel model = KnownTraces.family(calls).member(SharingMode.ALL_SHARED);
        // a clock that advances 1 ms per reading: every timed pass takes exactly 1 ms
        AtomicLong now = new AtomicLong();
        List<TimingRow> rows = SharingTimer.time(model, ModelInput.of(2, 5, 3), 2, 5,
                () -> now.getAndAdd(1_000_000));
        assertEquals(4 * (2 + 5), calls.get());
        assertEquals(List.of(SharingMode.values()), rows.stream().map(TimingRow::mode).toList());
        for (TimingRow r : rows) {
            assertEquals(1.0, r.medianMillis());
            assertEquals(5, r.runs());
        }
    }
}
