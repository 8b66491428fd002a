package albertlab.viewmodel.training;

import albertlab.core.config.SharingMode;
import albertlab.core.model.AlbertModel;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.ModelInput;
import albertlab.core.model.TokenGuess;
import albertlab.core.model.TokenProbabilities;
import albertlab.core.tokenizer.EncodeOptions;
import albertlab.core.tokenizer.Encoding;
import albertlab.core.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the probe sentence through a lane's current weights: one pass as written (for attention) and one pass per
 * word with that word masked (for its guesses). Called on the training thread between rounds, so the weights are
 * at rest; for the page's sizes and a sentence of a dozen pieces this is a few milliseconds.
 */
public final class ProbeComputation {

    public static final int TOP_K = 5;
    /** Longest probe the page runs, in pieces ([CLS] and [SEP] included). */
    public static final int MAX_TOKENS = 32;

    private ProbeComputation() {
    }

    public static ProbeView run(SharingMode mode, AlbertWeights weights, Tokenizer tokenizer, String sentence) {
        AlbertModel model = AlbertModel.create(weights);
        int limit = Math.min(MAX_TOKENS, weights.config().maxPositionEmbeddings());
        Encoding enc = tokenizer.encode(sentence == null ? "" : sentence, null, EncodeOptions.maxLength(limit));
        int s = enc.length();
        ModelInput plain = new ModelInput(enc.ids().clone(), enc.typeIds().clone(), enc.attentionMask().clone());
        ForwardTrace trace = model.forward(plain, new ForwardOptions(0, true, false));
        float[][][][] attentions = trace.attentions().toArray(new float[0][][][]);
        List<List<TokenGuess>> guesses = new ArrayList<>(s);
        for (int t = 0; t < s; t++) {
            if (t == 0 || t == s - 1 || !model.hasMlmHead()) {
                guesses.add(null);
                continue;
            }
            int[] ids = enc.ids().clone();
            ids[t] = tokenizer.maskId();
            ForwardTrace masked = model.forward(new ModelInput(ids, enc.typeIds().clone(),
                    enc.attentionMask().clone()), new ForwardOptions(0, false, true).withMlmRows(t));
            guesses.add(TokenProbabilities.topK(masked.mlmLogits()[t], TOP_K, tokenizer));
        }
        return new ProbeView(mode, List.copyOf(enc.tokens()), attentions, guesses);
    }
}
