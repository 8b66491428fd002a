package albertlab.core.tokenizer;

import java.util.List;

/**
 * A tokenized text, ready for the model: the pieces as text, their ids, token types (0 for the first segment with
 * its [CLS] and [SEP], 1 for the second) and attention mask (0 on padding). {@code truncated} tells the user that
 * the text did not fit in the maximum length.
 */
public record Encoding(List<String> tokens, int[] ids, int[] typeIds, int[] attentionMask, boolean truncated) {

    public Encoding {
        tokens = List.copyOf(tokens);
        if (ids.length != tokens.size() || typeIds.length != ids.length || attentionMask.length != ids.length) {
            throw new IllegalArgumentException("tokens, ids, type ids and mask differ in length");
        }
    }

    public int length() {
        return ids.length;
    }
}
