package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import albertlab.core.model.AlbertModel;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.ModelInput;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The forward-pass numbers of numbers.json, which need the real weights. We ship none (the stored snapshots had
 * none), so these tests are skipped until a user puts a Hugging Face model folder in place:
 * <ul>
 *   <li>albert-base-v2 in {@code models/albert-base-v2/} at the repository root, or {@code -Dalbertlab.realModel=DIR};</li>
 *   <li>voidful/albert_chinese_tiny in {@code models/albert-chinese-tiny/}, or {@code -Dalbertlab.realChineseModel=DIR};</li>
 *   <li>voidful/albert_chinese_base in {@code models/albert-chinese-base/}, or {@code -Dalbertlab.realChineseBaseModel=DIR}.</li>
 * </ul>
 * Expected values, inputs and tolerances are read from numbers.json; each test is named after its case id.
 */
class PublishedForwardCasesTest {

    private static final ForwardOptions NO_ATTENTIONS = new ForwardOptions(0, false, true);

    private static Path folder(String property, String fallback) {
        String p = System.getProperty(property);
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(fallback);
    }

    private static Path albertBaseV2() {
        Path dir = folder("albertlab.realModel", "models/albert-base-v2");
        assumeTrue(Files.isDirectory(dir), "needs the real albert-base-v2 weights: put the Hugging Face folder "
                + "(config.json, model.safetensors, spiece.model) in models/albert-base-v2/ or pass "
                + "-Dalbertlab.realModel=DIR; absent: " + dir.toAbsolutePath());
        return dir;
    }

    private static Path chinese(String property, String fallback, String name) {
        Path dir = folder(property, fallback);
        assumeTrue(Files.isDirectory(dir), "needs the real " + name + " weights: put its Hugging Face folder "
                + "(config.json, weights, vocab.txt) in " + fallback + "/ or pass -D" + property + "=DIR; absent: "
                + dir.toAbsolutePath());
        return dir;
    }

    /** The model of a real Hugging Face folder, loaded the way the app and the command line load it. */
    private static AlbertModel loadModel(Path dir) {
        try {
            return albertlab.core.io.ModelFolder.load(dir).model();
        } catch (albertlab.core.io.CheckpointException e) {
            return fail("loading " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static JsonObject forwardCase(String id) {
        return RealData.numbersCase("forward_albert_base_v2", id);
    }

    private static int[] firstRow(JsonElement e) {
        return RealData.ints(e.getAsJsonArray().get(0).getAsJsonArray());
    }

    /** |actual - expected| <= atol + rtol |expected| for a [1][rows][cols] slice. */
    private static void assertSlice(JsonArray expected, float[][] actual, int row0, int col0, double atol,
                                    double rtol) {
        JsonArray rows = expected.get(0).getAsJsonArray();
        for (int r = 0; r < rows.size(); r++) {
            JsonArray cols = rows.get(r).getAsJsonArray();
            for (int c = 0; c < cols.size(); c++) {
                double want = cols.get(c).getAsDouble();
                double got = actual[row0 + r][col0 + c];
                assertTrue(Math.abs(got - want) <= atol + rtol * Math.abs(want),
                        "[" + (row0 + r) + "][" + (col0 + c) + "] = " + got + ", expected " + want);
            }
        }
    }

    private static float[][] lastHidden(ForwardTrace t) {
        return t.hiddenStates().get(t.hiddenStates().size() - 1);
    }

    private static int[] topK(float[] logits, int k) {
        Integer[] order = new Integer[logits.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = order[i];
        return out;
    }

    private static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) max = Math.max(max, v);
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    @Test
    void everyForwardCaseOfNumbersJsonHasATestHere() {
        Set<String> named = new TreeSet<>();
        for (Method m : PublishedForwardCasesTest.class.getDeclaredMethods()) {
            DisplayName d = m.getAnnotation(DisplayName.class);
            if (d != null) named.add(d.value());
        }
        Set<String> cases = new TreeSet<>();
        for (String array : List.of("forward_albert_base_v2", "forward_chinese")) {
            RealData.numbers().getAsJsonArray(array).forEach(x -> cases.add(x.getAsJsonObject().get("id").getAsString()));
        }
        assertEquals(cases, named);
    }

    @Test
    @DisplayName("hf-pt-albertmodel-masked-first-token")
    void hfPtAlbertModelWithTheFirstTokenMasked() {
        AlbertModel model = loadModel(albertBaseV2());
        JsonObject c = forwardCase("hf-pt-albertmodel-masked-first-token");
        JsonObject in = c.getAsJsonObject("inputs");
        ForwardTrace t = model.forward(new ModelInput(firstRow(in.get("input_ids")), null,
                firstRow(in.get("attention_mask"))), NO_ATTENTIONS);
        assertEquals(768, lastHidden(t)[0].length);
        JsonObject tol = c.getAsJsonObject("tolerance");
        assertSlice(c.getAsJsonArray("expected"), lastHidden(t), 1, 1, tol.get("atol").getAsDouble(),
                tol.get("rtol").getAsDouble());
    }

    @Test
    @DisplayName("hf-tf-pretraining-logits")
    void hfTfPretrainingLogits() {
        AlbertModel model = loadModel(albertBaseV2());
        assertTrue(model.hasMlmHead(), "albert-base-v2's checkpoint has the MLM head");
        JsonObject c = forwardCase("hf-tf-pretraining-logits");
        ForwardTrace t = model.forward(ModelInput.of(firstRow(c.getAsJsonObject("inputs").get("input_ids"))),
                NO_ATTENTIONS);
        assertEquals(30000, t.mlmLogits()[0].length);
        assertSlice(c.getAsJsonArray("expected"), t.mlmLogits(), 0, 0,
                c.getAsJsonObject("tolerance").get("atol").getAsDouble(), 0);
    }

    @Test
    @DisplayName("hf-pt-mlm-paris-top5")
    void hfPtMlmParisTop5() throws CheckpointException {
        Path dir = albertBaseV2();
        AlbertModel model = loadModel(dir);
        Tokenizer tokenizer = Tokenizers.load(dir);
        JsonObject c = forwardCase("hf-pt-mlm-paris-top5");
        JsonObject in = c.getAsJsonObject("inputs");
        Encoding e = tokenizer.encode(in.get("text").getAsString(), null,
                new EncodeOptions(in.get("max_length").getAsInt(), true, true));
        assertArrayEquals(RealData.ints(in.getAsJsonArray("input_ids_derived_by_us")), e.ids());
        ForwardTrace t = model.forward(new ModelInput(e.ids(), e.typeIds(), e.attentionMask()), NO_ATTENTIONS);
        List<String> top = new ArrayList<>();
        for (int id : topK(t.mlmLogits()[4], 5)) top.add(tokenizer.decode(new int[]{id}, true));
        List<String> expected = new ArrayList<>();
        c.getAsJsonArray("expected_tokens").forEach(x -> expected.add(x.getAsString()));
        assertEquals(expected, top);
    }

    @Test
    @DisplayName("hf-model-card-fill-mask")
    void hfModelCardFillMask() throws CheckpointException {
        Path dir = albertBaseV2();
        AlbertModel model = loadModel(dir);
        JsonObject c = forwardCase("hf-model-card-fill-mask");
        JsonObject in = c.getAsJsonObject("inputs");
        Encoding e = Tokenizers.load(dir).encode(in.get("text").getAsString());
        assertArrayEquals(RealData.ints(in.getAsJsonArray("input_ids_derived_by_us")), e.ids());
        ForwardTrace t = model.forward(new ModelInput(e.ids(), e.typeIds(), e.attentionMask()), NO_ATTENTIONS);
        float[] logits = t.mlmLogits()[in.get("mask_index").getAsInt()];
        double[] p = softmax(logits);
        int[] top = topK(logits, 5);
        JsonArray expected = c.getAsJsonArray("expected_top5");
        for (int i = 0; i < 5; i++) {
            JsonObject x = expected.get(i).getAsJsonObject();
            assertEquals(x.get("token").getAsInt(), top[i], "rank " + i);
            assertEquals(x.get("score").getAsDouble(), p[top[i]], 1e-4, "score of " + x.get("token_str"));
        }
    }

    @Test
    @DisplayName("bumblebee-mlm-logits")
    void bumblebeeMlmLogits() {
        AlbertModel model = loadModel(albertBaseV2());
        JsonObject c = forwardCase("bumblebee-mlm-logits");
        ForwardTrace t = model.forward(ModelInput.of(firstRow(c.getAsJsonObject("inputs").get("input_ids"))),
                NO_ATTENTIONS);
        assertSlice(c.getAsJsonArray("expected"), t.mlmLogits(), 1, 1,
                c.getAsJsonObject("tolerance").get("atol").getAsDouble(), 0);
    }

    @Test
    @DisplayName("bumblebee-multiple-choice-pooler-sum")
    void bumblebeeMultipleChoicePoolerSum() {
        AlbertModel model = loadModel(albertBaseV2());
        JsonObject c = forwardCase("bumblebee-multiple-choice-pooler-sum");
        int[] ids = RealData.ints(c.getAsJsonObject("inputs").getAsJsonArray("input_ids").get(0).getAsJsonArray()
                .get(0).getAsJsonArray());
        ForwardTrace t = model.forward(ModelInput.of(ids), NO_ATTENTIONS);
        double sum = 0;
        for (float v : t.pooledOutput()) sum += v;
        // the classifier's kernel is 1e-3 everywhere and its bias 0: logit = 1e-3 x sum(pooler_output)
        double expected = c.getAsJsonArray("expected").get(0).getAsJsonArray().get(0).getAsDouble();
        assertEquals(expected, 1e-3 * sum, c.getAsJsonObject("tolerance").get("atol").getAsDouble());
    }

    @Test
    @DisplayName("rust-bert-mlm")
    void rustBertMlmWithPaddingAttended() throws CheckpointException {
        Path dir = albertBaseV2();
        AlbertModel model = loadModel(dir);
        JsonObject c = forwardCase("rust-bert-mlm");
        JsonArray expectedIds = c.getAsJsonObject("inputs").getAsJsonArray("input_ids_derived_by_us");
        Tokenizer tokenizer = Tokenizers.load(dir, new TextOptions(true, true));
        JsonArray texts = c.getAsJsonObject("inputs").getAsJsonArray("texts");
        float[][][] scores = new float[texts.size()][][];
        for (int i = 0; i < texts.size(); i++) {
            Encoding e = tokenizer.encode(texts.get(i).getAsString(), null, new EncodeOptions(11, true, true));
            assertArrayEquals(RealData.ints(expectedIds.get(i).getAsJsonArray()), e.ids());
            // rust-bert passes no attention mask: the padding is attended to, and the value below depends on it
            scores[i] = model.forward(ModelInput.of(e.ids()), NO_ATTENTIONS).mlmLogits();
        }
        assertEquals(105, topK(scores[0][4], 1)[0]);
        assertEquals(19306, topK(scores[1][6], 1)[0]);
        assertEquals(c.getAsJsonObject("expected").get("prediction_scores[0, 0, 0]").getAsDouble(), scores[0][0][0],
                c.getAsJsonObject("tolerance").get("abs").getAsDouble());
    }

    @Test
    @DisplayName("keras-hub-backbone")
    void kerasHubBackbone() {
        AlbertModel model = loadModel(albertBaseV2());
        JsonObject c = forwardCase("keras-hub-backbone");
        ForwardTrace t = model.forward(ModelInput.of(firstRow(c.getAsJsonObject("inputs").get("token_ids"))),
                NO_ATTENTIONS);
        JsonObject expected = c.getAsJsonObject("expected");
        double atol = c.getAsJsonObject("tolerance").get("atol").getAsDouble();
        double rtol = c.getAsJsonObject("tolerance").get("rtol").getAsDouble();
        JsonArray seq = expected.getAsJsonArray("sequence_output[0, 0, 0:5]");
        JsonArray pooled = expected.getAsJsonArray("pooled_output[0, 0:5]");
        for (int i = 0; i < 5; i++) {
            double want = seq.get(i).getAsDouble();
            assertEquals(want, lastHidden(t)[0][i], atol + rtol * Math.abs(want), "sequence_output " + i);
            want = pooled.get(i).getAsDouble();
            assertEquals(want, t.pooledOutput()[i], atol + rtol * Math.abs(want), "pooled_output " + i);
        }
    }

    private static void assertChineseMlm(String id, Path dir) throws CheckpointException {
        AlbertModel model = loadModel(dir);
        JsonObject c = RealData.numbersCase("forward_chinese", id);
        JsonObject in = c.getAsJsonObject("inputs");
        Encoding e = Tokenizers.load(dir).encode(in.get("text").getAsString());
        assertArrayEquals(RealData.ints(in.getAsJsonArray("input_ids_derived_by_us")), e.ids());
        float[] logits = model.forward(new ModelInput(e.ids(), e.typeIds(), e.attentionMask()), NO_ATTENTIONS)
                .mlmLogits()[in.get("mask_index").getAsInt()];
        JsonObject expected = c.getAsJsonObject("expected");
        int argmax = topK(logits, 1)[0];
        assertEquals(expected.get("argmax_id_derived_by_us").getAsInt(), argmax);
        // the model cards' probabilities come from an old transformers version: compared at 1e-3
        assertEquals(expected.get("softmax_prob").getAsDouble(), softmax(logits)[argmax], 1e-3);
    }

    @Test
    @DisplayName("voidful-albert-chinese-tiny-mlm")
    void voidfulAlbertChineseTinyMlm() throws CheckpointException {
        assertChineseMlm("voidful-albert-chinese-tiny-mlm",
                chinese("albertlab.realChineseModel", "models/albert-chinese-tiny", "voidful/albert_chinese_tiny"));
    }

    @Test
    @DisplayName("voidful-albert-chinese-base-mlm")
    void voidfulAlbertChineseBaseMlm() throws CheckpointException {
        assertChineseMlm("voidful-albert-chinese-base-mlm",
                chinese("albertlab.realChineseBaseModel", "models/albert-chinese-base", "voidful/albert_chinese_base"));
    }
}
