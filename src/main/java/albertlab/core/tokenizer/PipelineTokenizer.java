package albertlab.core.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tokenizer put together as Hugging Face's fast tokenizers are: added tokens cut out of the raw text, then per
 * remaining piece normalizer → pre-tokenizer → model, then truncation, the template's special tokens and padding.
 * The spiece.model, tokenizer.json and vocab.txt loaders all build one of these.
 */
final class PipelineTokenizer implements Tokenizer {

    private final AddedTokens addedTokens;
    private final AddedTokens normalizedAddedTokens;
    private final TextNormalizer normalizer;
    private final PreTokenizer preTokenizer;
    private final SubwordModel model;
    private final TemplateProcessing template;
    private final TokenDecoder decoder;
    private final String padToken;
    private final int padId;
    private final int maskId;
    private final String description;
    private final TokenizerSource source;

    /**
     * @param normalizer   null for none
     * @param preTokenizer null for none (the whole piece is one word)
     * @param template     null when the tokenizer adds no special tokens
     */
    PipelineTokenizer(List<AddedTokens.Token> added, TextNormalizer normalizer, PreTokenizer preTokenizer,
                      SubwordModel model, TemplateProcessing template, TokenDecoder decoder, String padToken,
                      int padId, int maskId, String description) {
        this.addedTokens = new AddedTokens(added.stream().filter(t -> !t.normalized()).toList());
        List<AddedTokens.Token> normalizedOnes = new ArrayList<>();
        for (AddedTokens.Token t : added) {
            if (!t.normalized()) continue;
            String spelled = normalizer == null ? t.content() : normalizer.normalize(t.content());
            // matched inside already normalized text, so the raw-text matcher can take it as it is
            normalizedOnes.add(new AddedTokens.Token(spelled, t.id(), t.special(), t.lstrip(), t.rstrip(),
                    t.singleWord(), false));
        }
        this.normalizedAddedTokens = new AddedTokens(normalizedOnes);
        this.normalizer = normalizer;
        this.preTokenizer = preTokenizer;
        this.model = model;
        this.template = template;
        this.decoder = decoder == null ? new TokenDecoder.Join() : decoder;
        this.padToken = padToken;
        this.padId = padId;
        this.maskId = maskId;
        this.description = description;
        this.source = null;
    }

    private PipelineTokenizer(PipelineTokenizer t, String description, TokenizerSource source) {
        this.addedTokens = t.addedTokens;
        this.normalizedAddedTokens = t.normalizedAddedTokens;
        this.normalizer = t.normalizer;
        this.preTokenizer = t.preTokenizer;
        this.model = t.model;
        this.template = t.template;
        this.decoder = t.decoder;
        this.padToken = t.padToken;
        this.padId = t.padId;
        this.maskId = t.maskId;
        this.description = description;
        this.source = source;
    }

    /** The same tokenizer, described differently (e.g. to say why it was chosen). */
    PipelineTokenizer withDescription(String newDescription) {
        return new PipelineTokenizer(this, newDescription, source);
    }

    /** The same tokenizer, saying which kind of file it was read from. */
    PipelineTokenizer withSource(TokenizerSource newSource) {
        return new PipelineTokenizer(this, description, newSource);
    }

    @Override
    public TokenizerSource source() {
        return source;
    }

    @Override
    public Encoding encode(String text, String pair, EncodeOptions options) {
        if (text == null) throw new IllegalArgumentException("no text to encode");
        TokenList a = tokenize(text);
        TokenList b = pair == null ? null : tokenize(pair);
        boolean special = options.addSpecialTokens() && template != null;
        int added = special ? template.addedTokens(pair != null) : 0;
        boolean truncated = false;
        if (options.maxLength() > 0) {
            if (options.maxLength() < added) {
                throw new IllegalArgumentException("max length " + options.maxLength() + " leaves no room for the "
                        + added + " special tokens");
            }
            truncated = truncateLongestFirst(a, b, options.maxLength() - added);
        }
        List<String> tokens = new ArrayList<>();
        IntArray ids = new IntArray();
        IntArray types = new IntArray();
        if (special) {
            for (TemplateProcessing.Item it : pair == null ? template.single() : template.pair()) {
                if (it.isSpecial()) {
                    tokens.add(it.token());
                    ids.add(it.id());
                    types.add(it.typeId());
                } else {
                    append(it.sequence() == 'A' ? a : b, it.typeId(), tokens, ids, types);
                }
            }
        } else {
            append(a, 0, tokens, ids, types);
            if (b != null) append(b, 1, tokens, ids, types);
        }
        int real = tokens.size();
        if (options.padToMax() && options.maxLength() > real) {
            for (int i = real; i < options.maxLength(); i++) {
                tokens.add(padToken);
                ids.add(padId);
                types.add(0);
            }
        }
        int[] mask = new int[tokens.size()];
        Arrays.fill(mask, 0, real, 1);
        return new Encoding(tokens, ids.toArray(), types.toArray(), mask, truncated);
    }

    private static void append(TokenList list, int typeId, List<String> tokens, IntArray ids, IntArray types) {
        for (int i = 0; i < list.size(); i++) {
            tokens.add(list.token(i));
            ids.add(list.id(i));
            types.add(typeId);
        }
    }

    /**
     * Hugging Face's "longest_first" for a budget of {@code max} tokens: a single text keeps its first max; of a
     * pair, the shorter is kept whole if the longer can still have the rest, else each gets half (the longer one
     * the odd token). Returns whether anything was cut.
     */
    static boolean truncateLongestFirst(TokenList a, TokenList b, int max) {
        int total = a.size() + (b == null ? 0 : b.size());
        if (total <= max) return false;
        if (b == null) {
            a.truncate(max);
            return true;
        }
        int n1 = a.size();
        int n2 = b.size();
        boolean swap = n1 > n2;
        if (swap) {
            int t = n1;
            n1 = n2;
            n2 = t;
        }
        n2 = n1 > max ? n1 : Math.max(n1, max - n1);
        if (n1 + n2 > max) {
            n1 = max / 2;
            n2 = n1 + max % 2;
        }
        if (swap) {
            int t = n1;
            n1 = n2;
            n2 = t;
        }
        a.truncate(n1);
        b.truncate(n2);
        return true;
    }

    /** One text to tokens, without special tokens. */
    TokenList tokenize(String text) {
        TokenList out = new TokenList();
        List<String> words = new ArrayList<>();
        boolean atStart = true;
        for (AddedTokens.Segment seg : addedTokens.split(text)) {
            if (seg.token() != null) {
                out.add(seg.token().content(), seg.token().id());
            } else {
                String normalized = normalizer == null ? seg.text() : normalizer.normalize(seg.text());
                for (AddedTokens.Segment inner : normalizedAddedTokens.split(normalized)) {
                    if (inner.token() != null) {
                        out.add(inner.token().content(), inner.token().id());
                        continue;
                    }
                    words.clear();
                    if (preTokenizer == null) {
                        words.add(inner.text());
                    } else {
                        preTokenizer.split(inner.text(), atStart, words);
                    }
                    for (String w : words) {
                        if (!w.isEmpty()) model.tokenize(w, out);
                    }
                    atStart = false;
                }
            }
            atStart = false;
        }
        return out;
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            AddedTokens.Token t = addedTokens.byId(id);
            if (t == null) t = normalizedAddedTokens.byId(id);
            if (t != null && t.special() && skipSpecialTokens) continue;
            tokens.add(t != null ? t.content() : idToToken(id));
        }
        return decoder.decode(tokens);
    }

    @Override
    public String idToToken(int id) {
        AddedTokens.Token t = addedTokens.byId(id);
        if (t != null) return t.content();
        String s = model.idToToken(id);
        if (s == null) {
            throw new IllegalArgumentException("token id " + id + " is outside the vocabulary (0.." + (vocabSize() - 1)
                    + ")");
        }
        return s;
    }

    @Override
    public int tokenToId(String token) {
        AddedTokens.Token t = addedTokens.byContent(token);
        if (t != null) return t.id();
        int id = model.tokenToId(token);
        return id >= 0 ? id : model.unkId();
    }

    @Override
    public int vocabSize() {
        int n = model.vocabSize();
        for (AddedTokens.Token t : addedTokens.all()) n = Math.max(n, t.id() + 1);
        return n;
    }

    @Override
    public int maskId() {
        return maskId;
    }

    @Override
    public int padId() {
        return padId;
    }

    @Override
    public String description() {
        return description;
    }

    /** A small growable int array. */
    static final class IntArray {
        private int[] a = new int[32];
        private int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
