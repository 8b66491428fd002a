package albertlab.viewmodel.training;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loss curve and the probe timeline keep a whole run of any length in bounded memory. */
class BoundedHistoryTest {

    @Test
    void theLossCurveMergesNeighboursPastItsBoundAndKeepsTheMean() {
        LossCurve c = new LossCurve();
        for (int s = 1; s <= 100_000; s++) c.add(s, s % 2 == 0 ? 2.0 : 4.0, 0.7);
        List<LossCurve.Point> p = c.points();
        assertTrue(p.size() <= LossCurve.MAX_POINTS, "points kept: " + p.size());
        assertTrue(p.size() > LossCurve.MAX_POINTS / 2);
        assertEquals(100_000, c.added());
        assertEquals(100_000, p.get(p.size() - 1).step());
        // merged points are means of what they replaced: 2 and 4 alternate, so every merged point is 3
        assertEquals(3.0, p.get(0).mlm(), 1e-12);
        assertEquals(3.0, c.smoothedMlm(), 0.1);
    }

    @Test
    void smoothingStartsAtTheFirstValueNotAtZero() {
        LossCurve c = new LossCurve();
        c.add(1, 10.0, 0.7);
        assertEquals(10.0, c.smoothedMlm(), 1e-12);
        c.add(2, 0.0, 0.7);
        // (0.95·0.05·10 + 0.05·0) / (1 − 0.95²)
        assertEquals(0.95 * 0.05 * 10 / (1 - 0.95 * 0.95), c.smoothedMlm(), 1e-12);
    }

    @Test
    void theTimelineThinsToHalfAndDoublesItsInterval() {
        ProbeTimeline t = new ProbeTimeline(10);
        long round = 0;
        int taken = 0;
        for (round = 0; round <= 1_000_000 && taken < 2_000; round++) {
            if (t.due(round)) {
                t.add(new ProbeSnapshot(round, "x", List.of()));
                taken++;
            }
        }
        List<ProbeSnapshot> s = t.snapshots();
        assertTrue(s.size() <= ProbeTimeline.MAX_SNAPSHOTS, "snapshots kept: " + s.size());
        assertEquals(0, s.get(0).step(), "the first snapshot stays");
        assertTrue(t.interval() > 10);
        for (int i = 1; i < s.size(); i++) assertTrue(s.get(i).step() > s.get(i - 1).step());
        t.clear();
        assertFalse(!t.snapshots().isEmpty());
    }
}
