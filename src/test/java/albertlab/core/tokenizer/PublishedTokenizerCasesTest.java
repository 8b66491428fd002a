package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every tokenizer case of numbers.json (token ids that other projects publish in their test suites for the real
 * albert-base-v2 and Chinese ALBERT tokenizers), and the input ids of its forward cases that come from text. Each
 * test is named after the case's id; the expected numbers are read from numbers.json, not retyped.
 */
class PublishedTokenizerCasesTest {

    private static final Set<String> TOKENIZER_CASES = Set.of("hf-fixture-this-is-a-test", "hf-fixture-born",
            "hf-integration-batch", "bumblebee-single-and-pair", "bumblebee-max-length", "keras-hub-raw-spm");
    private static final Set<String> FORWARD_CASES_FROM_TEXT = Set.of("hf-pt-mlm-paris-top5",
            "hf-model-card-fill-mask", "rust-bert-mlm", "voidful-albert-chinese-tiny-mlm",
            "voidful-albert-chinese-base-mlm");

    private static SentencePieceModel model;
    private static Tokenizer albert;
    private static Tokenizer albertKeepAccents;
    private static Tokenizer chinese;

    @BeforeAll
    static void load() throws CheckpointException {
        model = SentencePieceModel.read(RealData.spieceModel());
        albert = Tokenizers.load(RealData.spieceModel());
        albertKeepAccents = Tokenizers.load(RealData.spieceModel(), new TextOptions(null, true));
        chinese = Tokenizers.load(RealData.chineseVocab());
    }

    private static final EncodeOptions NO_SPECIAL = new EncodeOptions(0, false, false);

    @Test
    void everyPublishedCaseWithTokenIdsHasATestHere() {
        Set<String> tokenizerIds = new TreeSet<>();
        for (JsonElement e : RealData.numbers().getAsJsonArray("tokenizer")) {
            tokenizerIds.add(e.getAsJsonObject().get("id").getAsString());
        }
        assertEquals(new TreeSet<>(TOKENIZER_CASES), tokenizerIds);
        Set<String> fromText = new TreeSet<>();
        for (String array : List.of("forward_albert_base_v2", "forward_chinese")) {
            for (JsonElement e : RealData.numbers().getAsJsonArray(array)) {
                JsonObject inputs = e.getAsJsonObject().getAsJsonObject("inputs");
                if (inputs.has("input_ids_derived_by_us")) fromText.add(e.getAsJsonObject().get("id").getAsString());
            }
        }
        assertEquals(new TreeSet<>(FORWARD_CASES_FROM_TEXT), fromText);
    }

    @Test
    @DisplayName("special_ids_albert_base_v2")
    void specialIdsOfAlbertBaseV2() {
        JsonObject ids = RealData.numbers().getAsJsonObject("special_ids_albert_base_v2");
        for (String token : ids.keySet()) assertEquals(ids.get(token).getAsInt(), albert.tokenToId(token), token);
        assertEquals(4, albert.maskId());
        assertEquals(0, albert.padId());
        assertEquals(30000, albert.vocabSize());
    }

    @Test
    @DisplayName("hf-fixture-this-is-a-test")
    void hfFixtureThisIsATest() {
        assertFixtureCase("hf-fixture-this-is-a-test");
    }

    @Test
    @DisplayName("hf-fixture-born")
    void hfFixtureBornWithTheNineCommaSplitAndUnknownAccent() {
        assertFixtureCase("hf-fixture-born");
    }

    private static void assertFixtureCase(String id) {
        JsonObject c = RealData.numbersCase("tokenizer", id);
        Encoding e = albertKeepAccents.encode(c.get("text").getAsString(), null, NO_SPECIAL);
        assertEquals(strings(c.getAsJsonArray("tokens")), e.tokens());
        assertArrayEquals(RealData.ints(c.getAsJsonArray("ids_no_special")), e.ids());
    }

    @Test
    @DisplayName("hf-integration-batch")
    void hfIntegrationBatchOf101Tokens() {
        JsonObject c = RealData.numbersCase("tokenizer", "hf-integration-batch");
        JsonArray texts = c.getAsJsonArray("texts_lowercased_before_tokenizing");
        JsonArray expected = c.getAsJsonArray("input_ids_unpadded");
        int longest = 0;
        for (int i = 0; i < texts.size(); i++) {
            int[] ids = albert.encode(texts.get(i).getAsString()).ids();
            assertArrayEquals(RealData.ints(expected.get(i).getAsJsonArray()), ids, "text " + i);
            longest = Math.max(longest, ids.length);
        }
        assertEquals(101, longest);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i).getAsString();
            Encoding padded = albert.encode(text, null, new EncodeOptions(longest, true, true));
            int real = expected.get(i).getAsJsonArray().size();
            int[] ids = Arrays.copyOf(RealData.ints(expected.get(i).getAsJsonArray()), longest);
            int[] mask = new int[longest];
            Arrays.fill(mask, 0, real, 1);
            assertArrayEquals(ids, padded.ids(), "padded text " + i);
            assertArrayEquals(mask, padded.attentionMask(), "mask of text " + i);
            assertArrayEquals(new int[longest], padded.typeIds());
            assertFalse(padded.truncated());
            assertEquals(text, albert.decode(padded.ids(), true), "decode of text " + i);
        }
    }

    @Test
    @DisplayName("bumblebee-single-and-pair")
    void bumblebeeSingleAndPairWithDummyPrefixAfterMask() {
        JsonObject c = RealData.numbersCase("tokenizer", "bumblebee-single-and-pair");
        JsonArray inputs = c.getAsJsonArray("inputs");
        EncodeOptions padTo8 = new EncodeOptions(8, true, true);
        Encoding single = albert.encode(inputs.get(0).getAsString(), null, padTo8);
        JsonArray pairTexts = inputs.get(1).getAsJsonArray();
        Encoding pair = albert.encode(pairTexts.get(0).getAsString(), pairTexts.get(1).getAsString(), padTo8);
        assertEncoding(c, 0, single);
        assertEncoding(c, 1, pair);
    }

    @Test
    @DisplayName("bumblebee-max-length")
    void bumblebeeMaxLength() {
        JsonObject c = RealData.numbersCase("tokenizer", "bumblebee-max-length");
        JsonArray inputs = c.getAsJsonArray("inputs");
        for (int i = 0; i < inputs.size(); i++) {
            Encoding e = albert.encode(inputs.get(i).getAsString(), null, new EncodeOptions(8, true, true));
            assertEncoding(c, i, e);
        }
    }

    private static void assertEncoding(JsonObject c, int i, Encoding e) {
        assertArrayEquals(RealData.ints(c.getAsJsonArray("input_ids").get(i).getAsJsonArray()), e.ids(), "ids " + i);
        assertArrayEquals(RealData.ints(c.getAsJsonArray("attention_mask").get(i).getAsJsonArray()), e.attentionMask(),
                "mask " + i);
        if (c.has("token_type_ids")) {
            assertArrayEquals(RealData.ints(c.getAsJsonArray("token_type_ids").get(i).getAsJsonArray()), e.typeIds(),
                    "type ids " + i);
        }
    }

    @Test
    @DisplayName("keras-hub-raw-spm")
    void kerasHubRawSentencePieceKeepsCaseSoTheIsUnknown() {
        JsonObject c = RealData.numbersCase("tokenizer", "keras-hub-raw-spm");
        SentencePieceProcessor raw = new SentencePieceProcessor(model);
        assertArrayEquals(RealData.ints(c.getAsJsonArray("ids")), raw.encodeAsIds(c.get("text").getAsString()));
        // and Hugging Face's rules, which lower-case first, give what the case's note says
        assertArrayEquals(new int[]{14, 2231, 886, 2385, 9}, albert.encode(c.get("text").getAsString(), null,
                NO_SPECIAL).ids());
    }

    @Test
    @DisplayName("hf-pt-mlm-paris-top5")
    void hfPtMlmParisPaddedTo64() {
        JsonObject inputs = RealData.numbersCase("forward_albert_base_v2", "hf-pt-mlm-paris-top5")
                .getAsJsonObject("inputs");
        Encoding e = albert.encode(inputs.get("text").getAsString(), null,
                new EncodeOptions(inputs.get("max_length").getAsInt(), true, true));
        assertArrayEquals(RealData.ints(inputs.getAsJsonArray("input_ids_derived_by_us")), e.ids());
        assertArrayEquals(RealData.ints(inputs.getAsJsonArray("attention_mask_derived_by_us")), e.attentionMask());
        assertEquals("[MASK]", e.tokens().get(4));
    }

    @Test
    @DisplayName("hf-model-card-fill-mask")
    void hfModelCardFillMask() {
        JsonObject inputs = RealData.numbersCase("forward_albert_base_v2", "hf-model-card-fill-mask")
                .getAsJsonObject("inputs");
        int[] ids = albert.encode(inputs.get("text").getAsString()).ids();
        assertArrayEquals(RealData.ints(inputs.getAsJsonArray("input_ids_derived_by_us")), ids);
        assertEquals(albert.maskId(), ids[inputs.get("mask_index").getAsInt()]);
    }

    @Test
    @DisplayName("rust-bert-mlm")
    void rustBertMlmPaddedToTheLongest() throws CheckpointException {
        JsonObject inputs = RealData.numbersCase("forward_albert_base_v2", "rust-bert-mlm").getAsJsonObject("inputs");
        // rust_tokenizers' AlbertTokenizer(lower_case=true, strip_accents=false)
        Tokenizer t = Tokenizers.load(RealData.spieceModel(), new TextOptions(true, true));
        JsonArray texts = inputs.getAsJsonArray("texts");
        JsonArray expected = inputs.getAsJsonArray("input_ids_derived_by_us");
        int longest = 0;
        for (JsonElement text : texts) longest = Math.max(longest, t.encode(text.getAsString()).length());
        for (int i = 0; i < texts.size(); i++) {
            Encoding e = t.encode(texts.get(i).getAsString(), null, new EncodeOptions(longest, true, true));
            assertArrayEquals(RealData.ints(expected.get(i).getAsJsonArray()), e.ids(), "text " + i);
        }
    }

    @Test
    @DisplayName("voidful-albert-chinese-tiny-mlm")
    void voidfulAlbertChineseTiny() {
        assertChineseCase("voidful-albert-chinese-tiny-mlm");
    }

    @Test
    @DisplayName("voidful-albert-chinese-base-mlm")
    void voidfulAlbertChineseBase() {
        assertChineseCase("voidful-albert-chinese-base-mlm");
    }

    private static void assertChineseCase(String id) {
        JsonObject inputs = RealData.numbersCase("forward_chinese", id).getAsJsonObject("inputs");
        Encoding e = chinese.encode(inputs.get("text").getAsString());
        assertArrayEquals(RealData.ints(inputs.getAsJsonArray("input_ids_derived_by_us")), e.ids());
        assertEquals(List.of("[CLS]", "今", "天", "[MASK]", "情", "很", "好", "[SEP]"), e.tokens());
        assertEquals(chinese.maskId(), e.ids()[inputs.get("mask_index").getAsInt()]);
        JsonObject expected = RealData.numbersCase("forward_chinese", id).getAsJsonObject("expected");
        assertEquals(expected.get("argmax_id_derived_by_us").getAsInt(),
                chinese.tokenToId(expected.get("argmax_token").getAsString()));
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
