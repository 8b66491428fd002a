package albertlab.viewmodel.live;

import albertlab.core.model.TokenProbabilities;

/**
 * The SOP head's verdict for a pair as given (A then B) and swapped (B then A). Hugging Face's label 0 means
 * "in the original order", 1 "swapped", so P(in order) is softmax(logits)[0].
 */
public record SentenceOrder(double givenInOrder, double swappedInOrder) {

    public static SentenceOrder of(float[] given, float[] swapped) {
        return new SentenceOrder(TokenProbabilities.softmax(given)[0], TokenProbabilities.softmax(swapped)[0]);
    }
}
