package albertlab.viewmodel.live;

import albertlab.core.tokenizer.EncodeOptions;
import albertlab.core.tokenizer.Encoding;
import albertlab.core.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A whitespace tokenizer over a fixed word list, for tests that must know every id: 0 [PAD], 1 [UNK], 2 [CLS],
 * 3 [SEP], 4 [MASK], then the words. Pairs are cut from the longer sentence first, like Hugging Face.
 */
public final class WordTokenizer implements Tokenizer {

    public static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            "the", "cat", "sat", "on", "mat", "a", "dog", "ran", "home", "it", "was", "late", "巴黎", "是", "首都");

    @Override
    public Encoding encode(String text, String pair, EncodeOptions options) {
        List<String> a = words(text);
        List<String> b = pair == null ? null : words(pair);
        int special = b == null ? 2 : 3;
        boolean truncated = false;
        if (options.maxLength() > 0) {
            while (a.size() + (b == null ? 0 : b.size()) + special > options.maxLength()) {
                truncated = true;
                if (b != null && b.size() > a.size()) b.remove(b.size() - 1);
                else a.remove(a.size() - 1);
            }
        }
        List<String> tokens = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        tokens.add("[CLS]");
        types.add(0);
        for (String w : a) {
            tokens.add(w);
            types.add(0);
        }
        tokens.add("[SEP]");
        types.add(0);
        if (b != null) {
            for (String w : b) {
                tokens.add(w);
                types.add(1);
            }
            tokens.add("[SEP]");
            types.add(1);
        }
        int[] ids = tokens.stream().mapToInt(this::tokenToId).toArray();
        int[] mask = new int[ids.length];
        Arrays.fill(mask, 1);
        return new Encoding(tokens, ids, types.stream().mapToInt(Integer::intValue).toArray(), mask, truncated);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("\\s+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (skipSpecialTokens && id < 5) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(idToToken(id));
        }
        return sb.toString();
    }

    @Override
    public String idToToken(int id) {
        return VOCAB.get(id);
    }

    @Override
    public int tokenToId(String token) {
        int i = VOCAB.indexOf(token);
        return i < 0 ? 1 : i;
    }

    @Override
    public int vocabSize() {
        return VOCAB.size();
    }

    @Override
    public int maskId() {
        return 4;
    }

    @Override
    public int padId() {
        return 0;
    }

    @Override
    public String description() {
        return "test words";
    }
}
