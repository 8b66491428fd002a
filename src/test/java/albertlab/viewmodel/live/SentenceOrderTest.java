package albertlab.viewmodel.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentenceOrderTest {

    @Test
    void sentenceOrderReadsLabelZeroAsOriginalOrder() {
        SentenceOrder o = SentenceOrder.of(new float[]{0f, 0f}, new float[]{0f, (float) Math.log(3)});
        assertEquals(0.5, o.givenInOrder(), 1e-12);
        assertEquals(0.25, o.swappedInOrder(), 1e-7);
    }
}
