package albertlab.viewmodel.training;

import albertlab.core.config.SharingMode;
import albertlab.viewmodel.common.I18n;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The race's sentence comes from the table's numbers: change a number and the sentence changes with it. */
class RaceSentenceTest {

    private static RaceRow row(SharingMode m, long params, double ms, double loss, long steps) {
        return new RaceRow(m, params, 3e9, ms, loss, steps);
    }

    @Test
    void allSharedAgainstNotSharedFromTheRows() {
        List<RaceRow> rows = List.of(
                row(SharingMode.ALL_SHARED, 1_000_000, 49.0, 6.71, 2_000),
                row(SharingMode.SHARED_FFN, 2_000_000, 50.0, 6.60, 2_000),
                row(SharingMode.NOT_SHARED, 5_100_000, 50.0, 6.50, 2_000));
        RaceSentence s = RaceSentence.of(rows);
        assertEquals(SharingMode.ALL_SHARED, s.shared());
        assertEquals(SharingMode.NOT_SHARED, s.other());
        assertEquals(5.1, s.parameterRatio(), 1e-12);
        assertEquals(0.98, s.timeRatio(), 1e-12);
        assertEquals(0.21, s.lossDifference(), 1e-9);
        assertEquals("all shared stores 5.10× fewer parameters than not shared; its steps take 0.98× as long; "
                + "its MLM loss is 0.21 higher after 2,000 steps.", s.in(new I18n(I18n.ENGLISH)));
        assertEquals("全部共享存储的参数只有不共享的 1/5.10；每步耗时是它的 0.98 倍；2,000 步后 MLM 损失高 0.21。",
                s.in(new I18n(I18n.CHINESE)));
    }

    @Test
    void theMostAndLeastSharedModesPresentAreCompared() {
        List<RaceRow> rows = List.of(
                row(SharingMode.SHARED_ATTENTION, 3_000_000, 40.0, 6.0, 10),
                row(SharingMode.SHARED_FFN, 2_000_000, 20.0, 6.5, 12));
        RaceSentence s = RaceSentence.of(rows);
        assertEquals(SharingMode.SHARED_ATTENTION, s.shared());
        assertEquals(SharingMode.SHARED_FFN, s.other());
        assertEquals(2.0 / 3.0, s.parameterRatio(), 1e-12);
        assertEquals(2.0, s.timeRatio(), 1e-12);
        assertEquals(-0.5, s.lossDifference(), 1e-12);
        assertEquals(10, s.steps());
        assertEquals("shared attention stores 0.67× fewer parameters than shared FFN; its steps take 2.00× as long; "
                + "its MLM loss is 0.50 lower after 10 steps.", s.in(new I18n(I18n.ENGLISH)));
    }

    @Test
    void noSentenceForOneModeOrBeforeTheFirstStep() {
        assertNull(RaceSentence.of(List.of(row(SharingMode.ALL_SHARED, 1, 1, 1, 1))));
        assertNull(RaceSentence.of(List.of(row(SharingMode.ALL_SHARED, 1, Double.NaN, Double.NaN, 0),
                row(SharingMode.NOT_SHARED, 2, Double.NaN, Double.NaN, 0))));
    }
}
