package albertlab.core.train;

import albertlab.core.config.AlbertConfig;
import albertlab.core.io.AtomicFiles;
import albertlab.core.io.CheckpointException;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.io.Safetensors;
import albertlab.core.io.TextFiles;
import albertlab.core.model.WeightArrays;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trained model's card: {@code card.json} (machine-readable, what the app shows) and {@code MODEL_CARD.md} (for
 * people, in Simplified Chinese and English). Every figure comes from the folder's own training.json and from
 * {@link ModelEvaluation} on held-out text; nothing is typed in by hand.
 */
public final class ModelCard {

    public static final String JSON = "card.json";
    public static final String MARKDOWN = "MODEL_CARD.md";
    /** A head is named after a pattern that takes at least this share of its attention. */
    public static final double NAMED_HEAD_MASS = 0.5;

    /** What the card cannot know from the folder: the language, the corpus's name, the twin, the held-out text. */
    public record About(String language, String corpus, String corpusZh, String twinOf, Path heldOutFile,
                        String heldOutName) {
    }

    private ModelCard() {
    }

    /** Evaluates the model on the held-out file and writes both card files into its folder; returns card.json. */
    public static Map<String, Object> write(Path folder, About about, long seed, int sequences)
            throws CheckpointException {
        LoadedModel model = ModelFolder.load(folder);
        if (!model.hasTokenizer()) throw new CheckpointException(folder, model.noTokenizerReason());
        JsonObject training = JsonParser.parseString(TextFiles.readUtf8(folder.resolve(TrainingCheckpoint.TRAINING_JSON),
                16L << 20, "training record")).getAsJsonObject();
        // read (and unzip) once: tokenized for the scores, as lines for the examples
        String heldOutText = TrainingCorpus.readText(about.heldOutFile());
        TrainingCorpus heldOut = TrainingCorpus.of(heldOutText, model.tokenizer());
        if (heldOut.documents().isEmpty()) throw new CheckpointException(about.heldOutFile(), "has no text");
        // judged on sequences as long as those it trained on
        int length = training.getAsJsonObject("settings").get("maxSeqLength").getAsInt();
        ModelEvaluation.Report report = ModelEvaluation.run(model.model(), model.tokenizer(), heldOut,
                new ModelEvaluation.Protocol(sequences, length, seed));
        Map<String, Object> card = card(model, training, about, report, seed);
        card.put("examples", CardExamples.find(model.model(), model.tokenizer(),
                TrainingCorpus.documentsOf(heldOutText), seed));
        String json = new GsonBuilder().setPrettyPrinting().create().toJson(card) + "\n";
        AtomicFiles.write(folder.resolve(JSON), json.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(folder.resolve(MARKDOWN), markdown(card, model.config()).getBytes(StandardCharsets.UTF_8));
        return card;
    }

    static Map<String, Object> card(LoadedModel model, JsonObject training, About about,
                                    ModelEvaluation.Report report, long seed) throws CheckpointException {
        AlbertConfig c = model.config();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", model.folder().getFileName().toString());
        card.put("language", about.language());
        card.put("sharing", c.sharingMode().cliName());
        card.put("twinOf", about.twinOf());
        card.put("corpus", about.corpus());
        card.put("corpusZh", about.corpusZh());
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("vocab", c.vocabSize());
        sizes.put("embedding", c.embeddingSize());
        sizes.put("hidden", c.hiddenSize());
        sizes.put("layers", c.numHiddenLayers());
        sizes.put("heads", c.numAttentionHeads());
        sizes.put("intermediate", c.intermediateSize());
        card.put("sizes", sizes);
        card.put("parameters", WeightArrays.count(model.model().weights()));
        card.put("weightsSha256", sha256(model.folder().resolve(ModelFolder.WEIGHTS_FILE)));
        card.put("weightsStoredAs", String.join("+",
                Safetensors.readContents(model.folder().resolve(ModelFolder.WEIGHTS_FILE)).floatDtypes()));
        card.put("trainingSteps", training.get("steps").getAsLong());
        card.put("trainingTokens", training.get("tokensSeen").getAsLong());
        card.put("trainingMinutes", Math.round(training.get("minutes").getAsDouble() * 10) / 10.0);
        card.put("trainingThreads", training.get("threads").getAsInt());
        card.put("seed", training.get("seed").getAsLong());
        card.put("command", training.get("command").getAsString());
        Map<String, Object> heldOut = new LinkedHashMap<>();
        heldOut.put("text", about.heldOutName());
        heldOut.put("evaluationSeed", seed);
        heldOut.put("sequences", report.protocol().sequences());
        heldOut.put("maxSeqLength", report.protocol().maxSeqLength());
        ModelEvaluation.MlmScore mlm = about.language().equals("zh") && report.mlmHan().maskedTokens() > 0
                ? report.mlmHan() : report.mlm();
        heldOut.put("mlmCounted", mlm == report.mlm() ? "all tokens" : "Han characters only");
        heldOut.put("mlmTop1", round(mlm.top1()));
        heldOut.put("mlmTop5", round(mlm.top5()));
        heldOut.put("mlmLoss", round(mlm.loss()));
        heldOut.put("maskedTokens", mlm.maskedTokens());
        heldOut.put("mostFrequentBaseline", round(mlm.mostFrequentBaseline()));
        heldOut.put("mlmTop1AllTokens", round(report.mlm().top1()));
        heldOut.put("sopAccuracy", round(report.sopAccuracy()));
        heldOut.put("pairs", report.pairs());
        card.put("heldOut", heldOut);
        List<Map<String, Object>> named = new ArrayList<>();
        for (ModelEvaluation.HeadPattern h : report.heads()) {
            int best = 0;
            for (int p = 1; p < h.mass().length; p++) if (h.mass()[p] > h.mass()[best]) best = p;
            if (h.mass()[best] < NAMED_HEAD_MASS) continue;
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("application", h.application());
            n.put("head", h.head());
            n.put("pattern", ModelEvaluation.PATTERNS[best]);
            n.put("mass", round(h.mass()[best]));
            named.add(n);
        }
        card.put("namedHeads", named);
        List<Map<String, Object>> dynamics = new ArrayList<>();
        for (ModelEvaluation.Transition t : report.transitions()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("application", t.application());
            d.put("l2", round(t.l2()));
            d.put("angleDegrees", round(t.angleDegrees()));
            dynamics.add(d);
        }
        card.put("hiddenStates", dynamics);
        return card;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> card, AlbertConfig c) {
        Map<String, Object> h = (Map<String, Object>) card.get("heldOut");
        List<Map<String, Object>> named = (List<Map<String, Object>>) card.get("namedHeads");
        boolean zh = "zh".equals(card.get("language"));
        String sharing = (String) card.get("sharing");
        StringBuilder s = new StringBuilder();
        s.append("# ").append(card.get("name")).append("\n\n");
        s.append("## 简体中文\n\n");
        s.append(String.format(Locale.ROOT, "一个迷你 %s：V = %,d，E = %d，H = %d，L = %d，%d 个注意力头，I = %d，%s，共 %,d 个参数。%n%n",
                sharing.equals("none") ? "BERT 式模型（不共享参数，与 ALBERT 版本尺寸相同）" : "ALBERT", c.vocabSize(),
                c.embeddingSize(), c.hiddenSize(), c.numHiddenLayers(), c.numAttentionHeads(), c.intermediateSize(),
                sharingZh(sharing), card.get("parameters")));
        s.append(String.format(Locale.ROOT, "- 训练数据：%s；%,d 步，见过 %,d 个词元，用时 %s 分钟（%s 个线程），种子 %s。%n",
                card.get("corpusZh"), card.get("trainingSteps"), card.get("trainingTokens"), card.get("trainingMinutes"),
                card.get("trainingThreads"), card.get("seed")));
        s.append(String.format(Locale.ROOT, "- 评测文本：%s，训练时从未见过；像训练时一样切成 %,d 个序列（[CLS] A [SEP] B [SEP]，每个最多 %d 个词元，A、B 是同一文档里相邻的几行，一半交换了顺序），种子 %s；每个序列 15%% 的词元被换成 [MASK]。%n",
                h.get("text"), (int) h.get("sequences"), (int) h.get("maxSeqLength"), h.get("evaluationSeed")));
        s.append(String.format(Locale.ROOT, "- 掩码语言模型：top-1 %.1f%%，top-5 %.1f%%（%s，%,d 个被遮住的词元）；总是猜最常见的词元只有 %.1f%%。%n",
                100 * (double) h.get("mlmTop1"), 100 * (double) h.get("mlmTop5"),
                "Han characters only".equals(h.get("mlmCounted")) ? "只算汉字" : "所有词元",
                (int) h.get("maskedTokens"), 100 * (double) h.get("mostFrequentBaseline")));
        s.append(String.format(Locale.ROOT, "- 句序预测（SOP）：%,d 对片段，准确率 %.1f%%（瞎猜是 50%%）。%n",
                (int) h.get("pairs"), 100 * (double) h.get("sopAccuracy")));
        s.append("- 有名字的注意力头（至少一半注意力落在一种模式上）：").append(named.isEmpty() ? "没有" : headsZh(named)).append("\n");
        s.append("- 隐藏状态（论文图 1 的量，在评测序列上取平均）：每次层应用的输入与输出之间的 L2 距离 / 夹角：")
                .append(dynamics(card, "；", "第 %d 次 %.2f / %.1f°")).append("\n");
        s.append("- ").append(goals(card, true)).append("\n");
        s.append("- 做不到的：它很小，只读过一个小语料，常常猜错；").append(zh ? "只见过古典诗词，不懂现代汉语；" : "只见过 1961 年的美国英语；")
                .append("不能用于任何实际任务，只用来在 ALBERT Lab 里观察它如何学习。\n\n");
        s.append("## English\n\n");
        s.append(String.format(Locale.ROOT, "A mini %s: V = %,d, E = %d, H = %d, L = %d, %d attention heads, I = %d, %s, %,d parameters.%n%n",
                sharing.equals("none") ? "BERT-style model (nothing shared, the same sizes as its ALBERT twin)" : "ALBERT",
                c.vocabSize(), c.embeddingSize(), c.hiddenSize(), c.numHiddenLayers(), c.numAttentionHeads(),
                c.intermediateSize(), sharingEn(sharing), card.get("parameters")));
        s.append(String.format(Locale.ROOT, "- Trained on: %s; %,d steps, %,d tokens seen, %s minutes with %s thread(s), seed %s.%n",
                card.get("corpus"), card.get("trainingSteps"), card.get("trainingTokens"), card.get("trainingMinutes"),
                card.get("trainingThreads"), card.get("seed")));
        s.append(String.format(Locale.ROOT, "- Evaluated on: %s, never trained on; cut as in training into %,d sequences ([CLS] A [SEP] B [SEP] of up to %d tokens, A and B consecutive lines of one document, half of them swapped), seed %s; 15%% of each sequence's tokens replaced by [MASK].%n",
                h.get("text"), (int) h.get("sequences"), (int) h.get("maxSeqLength"), h.get("evaluationSeed")));
        s.append(String.format(Locale.ROOT, "- Masked LM: top-1 %.1f%%, top-5 %.1f%% (%s, %,d masked tokens); always guessing the most frequent token scores %.1f%%.%n",
                100 * (double) h.get("mlmTop1"), 100 * (double) h.get("mlmTop5"), h.get("mlmCounted"),
                (int) h.get("maskedTokens"), 100 * (double) h.get("mostFrequentBaseline")));
        s.append(String.format(Locale.ROOT, "- Sentence order (SOP): %.1f%% of %,d segment pairs (chance is 50%%).%n",
                100 * (double) h.get("sopAccuracy"), (int) h.get("pairs")));
        s.append("- Named heads (at least half of the attention on one pattern): ").append(named.isEmpty() ? "none" : headsEn(named)).append("\n");
        s.append("- Hidden states (the quantities of the paper's Figure 1, averaged over the evaluation sequences): L2 distance / angle between the input and output of each layer application: ")
                .append(dynamics(card, "; ", "%d: %.2f / %.1f°")).append("\n");
        s.append("- ").append(goals(card, false)).append("\n");
        s.append("- What it cannot do: it is tiny and has read one small corpus, so it is often wrong; ")
                .append(zh ? "it has seen classical poetry only, not modern Chinese; " : "it has seen 1961 American English only; ")
                .append("it is for watching how a model learns in ALBERT Lab, not for any real task.\n\n");
        s.append("Command / 命令:\n\n    ").append(card.get("command")).append("\n\n");
        if ("F16".equals(card.get("weightsStoredAs"))) {
            s.append("Stored as F16 by / 以 F16 保存：`albert-lab convert --precision f16` (the exact command in / 确切命令见 corpora/make-models.sh)\n\n");
        }
        s.append("Weights / 权重: ").append(card.get("weightsStoredAs")).append(", sha256 `")
                .append(card.get("weightsSha256")).append("`\n");
        return s.toString();
    }

    /** MLM top-1 the models were meant to reach: 25% on English, 15% on Chinese Han characters. */
    static final double GOAL_MLM_EN = 0.25;
    static final double GOAL_MLM_ZH = 0.15;
    static final double GOAL_SOP = 0.65;
    static final int GOAL_NAMED_HEADS = 3;

    /** The goals set for the shipped models, and which this one meets: a gap is stated, not hidden. */
    @SuppressWarnings("unchecked")
    private static String goals(Map<String, Object> card, boolean chinese) {
        Map<String, Object> h = (Map<String, Object>) card.get("heldOut");
        boolean zh = "zh".equals(card.get("language"));
        double goal = zh ? GOAL_MLM_ZH : GOAL_MLM_EN;
        boolean mlm = (double) h.get("mlmTop1") >= goal;
        boolean sop = (double) h.get("sopAccuracy") >= GOAL_SOP;
        boolean heads = ((List<?>) card.get("namedHeads")).size() >= GOAL_NAMED_HEADS;
        if (chinese) {
            return String.format(Locale.ROOT, "为这些模型定的目标：MLM top-1 至少 %.0f%%（%s），%s；SOP 至少 %.0f%%，%s；至少 %d 个有名字的头，%s。",
                    100 * goal, zh ? "只算汉字" : "所有词元", mlm ? "达到" : "未达到", 100 * GOAL_SOP, sop ? "达到" : "未达到",
                    GOAL_NAMED_HEADS, heads ? "达到" : "未达到");
        }
        return String.format(Locale.ROOT, "Goals set for these models: MLM top-1 at least %.0f%% (%s), %s; SOP at least %.0f%%, %s; at least %d named heads, %s.",
                100 * goal, zh ? "Han characters only" : "all tokens", mlm ? "met" : "not met", 100 * GOAL_SOP,
                sop ? "met" : "not met", GOAL_NAMED_HEADS, heads ? "met" : "not met");
    }

    @SuppressWarnings("unchecked")
    private static String dynamics(Map<String, Object> card, String separator, String format) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) card.get("hiddenStates")) {
            out.add(String.format(Locale.ROOT, format, (int) d.get("application") + 1, (double) d.get("l2"),
                    (double) d.get("angleDegrees")));
        }
        return String.join(separator, out);
    }

    private static String sharingZh(String mode) {
        return switch (mode) {
            case "all" -> "所有层共享一组参数";
            case "attention" -> "只共享注意力";
            case "ffn" -> "只共享前馈网络";
            default -> "各层参数各自独立";
        };
    }

    private static String sharingEn(String mode) {
        return switch (mode) {
            case "all" -> "one layer's weights shared by every layer";
            case "attention" -> "attention shared";
            case "ffn" -> "feed-forward shared";
            default -> "every layer with its own weights";
        };
    }

    private static final Map<String, String> PATTERN_ZH = Map.of("previous", "前一个词元", "next", "后一个词元",
            "cls", "[CLS]", "sep", "[SEP]", "self", "自己", "punctuation", "标点");
    private static final Map<String, String> PATTERN_EN = Map.of("previous", "previous token", "next", "next token",
            "cls", "[CLS]", "sep", "[SEP]", "self", "the token itself", "punctuation", "punctuation");

    private static String headsZh(List<Map<String, Object>> named) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> n : named) {
            out.add(String.format(Locale.ROOT, "第 %d 次应用的第 %d 个头：%s（%.0f%%）", (int) n.get("application") + 1,
                    (int) n.get("head") + 1, PATTERN_ZH.get((String) n.get("pattern")), 100 * (double) n.get("mass")));
        }
        return String.join("；", out);
    }

    private static String headsEn(List<Map<String, Object>> named) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> n : named) {
            out.add(String.format(Locale.ROOT, "application %d, head %d: %s (%.0f%%)", (int) n.get("application") + 1,
                    (int) n.get("head") + 1, PATTERN_EN.get((String) n.get("pattern")), 100 * (double) n.get("mass")));
        }
        return String.join("; ", out);
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }

    public static String sha256(Path file) throws CheckpointException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read (" + CheckpointException.firstLine(e) + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
