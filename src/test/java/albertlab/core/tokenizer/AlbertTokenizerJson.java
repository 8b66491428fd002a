package albertlab.core.tokenizer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.Base64;

/**
 * Writes the tokenizer.json that Hugging Face's AlbertConverter makes of a spiece.model, in the layout of
 * albert-base-v2's published file (tokenizers 0.9 era): the same pieces and scores (minus 100 for pieces ending in
 * a digit and a comma), the charsmap in base64, Replace `` and '' -> ", NFKD + StripAccents, Lowercase,
 * Precompiled; WhitespaceSplit + Metaspace(add_prefix_space); [CLS] $A [SEP] / $B [SEP]; the five special tokens
 * with [MASK] stripping the spaces to its left. We have no copy of the real file, so tests build this one.
 */
final class AlbertTokenizerJson {

    private AlbertTokenizerJson() {
    }

    static String build(SentencePieceModel m, boolean lowerCase, boolean keepAccents) {
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", null);
        root.add("padding", null);

        JsonArray added = new JsonArray();
        for (int i = 0; i < m.size(); i++) {
            PieceType t = m.type(i);
            if (t != PieceType.CONTROL && t != PieceType.UNKNOWN) continue;
            JsonObject a = new JsonObject();
            a.addProperty("id", i);
            a.addProperty("content", m.piece(i));
            a.addProperty("single_word", false);
            a.addProperty("lstrip", m.piece(i).equals("[MASK]"));
            a.addProperty("rstrip", false);
            a.addProperty("normalized", false);
            a.addProperty("special", true);
            added.add(a);
        }
        root.add("added_tokens", added);

        JsonArray normalizers = new JsonArray();
        normalizers.add(replace("``", "\""));
        normalizers.add(replace("''", "\""));
        if (!keepAccents) {
            normalizers.add(type("NFKD"));
            normalizers.add(type("StripAccents"));
        }
        if (lowerCase) normalizers.add(type("Lowercase"));
        JsonObject precompiled = type("Precompiled");
        precompiled.addProperty("precompiled_charsmap", Base64.getEncoder().encodeToString(m.charsMapBlob()));
        normalizers.add(precompiled);
        JsonObject normalizer = type("Sequence");
        normalizer.add("normalizers", normalizers);
        root.add("normalizer", normalizer);

        JsonArray pre = new JsonArray();
        pre.add(type("WhitespaceSplit"));
        pre.add(metaspace());
        JsonObject preTokenizer = type("Sequence");
        preTokenizer.add("pretokenizers", pre);
        root.add("pre_tokenizer", preTokenizer);

        JsonObject post = type("TemplateProcessing");
        JsonArray single = new JsonArray();
        single.add(special("[CLS]", 0));
        single.add(sequence("A", 0));
        single.add(special("[SEP]", 0));
        JsonArray pair = new JsonArray();
        pair.add(special("[CLS]", 0));
        pair.add(sequence("A", 0));
        pair.add(special("[SEP]", 0));
        pair.add(sequence("B", 1));
        pair.add(special("[SEP]", 1));
        post.add("single", single);
        post.add("pair", pair);
        JsonObject specials = new JsonObject();
        for (String s : new String[]{"[CLS]", "[SEP]"}) {
            JsonObject o = new JsonObject();
            o.addProperty("id", s);
            JsonArray ids = new JsonArray();
            for (int i = 0; i < m.size(); i++) {
                if (m.piece(i).equals(s)) ids.add(i);
            }
            JsonArray tokens = new JsonArray();
            tokens.add(s);
            o.add("ids", ids);
            o.add("tokens", tokens);
            specials.add(s, o);
        }
        post.add("special_tokens", specials);
        root.add("post_processor", post);

        root.add("decoder", metaspace());

        JsonObject model = type("Unigram");
        model.addProperty("unk_id", m.unkId());
        JsonArray vocab = new JsonArray();
        for (int i = 0; i < m.size(); i++) {
            JsonArray entry = new JsonArray();
            entry.add(m.piece(i));
            double score = m.score(i);
            if (AlbertSentencePiece.endsWithDigitAndComma(m.piece(i))) score -= 100;
            entry.add(score);
            vocab.add(entry);
        }
        model.add("vocab", vocab);
        root.add("model", model);

        Gson gson = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
        return gson.toJson(root);
    }

    private static JsonObject type(String type) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        return o;
    }

    private static JsonObject replace(String pattern, String content) {
        JsonObject o = type("Replace");
        JsonObject p = new JsonObject();
        p.addProperty("String", pattern);
        o.add("pattern", p);
        o.addProperty("content", content);
        return o;
    }

    private static JsonObject metaspace() {
        JsonObject o = type("Metaspace");
        o.addProperty("replacement", "\u2581");
        o.addProperty("add_prefix_space", true);
        return o;
    }

    private static JsonObject special(String id, int typeId) {
        JsonObject inner = new JsonObject();
        inner.addProperty("id", id);
        inner.addProperty("type_id", typeId);
        JsonObject o = new JsonObject();
        o.add("SpecialToken", inner);
        return o;
    }

    private static JsonObject sequence(String id, int typeId) {
        JsonObject inner = new JsonObject();
        inner.addProperty("id", id);
        inner.addProperty("type_id", typeId);
        JsonObject o = new JsonObject();
        o.add("Sequence", inner);
        return o;
    }
}
