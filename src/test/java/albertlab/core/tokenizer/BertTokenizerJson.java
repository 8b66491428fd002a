package albertlab.core.tokenizer;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The tokenizer.json Hugging Face's BertConverter writes for a vocab.txt (BertTokenizerFast, lower-case). */
final class BertTokenizerJson {

    private BertTokenizerJson() {
    }

    static String build(String[] vocab) {
        JsonObject root = new JsonObject();
        JsonArray added = new JsonArray();
        JsonObject ids = new JsonObject();
        for (int i = 0; i < vocab.length; i++) ids.addProperty(vocab[i], i);
        for (String s : BertWordPiece.SPECIAL_TOKENS) {
            JsonObject a = new JsonObject();
            a.addProperty("id", ids.get(s).getAsInt());
            a.addProperty("content", s);
            a.addProperty("single_word", false);
            a.addProperty("lstrip", false);
            a.addProperty("rstrip", false);
            a.addProperty("normalized", false);
            a.addProperty("special", true);
            added.add(a);
        }
        root.add("added_tokens", added);
        JsonObject normalizer = new JsonObject();
        normalizer.addProperty("type", "BertNormalizer");
        normalizer.addProperty("clean_text", true);
        normalizer.addProperty("handle_chinese_chars", true);
        normalizer.add("strip_accents", null);
        normalizer.addProperty("lowercase", true);
        root.add("normalizer", normalizer);
        JsonObject pre = new JsonObject();
        pre.addProperty("type", "BertPreTokenizer");
        root.add("pre_tokenizer", pre);
        JsonObject post = new JsonObject();
        post.addProperty("type", "BertProcessing");
        JsonArray sep = new JsonArray();
        sep.add("[SEP]");
        sep.add(ids.get("[SEP]").getAsInt());
        JsonArray cls = new JsonArray();
        cls.add("[CLS]");
        cls.add(ids.get("[CLS]").getAsInt());
        post.add("sep", sep);
        post.add("cls", cls);
        root.add("post_processor", post);
        JsonObject decoder = new JsonObject();
        decoder.addProperty("type", "WordPiece");
        decoder.addProperty("prefix", "##");
        decoder.addProperty("cleanup", true);
        root.add("decoder", decoder);
        JsonObject model = new JsonObject();
        model.addProperty("type", "WordPiece");
        model.addProperty("unk_token", "[UNK]");
        model.addProperty("continuing_subword_prefix", "##");
        model.addProperty("max_input_chars_per_word", 100);
        model.add("vocab", ids);
        root.add("model", model);
        return new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }
}
