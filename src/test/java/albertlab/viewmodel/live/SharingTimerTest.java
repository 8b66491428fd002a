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
    void eachModeIsTimedOnItsOwnModel() {
        // each mode's pass moves a fake clock by its own amount: 1 ms not shared, 2 ms all shared, ...
        AtomicLong now = new AtomicLong();
        AtomicInteger calls = new AtomicInteger();
        ModelFamily family = KnownTraces.family(calls);
        java.util.function.Function<SharingMode, ForwardFunction> timed = mode -> (in, options) -> {
            now.addAndGet((mode.ordinal() + 1) * 1_000_000L);
            return family.member(mode).forward().forward(in, options);
        };
        LiveModel m = family.member(SharingMode.SHARED_FFN);
        LiveModel model = new LiveModel(m.nameKey(), m.nameArg(), m.config(), m.tokenizer(),
                timed.apply(SharingMode.SHARED_FFN), true, true, true, timed, true);
        List<TimingRow> rows = SharingTimer.time(model, ModelInput.of(2, 5, 3), 1, 3, now::get);
        for (TimingRow r : rows) {
            assertEquals(r.mode().ordinal() + 1.0, r.medianMillis(), r.mode().toString());
            assertEquals(r.mode() == SharingMode.SHARED_FFN, r.current(), r.mode().toString());
        }
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
