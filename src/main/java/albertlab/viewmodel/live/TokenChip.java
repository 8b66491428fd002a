package albertlab.viewmodel.live;

/**
 * One token of the current input as the chips show it.
 *
 * @param position index in the sequence
 * @param text     the piece as the vocabulary spells it
 * @param segment  0 for sentence A (with [CLS] and its [SEP]), 1 for sentence B
 * @param unknown  the tokenizer had no piece for this text ([UNK])
 * @param special  [CLS], [SEP] or padding: never masked
 * @param masked   replaced by [MASK] in the model's input
 */
public record TokenChip(int position, String text, int id, int segment, boolean unknown, boolean special,
                        boolean masked) {
}
