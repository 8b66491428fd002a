package albertlab.core.model;

import albertlab.viewmodel.live.WordTokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenProbabilitiesTest {

    @Test
    void softmaxOfLargeLogitsDoesNotOverflow() {
        double[] p = TokenProbabilities.softmax(new float[]{1000f, 1000f, 999f});
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
        List<TokenGuess> top = TokenProbabilities.topK(logits, 3, new WordTokenizer());
        assertEquals(List.of("cat", "mat", "dog"), top.stream().map(TokenGuess::token).toList());
        assertEquals(List.of(6, 9, 11), top.stream().map(TokenGuess::id).toList());
    }
}
