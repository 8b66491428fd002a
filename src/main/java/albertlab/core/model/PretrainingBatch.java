package albertlab.core.model;

import java.util.Arrays;

/**
 * One batch for ALBERT's pre-training, with Hugging Face's argument names: B sequences of S tokens each.
 *
 * @param inputIds           [B][S] token ids
 * @param attentionMask      [B][S] 1 = real token, 0 = padding
 * @param tokenTypeIds       [B][S] 0 = segment A, 1 = segment B
 * @param labels             [B][S] the original id at a masked-LM target, {@link #IGNORED} elsewhere
 * @param sentenceOrderLabel [B] 0 = A then B as in the text, 1 = swapped
 */
public record PretrainingBatch(int[][] inputIds, int[][] attentionMask, int[][] tokenTypeIds, int[][] labels,
                               int[] sentenceOrderLabel) {

    /** PyTorch's ignore_index: this position is not a masked-LM target. */
    public static final int IGNORED = -100;

    /** Checks that every array is [B][S] (and [B]); IllegalArgumentException names the field and row. */
    public PretrainingBatch {
        int b = inputIds.length;
        if (b == 0) throw new IllegalArgumentException("input_ids: the batch is empty");
        int s = inputIds[0].length;
        if (s == 0) throw new IllegalArgumentException("input_ids: sequence 0 has no tokens");
        rectangular("input_ids", inputIds, b, s);
        rectangular("attention_mask", attentionMask, b, s);
        rectangular("token_type_ids", tokenTypeIds, b, s);
        rectangular("labels", labels, b, s);
        if (sentenceOrderLabel.length != b) {
            throw new IllegalArgumentException("sentence_order_label has " + sentenceOrderLabel.length
                    + " values for " + b + " sequences");
        }
    }

    public int sequences() {
        return inputIds.length;
    }

    public int tokens() {
        return inputIds[0].length;
    }

    /** Masked-LM targets in the whole batch. */
    public int targets() {
        int n = 0;
        for (int[] row : labels) for (int l : row) if (l != IGNORED) n++;
        return n;
    }

    /** Real (unpadded) tokens in the whole batch. */
    public long realTokens() {
        long n = 0;
        for (int[] row : attentionMask) for (int m : row) n += m;
        return n;
    }

    /**
     * The first problem of these ids against a vocabulary of {@code vocab} tokens, {@code types} token types and
     * {@code positions} positions, or null: "input_ids[1][4]: 120 is outside the vocabulary [0, 120)".
     */
    public String problem(int vocab, int types, int positions) {
        if (tokens() > positions) {
            return "input_ids: " + tokens() + " tokens per sequence exceed max_position_embeddings " + positions;
        }
        for (int i = 0; i < sequences(); i++) {
            for (int t = 0; t < tokens(); t++) {
                String at = "[" + i + "][" + t + "]";
                int id = inputIds[i][t];
                if (id < 0 || id >= vocab) return "input_ids" + at + ": " + id + " is outside the vocabulary [0, " + vocab + ")";
                int m = attentionMask[i][t];
                if (m != 0 && m != 1) return "attention_mask" + at + ": " + m + " is neither 0 nor 1";
                int type = tokenTypeIds[i][t];
                if (type < 0 || type >= types) return "token_type_ids" + at + ": " + type + " is outside [0, " + types + ")";
                int label = labels[i][t];
                if (label != IGNORED && (label < 0 || label >= vocab)) {
                    return "labels" + at + ": " + label + " is neither -100 nor in [0, " + vocab + ")";
                }
            }
            int order = sentenceOrderLabel[i];
            if (order != 0 && order != 1) return "sentence_order_label[" + i + "]: " + order + " is neither 0 nor 1";
        }
        return null;
    }

    private static void rectangular(String name, int[][] rows, int b, int s) {
        if (rows.length != b) {
            throw new IllegalArgumentException(name + " has " + rows.length + " rows, input_ids has " + b);
        }
        for (int i = 0; i < b; i++) {
            if (rows[i] == null || rows[i].length != s) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + (rows[i] == null ? 0 : rows[i].length)
                        + " values, expected " + s + " (every row as long as input_ids[0])");
            }
        }
    }

    @Override
    public String toString() {
        return "PretrainingBatch[" + sequences() + " x " + tokens() + ", " + targets() + " targets, order "
                + Arrays.toString(sentenceOrderLabel) + "]";
    }
}
