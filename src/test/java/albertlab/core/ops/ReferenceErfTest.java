package albertlab.core.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The test reference erf against published values (Abramowitz and Stegun, Table 7.1). */
class ReferenceErfTest {

    @Test
    void matchesTabulatedValues() {
        assertEquals(0.0, ReferenceErf.erf(0), 0);
        assertEquals(0.5204998778, ReferenceErf.erf(0.5), 1e-10);
        assertEquals(0.8427007929, ReferenceErf.erf(1), 1e-10);
        assertEquals(0.9953222650, ReferenceErf.erf(2), 1e-10);
        assertEquals(-0.9999779095, ReferenceErf.erf(-3), 1e-10);
        assertEquals(1 - 1.5374597944e-12, ReferenceErf.erf(5), 1e-15);
        // either side of the switch from series to continued fraction
        assertEquals(0.9993114861, ReferenceErf.erf(2.4), 1e-10);
        assertEquals(0.9995930480, ReferenceErf.erf(2.5), 1e-10);
    }
}
