package albertlab.viewmodel.live;

import albertlab.core.model.ModelInput;
import albertlab.core.tokenizer.EncodeOptions;
import albertlab.core.tokenizer.Encoding;
import albertlab.core.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * What the model reads for the two sentence boxes: the tokenizer's encoding (cut at the model's position limit P)
 * and the model input, in which the masked position, if any, holds the [MASK] id.
 *
 * @param maskedPosition -1 when nothing is masked
 */
public record TokenizedInput(Encoding encoding, ModelInput modelInput, List<TokenChip> chips, int maskedPosition,
                             boolean pair) {

    public TokenizedInput {
        chips = List.copyOf(chips);
    }

    /**
     * @param second null or blank for a single sentence
     * @param mask   position to replace by [MASK]; ignored when it is out of range or a special token
     */
    public static TokenizedInput of(Tokenizer tokenizer, int maxTokens, String first, String second, int mask) {
        boolean pair = second != null && !second.isBlank();
        Encoding enc = tokenizer.encode(first == null ? "" : first, pair ? second : null,
                EncodeOptions.maxLength(maxTokens));
        SpecialIds special = SpecialIds.of(tokenizer);
        int[] ids = enc.ids().clone();
        int masked = -1;
        List<TokenChip> chips = new ArrayList<>(enc.length());
        for (int t = 0; t < enc.length(); t++) {
            int id = enc.ids()[t];
            boolean isSpecial = special.isSpecial(id) || enc.attentionMask()[t] == 0;
            boolean isMasked = t == mask && !isSpecial;
            if (isMasked) {
                ids[t] = tokenizer.maskId();
                masked = t;
            }
            chips.add(new TokenChip(t, enc.tokens().get(t), id, enc.typeIds()[t], id == special.unk() && !isSpecial,
                    isSpecial, isMasked));
        }
        ModelInput input = new ModelInput(ids, enc.typeIds().clone(), enc.attentionMask().clone());
        return new TokenizedInput(enc, input, chips, masked, pair);
    }

    public int length() {
        return chips.size();
    }

    public List<String> tokens() {
        return chips.stream().map(c -> c.masked() ? "[MASK]" : c.text()).toList();
    }

    public long unknownCount() {
        return chips.stream().filter(TokenChip::unknown).count();
    }

    public long wordCount() {
        return chips.stream().filter(c -> !c.special()).count();
    }
}
