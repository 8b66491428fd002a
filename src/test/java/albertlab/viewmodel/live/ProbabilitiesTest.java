package albertlab.viewmodel.live;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProbabilitiesTest {

    @Test
    void softmaxOfLargeLogitsDoesNotOverflow() {
        double[] p = Probabilities.softmax(new float[]{1000f, 1000f, 999f});
        double z = 2 + Math.exp(-1);
        assertEquals(1 / z, p[0], 1e-12);
        assertEquals(Math.exp(-1) / z, p[2], 1e-12);
    }

    @Test
    void topKIsSortedMostProbableFirstAndDecoded() {
        float[] logits = new float[WordTokenizer.VOCAB.size()];
        logits[6] = 5f;
        logits[9] = 4f;
        logits[11] = 3f;
        List<Prediction> top = Probabilities.topK(logits, 3, new WordTokenizer());
        assertEquals(List.of("cat", "mat", "dog"), top.stream().map(Prediction::token).toList());
        assertEquals(List.of(6, 9, 11), top.stream().map(Prediction::id).toList());
    }

    @Test
    void sentenceOrderReadsLabelZeroAsOriginalOrder() {
        SentenceOrder o = SentenceOrder.of(new float[]{0f, 0f}, new float[]{0f, (float) Math.log(3)});
        assertEquals(0.5, o.givenInOrder(), 1e-12);
        assertEquals(0.25, o.swappedInOrder(), 1e-7);
    }
}
