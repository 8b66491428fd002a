package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import albertlab.core.io.TextFiles;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a Hugging Face {@code tokenizer.json}: the pipeline steps that ALBERT and BERT checkpoints use (Unigram or
 * WordPiece model; Replace, NFKD/NFKC/NFD/NFC, StripAccents, Lowercase, Precompiled, Strip and BertNormalizer
 * normalizers; WhitespaceSplit, Metaspace and BertPreTokenizer pre-tokenizers; TemplateProcessing or
 * BertProcessing; Metaspace or WordPiece decoder). Anything else is refused with its name rather than guessed.
 */
final class TokenizerJson {

    /** No tokenizer.json we read is near this: 250,002 pieces (XLM-R) take about 17 MB. */
    static final long MAX_BYTES = 256L << 20;

    private static final int MAX_VOCAB = 10_000_000;

    private final Path file;

    private TokenizerJson(Path file) {
        this.file = file;
    }

    static PipelineTokenizer load(Path file, TextOptions options) throws CheckpointException {
        JsonObject root = TextFiles.readJsonObject(file, MAX_BYTES, "a tokenizer.json");
        try {
            return new TokenizerJson(file).build(root, options);
        } catch (IllegalStateException | UnsupportedOperationException | ClassCastException
                 | IllegalArgumentException e) {
            // Gson's getAs* on a value of the wrong kind, a member the format needs (need), a bad number or
            // pattern; a NullPointerException is not among them: that would be our bug, not the file's
            throw new CheckpointException(file, "malformed tokenizer.json (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "no detail";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private PipelineTokenizer build(JsonObject root, TextOptions options) throws CheckpointException {
        if (!root.has("model") || !root.get("model").isJsonObject()) {
            throw new CheckpointException(file, "not a tokenizer.json (no \"model\" object)");
        }
        SubwordModel model = model(needObject(root, "model"));
        List<AddedTokens.Token> added = new ArrayList<>();
        if (root.has("added_tokens") && root.get("added_tokens").isJsonArray()) {
            for (JsonElement e : needArray(root, "added_tokens")) {
                JsonObject t = e.getAsJsonObject();
                added.add(new AddedTokens.Token(need(t, "content").getAsString(), need(t, "id").getAsInt(),
                        bool(t, "special", false), bool(t, "lstrip", false), bool(t, "rstrip", false),
                        bool(t, "single_word", false), bool(t, "normalized", !bool(t, "special", false))));
            }
        }
        TextNormalizer normalizer = applyOptions(normalizer(root.get("normalizer")), options);
        PreTokenizer pre = preTokenizer(root.get("pre_tokenizer"));
        TemplateProcessing template = postProcessor(root.get("post_processor"));
        TokenDecoder decoder = decoder(root.get("decoder"));
        int padId = -1;
        String padToken = null;
        if (root.has("padding") && root.get("padding").isJsonObject()) {
            JsonObject p = needObject(root, "padding");
            if (p.has("pad_id")) padId = need(p, "pad_id").getAsInt();
            if (p.has("pad_token")) padToken = need(p, "pad_token").getAsString();
        }
        for (String candidate : new String[]{"<pad>", "[PAD]"}) {
            if (padId < 0) padId = idOf(candidate, model, added);
        }
        if (padId < 0) padId = 0;
        if (padToken == null) padToken = tokenOf(padId, model, added);
        int maskId = idOf("[MASK]", model, added);
        if (maskId < 0) maskId = idOf("<mask>", model, added);
        String description = String.format("Hugging Face tokenizer.json (%s; normalizer: %s; pre-tokenizer: %s)",
                model.describe(), normalizer == null ? "none" : normalizer.name(), pre == null ? "none" : pre.name());
        return new PipelineTokenizer(added, normalizer, pre, model, template, decoder, padToken, padId, maskId,
                description);
    }

    private static int idOf(String token, SubwordModel model, List<AddedTokens.Token> added) {
        for (AddedTokens.Token t : added) {
            if (t.content().equals(token)) return t.id();
        }
        return model.tokenToId(token);
    }

    private static String tokenOf(int id, SubwordModel model, List<AddedTokens.Token> added) {
        for (AddedTokens.Token t : added) {
            if (t.id() == id) return t.content();
        }
        String s = model.idToToken(id);
        return s == null ? "<pad>" : s;
    }

    private SubwordModel model(JsonObject m) throws CheckpointException {
        String type = m.has("type") ? need(m, "type").getAsString()
                : m.has("merges") ? "BPE" : m.has("vocab") && m.get("vocab").isJsonArray() ? "Unigram"
                : m.has("continuing_subword_prefix") ? "WordPiece" : "(none)";
        switch (type) {
            case "Unigram" -> {
                JsonArray vocab = needArray(m, "vocab");
                if (vocab == null || vocab.isEmpty()) throw new CheckpointException(file, "the Unigram vocabulary is empty");
                String[] pieces = new String[vocab.size()];
                double[] scores = new double[vocab.size()];
                for (int i = 0; i < pieces.length; i++) {
                    JsonArray entry = vocab.get(i).getAsJsonArray();
                    pieces[i] = at(entry, 0).getAsString();
                    scores[i] = at(entry, 1).getAsDouble();
                }
                if (m.has("byte_fallback") && need(m, "byte_fallback").getAsBoolean()) {
                    throw new CheckpointException(file, "Unigram with byte_fallback is not supported");
                }
                if (!m.has("unk_id") || m.get("unk_id").isJsonNull()) {
                    throw new CheckpointException(file, "the Unigram model has no unk_id");
                }
                int unk = need(m, "unk_id").getAsInt();
                if (unk < 0 || unk >= pieces.length) {
                    throw new CheckpointException(file, "unk_id " + unk + " is outside the vocabulary of "
                            + pieces.length);
                }
                return Unigram.huggingFace(pieces, scores, unk);
            }
            case "WordPiece" -> {
                JsonObject vocab = needObject(m, "vocab");
                int size = 0;
                for (Map.Entry<String, JsonElement> e : vocab.entrySet()) {
                    int id = e.getValue().getAsInt();
                    if (id < 0 || id >= MAX_VOCAB) {
                        throw new CheckpointException(file, "vocabulary id " + id + " of \"" + e.getKey()
                                + "\" is outside [0, " + MAX_VOCAB + ")");
                    }
                    size = Math.max(size, id + 1);
                }
                String[] tokens = new String[size];
                for (Map.Entry<String, JsonElement> e : vocab.entrySet()) tokens[e.getValue().getAsInt()] = e.getKey();
                String unk = m.has("unk_token") ? need(m, "unk_token").getAsString() : "[UNK]";
                String prefix = m.has("continuing_subword_prefix") ? need(m, "continuing_subword_prefix").getAsString() : "##";
                int max = m.has("max_input_chars_per_word") ? need(m, "max_input_chars_per_word").getAsInt() : 100;
                try {
                    return new WordPiece(tokens, unk, prefix, max);
                } catch (IllegalArgumentException e) {
                    throw new CheckpointException(file, "no " + unk + " token in the WordPiece vocabulary");
                }
            }
            default -> throw new CheckpointException(file, "model type " + type
                    + " is not supported (ALBERT Lab reads Unigram and WordPiece)");
        }
    }

    private TextNormalizer normalizer(JsonElement e) throws CheckpointException {
        if (e == null || e.isJsonNull()) return null;
        JsonObject o = e.getAsJsonObject();
        String type = need(o, "type").getAsString();
        return switch (type) {
            case "Sequence" -> {
                List<TextNormalizer> steps = new ArrayList<>();
                for (JsonElement s : needArray(o, "normalizers")) {
                    TextNormalizer n = normalizer(s);
                    if (n != null) steps.add(n);
                }
                yield new TextNormalizer.Sequence(steps);
            }
            case "Replace" -> {
                JsonObject pattern = needObject(o, "pattern");
                String content = need(o, "content").getAsString();
                if (pattern.has("String")) {
                    yield new TextNormalizer.ReplaceLiteral(need(pattern, "String").getAsString(), content);
                }
                try {
                    yield new TextNormalizer.ReplaceRegex(Pattern.compile(need(pattern, "Regex").getAsString()), content);
                } catch (PatternSyntaxException ex) {
                    throw new CheckpointException(file, "Replace normalizer with a regex Java cannot read: "
                            + ex.getPattern());
                }
            }
            case "NFKD" -> new TextNormalizer.UnicodeForm(Normalizer.Form.NFKD);
            case "NFKC" -> new TextNormalizer.UnicodeForm(Normalizer.Form.NFKC);
            case "NFD" -> new TextNormalizer.UnicodeForm(Normalizer.Form.NFD);
            case "NFC" -> new TextNormalizer.UnicodeForm(Normalizer.Form.NFC);
            case "StripAccents" -> new TextNormalizer.StripAccents();
            case "Lowercase" -> new TextNormalizer.Lowercase();
            case "Strip" -> new TextNormalizer.Strip(bool(o, "strip_left", true), bool(o, "strip_right", true));
            case "Precompiled" -> {
                JsonElement map = o.get("precompiled_charsmap");
                if (map == null || map.isJsonNull() || map.getAsString().isEmpty()) yield null;
                try {
                    yield new TextNormalizer.Precompiled(PrecompiledCharsMap.parse(
                            Base64.getDecoder().decode(map.getAsString())));
                } catch (IllegalArgumentException ex) {
                    throw new CheckpointException(file, "broken precompiled_charsmap (" + ex.getMessage() + ")");
                }
            }
            case "BertNormalizer" -> {
                boolean lower = bool(o, "lowercase", true);
                JsonElement strip = o.get("strip_accents");
                yield new TextNormalizer.Bert(bool(o, "clean_text", true), bool(o, "handle_chinese_chars", true),
                        strip == null || strip.isJsonNull() ? lower : strip.getAsBoolean(), lower);
            }
            default -> throw new CheckpointException(file, "normalizer type " + type + " is not supported");
        };
    }

    /**
     * The user's --no-lower-case / --keep-accents on a tokenizer.json: take the steps out, or put them in before
     * the charsmap, where Hugging Face's ALBERT converter has them.
     */
    static TextNormalizer applyOptions(TextNormalizer n, TextOptions options) {
        if (options.lowerCase() == null && options.keepAccents() == null) return n;
        List<TextNormalizer> steps = new ArrayList<>();
        if (n instanceof TextNormalizer.Sequence s) {
            steps.addAll(s.steps());
        } else if (n != null) {
            steps.add(n);
        }
        List<TextNormalizer> out = new ArrayList<>();
        boolean hasLower = false;
        boolean hasStrip = false;
        for (int i = 0; i < steps.size(); i++) {
            TextNormalizer step = steps.get(i);
            if (step instanceof TextNormalizer.Bert b) {
                boolean lower = options.lowerCaseOr(b.lowercase());
                boolean strip = options.keepAccents() != null ? !options.keepAccents() : b.stripAccents();
                out.add(new TextNormalizer.Bert(b.cleanText(), b.handleChineseChars(), strip, lower));
                hasLower = hasStrip = true;
                continue;
            }
            if (step instanceof TextNormalizer.Lowercase) {
                hasLower = true;
                if (Boolean.FALSE.equals(options.lowerCase())) continue;
            }
            boolean nfkdBeforeStrip = step instanceof TextNormalizer.UnicodeForm f && f.form() == Normalizer.Form.NFKD
                    && i + 1 < steps.size() && steps.get(i + 1) instanceof TextNormalizer.StripAccents;
            if (step instanceof TextNormalizer.StripAccents || nfkdBeforeStrip) {
                hasStrip = true;
                if (Boolean.TRUE.equals(options.keepAccents())) continue;
            }
            out.add(step);
        }
        int at = out.size();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof TextNormalizer.Precompiled) {
                at = i;
                break;
            }
        }
        if (Boolean.TRUE.equals(options.lowerCase()) && !hasLower) out.add(at, new TextNormalizer.Lowercase());
        if (Boolean.FALSE.equals(options.keepAccents()) && !hasStrip) {
            out.add(at, new TextNormalizer.StripAccents());
            out.add(at, new TextNormalizer.UnicodeForm(Normalizer.Form.NFKD));
        }
        return new TextNormalizer.Sequence(out);
    }

    private PreTokenizer preTokenizer(JsonElement e) throws CheckpointException {
        if (e == null || e.isJsonNull()) return null;
        JsonObject o = e.getAsJsonObject();
        String type = need(o, "type").getAsString();
        return switch (type) {
            case "Sequence" -> {
                List<PreTokenizer> steps = new ArrayList<>();
                for (JsonElement s : needArray(o, "pretokenizers")) {
                    PreTokenizer p = preTokenizer(s);
                    if (p != null) steps.add(p);
                }
                yield new PreTokenizer.Sequence(steps);
            }
            case "WhitespaceSplit" -> new PreTokenizer.WhitespaceSplit();
            case "BertPreTokenizer" -> new PreTokenizer.Bert();
            case "Metaspace" -> new PreTokenizer.Metaspace(replacement(o), prependScheme(o), bool(o, "split", true));
            default -> throw new CheckpointException(file, "pre-tokenizer type " + type + " is not supported");
        };
    }

    private static char replacement(JsonObject o) {
        String r = o.has("replacement") ? need(o, "replacement").getAsString() : "\u2581";
        if (r.length() != 1) throw new IllegalStateException("Metaspace replacement '" + r + "' is not one character");
        return r.charAt(0);
    }

    /** Old files say add_prefix_space, new ones prepend_scheme (default "always"). */
    private static PreTokenizer.Metaspace.PrependScheme prependScheme(JsonObject o) {
        if (o.has("add_prefix_space") && !need(o, "add_prefix_space").getAsBoolean()) {
            return PreTokenizer.Metaspace.PrependScheme.NEVER;
        }
        String scheme = o.has("prepend_scheme") ? need(o, "prepend_scheme").getAsString() : "always";
        return switch (scheme) {
            case "always" -> PreTokenizer.Metaspace.PrependScheme.ALWAYS;
            case "first" -> PreTokenizer.Metaspace.PrependScheme.FIRST;
            case "never" -> PreTokenizer.Metaspace.PrependScheme.NEVER;
            default -> throw new IllegalStateException("unknown prepend_scheme " + scheme);
        };
    }

    private TemplateProcessing postProcessor(JsonElement e) throws CheckpointException {
        if (e == null || e.isJsonNull()) return null;
        JsonObject o = e.getAsJsonObject();
        String type = need(o, "type").getAsString();
        switch (type) {
            case "TemplateProcessing" -> {
                JsonObject specials = needObject(o, "special_tokens");
                return new TemplateProcessing(template(needArray(o, "single"), specials),
                        template(needArray(o, "pair"), specials));
            }
            case "BertProcessing" -> {
                JsonArray cls = needArray(o, "cls");
                JsonArray sep = needArray(o, "sep");
                return TemplateProcessing.bert(at(cls, 0).getAsString(), at(cls, 1).getAsInt(),
                        at(sep, 0).getAsString(), at(sep, 1).getAsInt());
            }
            default -> throw new CheckpointException(file, "post-processor type " + type + " is not supported");
        }
    }

    private List<TemplateProcessing.Item> template(JsonArray items, JsonObject specials) throws CheckpointException {
        List<TemplateProcessing.Item> out = new ArrayList<>();
        for (JsonElement e : items) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("Sequence")) {
                JsonObject s = needObject(o, "Sequence");
                out.add(TemplateProcessing.Item.sequence(firstChar(need(s, "id").getAsString()), need(s, "type_id").getAsInt()));
            } else {
                JsonObject s = needObject(o, "SpecialToken");
                String name = need(s, "id").getAsString();
                JsonObject spec = specials.getAsJsonObject(name);
                if (spec == null) throw new CheckpointException(file, "template token " + name + " has no id");
                JsonArray ids = needArray(spec, "ids");
                JsonArray tokens = needArray(spec, "tokens");
                for (int i = 0; i < ids.size(); i++) {
                    out.add(TemplateProcessing.Item.special(at(tokens, i).getAsString(), at(ids, i).getAsInt(),
                            need(s, "type_id").getAsInt()));
                }
            }
        }
        return out;
    }

    private TokenDecoder decoder(JsonElement e) throws CheckpointException {
        if (e == null || e.isJsonNull()) return new TokenDecoder.Join();
        JsonObject o = e.getAsJsonObject();
        String type = need(o, "type").getAsString();
        return switch (type) {
            case "Metaspace" -> new TokenDecoder.Metaspace(replacement(o),
                    prependScheme(o) != PreTokenizer.Metaspace.PrependScheme.NEVER);
            case "WordPiece" -> new TokenDecoder.WordPiece(o.has("prefix") ? need(o, "prefix").getAsString() : "##",
                    bool(o, "cleanup", true));
            default -> throw new CheckpointException(file, "decoder type " + type + " is not supported");
        };
    }

    private static boolean bool(JsonObject o, String key, boolean fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
    }

    /** A member the format requires; its absence is the file's fault, so it is reported as malformed by name. */
    private static JsonElement need(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) throw new IllegalStateException("\"" + name + "\" is missing");
        return e;
    }

    private static JsonObject needObject(JsonObject o, String name) {
        JsonElement e = need(o, name);
        if (!e.isJsonObject()) throw new IllegalStateException("\"" + name + "\" is not an object");
        return e.getAsJsonObject();
    }

    private static JsonArray needArray(JsonObject o, String name) {
        JsonElement e = need(o, name);
        if (!e.isJsonArray()) throw new IllegalStateException("\"" + name + "\" is not an array");
        return e.getAsJsonArray();
    }

    private static JsonElement at(JsonArray a, int i) {
        if (i >= a.size()) throw new IllegalStateException("an array has " + a.size() + " entries, not " + (i + 1));
        return a.get(i);
    }

    private static char firstChar(String id) {
        if (id.isEmpty()) throw new IllegalStateException("a template sequence has an empty id");
        return id.charAt(0);
    }
}
