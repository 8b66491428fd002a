package albertlab.core.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PassTimesTest {

    @Test
    void medianOfOddAndEvenCountsLeavesTheInputAlone() {
        double[] odd = {9, 1, 3};
        assertEquals(3.0, PassTimes.median(odd));
        assertEquals(9.0, odd[0], "not sorted in place");
        assertEquals(2.5, PassTimes.median(new double[]{4, 1, 2, 3}));
        assertEquals(7.0, PassTimes.median(new double[]{7}));
        assertThrows(IllegalArgumentException.class, () -> PassTimes.median(new double[0]));
    }
}
