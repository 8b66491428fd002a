package albertlab.core.tokenizer;

import java.util.List;

/**
 * Where the special tokens go, as Hugging Face's TemplateProcessing: {@code [CLS]:0 $A:0 [SEP]:0} for one text,
 * {@code [CLS]:0 $A:0 [SEP]:0 $B:1 [SEP]:1} for a pair. The number after the colon is the token type id.
 */
record TemplateProcessing(List<Item> single, List<Item> pair) {

    /**
     * One element of a template: a sequence ({@code sequence} 'A' or 'B') or a special token ({@code sequence}
     * 0, with its text and id).
     */
    record Item(char sequence, String token, int id, int typeId) {

        static Item sequence(char which, int typeId) {
            return new Item(which, null, -1, typeId);
        }

        static Item special(String token, int id, int typeId) {
            return new Item((char) 0, token, id, typeId);
        }

        boolean isSpecial() {
            return sequence == 0;
        }
    }

    TemplateProcessing {
        single = List.copyOf(single);
        pair = List.copyOf(pair);
    }

    /** BERT's and ALBERT's: [CLS] A [SEP] and [CLS] A [SEP] B [SEP]. */
    static TemplateProcessing bert(String cls, int clsId, String sep, int sepId) {
        return new TemplateProcessing(
                List.of(Item.special(cls, clsId, 0), Item.sequence('A', 0), Item.special(sep, sepId, 0)),
                List.of(Item.special(cls, clsId, 0), Item.sequence('A', 0), Item.special(sep, sepId, 0),
                        Item.sequence('B', 1), Item.special(sep, sepId, 1)));
    }

    /** How many special tokens the template adds. */
    int addedTokens(boolean isPair) {
        return (int) (isPair ? pair : single).stream().filter(Item::isSpecial).count();
    }
}
