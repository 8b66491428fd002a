package albertlab.viewmodel.training;

import albertlab.core.config.SharingMode;
import albertlab.core.model.TokenGuess;

import java.util.List;

/**
 * What one lane's model made of the probe sentence at one step: the attention of every head in every layer
 * application on the sentence as written, and, for each word, the top guesses when that word alone is masked.
 *
 * @param tokens     the pieces, [CLS] and [SEP] included
 * @param attentions [n][A][S][S] softmax probabilities (row = query, column = key)
 * @param guesses    per position the top guesses with that position masked; null at [CLS] and [SEP]
 */
public record ProbeView(SharingMode mode, List<String> tokens, float[][][][] attentions,
                        List<List<TokenGuess>> guesses) {

    public int applications() {
        return attentions.length;
    }

    public int heads() {
        return attentions.length == 0 ? 0 : attentions[0].length;
    }
}
