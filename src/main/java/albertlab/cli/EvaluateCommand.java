package albertlab.cli;

import albertlab.core.io.CheckpointException;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.train.ModelEvaluation;
import albertlab.core.train.TrainingCorpus;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code evaluate}: masked-LM and sentence-order accuracy and every head's attention pattern on held-out text. */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "score a model on held-out text: MLM top-1/top-5, SOP, attention patterns";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("model", "text-file", "seed", "sequences", "max-seq-length");
    }

    @Override
    public Set<String> switches() {
        return Set.of("json");
    }

    @Override
    public String usage() {
        return """
                usage: albert-lab evaluate --model DIR --text-file F [--sequences N] [--max-seq-length S] [--seed S]
                                           [--json]
                  F is in the corpus format: one sentence per line, documents separated by blank lines. It is cut
                  into N (1000) sequences of up to S (128) tokens exactly as train cuts its corpus: [CLS] A [SEP]
                  B [SEP], A and B consecutive stretches of one document, half of them swapped.
                  masked LM: 15% of each sequence's non-special tokens (seeded) become [MASK]; top-1 and top-5
                             accuracy, loss and count, for all targets and for Han characters alone, beside the
                             accuracy of always guessing the targets' most frequent token
                  sentence order: whether the SOP head finds the swapped sequences, on the unmasked text
                  heads: for each layer application and head, the mean attention mass on the previous token,
                         the next token, [CLS], [SEP], the token itself and punctuation""";
    }

    @Override
    public void run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        LoadedModel model = ModelFolder.load(Path.of(args.require("model")));
        if (!model.hasTokenizer()) throw new CheckpointException(model.folder(), model.noTokenizerReason());
        if (!model.model().hasMlmHead()) throw new CheckpointException(model.folder(), "has no masked-LM head");
        Path file = Path.of(args.require("text-file"));
        TrainingCorpus heldOut = TrainingCorpus.read(List.of(file), model.tokenizer());
        long seed = args.longValue("seed", 1);
        int length = args.intValue("max-seq-length", Math.min(128, model.config().maxPositionEmbeddings()));
        if (length > model.config().maxPositionEmbeddings()) {
            throw new UsageException("--max-seq-length " + length + " exceeds the model's "
                    + model.config().maxPositionEmbeddings() + " positions");
        }
        ModelEvaluation.Protocol protocol;
        try {
            protocol = new ModelEvaluation.Protocol(args.intValue("sequences", ModelEvaluation.DEFAULT_SEQUENCES),
                    length, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ModelEvaluation.Report r = ModelEvaluation.run(model.model(), model.tokenizer(), heldOut, protocol);
        if (args.flag("json")) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model.folder().toString());
            json.put("textFile", file.toString());
            json.put("seed", seed);
            json.put("sequences", protocol.sequences());
            json.put("maxSeqLength", protocol.maxSeqLength());
            json.put("mlm", r.mlm());
            if (r.mlmHan().maskedTokens() > 0) json.put("mlmHan", r.mlmHan());
            json.put("sop", Map.of("accuracy", r.sopAccuracy(), "pairs", r.pairs()));
            json.put("patterns", ModelEvaluation.PATTERNS);
            json.put("heads", r.heads());
            json.put("hiddenStates", r.transitions());
            out.println(Json.GSON.toJson(json));
            return;
        }
        out.printf(Locale.ROOT, "%s on %s (%,d sequences of up to %d tokens, seed %d)%n", model.folder(), file,
                protocol.sequences(), protocol.maxSeqLength(), seed);
        print(out, "masked LM", r.mlm());
        if (r.mlmHan().maskedTokens() > 0) print(out, "masked LM, Han characters only", r.mlmHan());
        out.printf(Locale.ROOT, "sentence order: %.1f%% of %,d pairs%n", 100 * r.sopAccuracy(), r.pairs());
        out.print("hidden states, input against output of each application (the paper's Figure 1):");
        for (ModelEvaluation.Transition t : r.transitions()) {
            out.printf(Locale.ROOT, "%n  %3d  L2 %.3f  angle %.2f°", t.application(), t.l2(), t.angleDegrees());
        }
        out.println();
        out.print("heads (application.head):");
        for (String p : ModelEvaluation.PATTERNS) out.printf(Locale.ROOT, " %11s", p);
        out.println();
        for (ModelEvaluation.HeadPattern h : r.heads()) {
            out.printf(Locale.ROOT, "  %3d.%-3d                 ", h.application(), h.head());
            for (double m : h.mass()) out.printf(Locale.ROOT, " %11.2f", m);
            out.println();
        }
    }

    private static void print(PrintStream out, String what, ModelEvaluation.MlmScore s) {
        out.printf(Locale.ROOT, "%s: top-1 %.1f%%, top-5 %.1f%%, loss %.3f on %,d masked tokens (always the most "
                + "frequent target: %.1f%%)%n", what, 100 * s.top1(), 100 * s.top5(), s.loss(), s.maskedTokens(),
                100 * s.mostFrequentBaseline());
    }
}
