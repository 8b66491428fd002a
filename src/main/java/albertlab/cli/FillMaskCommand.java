package albertlab.cli;

import albertlab.core.io.CheckpointException;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.ModelInput;
import albertlab.core.model.TokenGuess;
import albertlab.core.model.TokenProbabilities;
import albertlab.core.tokenizer.EncodeOptions;
import albertlab.core.tokenizer.Encoding;
import albertlab.core.train.TrainingCorpus;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code fill-mask}: the MLM head's top-k pieces for every [MASK] of a text, like Hugging Face's pipeline. */
final class FillMaskCommand implements Command {

    static final int MAX_TOP_K = 1000;

    @Override
    public String name() {
        return "fill-mask";
    }

    @Override
    public String summary() {
        return "guess the words behind [MASK] in a text, with probabilities";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("model", "text", "text-file", "top-k");
    }

    @Override
    public Set<String> switches() {
        return Set.of("json");
    }

    @Override
    public String usage() {
        return """
                usage: albert-lab fill-mask --model DIR (--text "... [MASK] ..." | --text-file F) [--top-k 5] [--json]
                  Every [MASK] gets the model's top-k pieces with their probabilities.
                  --text-file F   one text per line
                  --json          [{"text", "masks": [{"position", "predictions": [{"token", "id", "probability"}]}]}]
                                  one entry per text; a text without [MASK] has empty "masks\"""";
    }

    @Override
    public void run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        LoadedModel model = ModelFolder.load(Path.of(args.require("model")));
        if (!model.hasTokenizer()) throw new CheckpointException(model.folder(), model.noTokenizerReason());
        if (!model.model().hasMlmHead()) {
            throw new CheckpointException(model.folder(), "has no masked-LM head (predictions.*), so it cannot fill "
                    + "masks");
        }
        if (args.has("text") == args.has("text-file")) throw new UsageException("give either --text or --text-file");
        int k = args.intValue("top-k", 5);
        if (k < 1 || k > MAX_TOP_K) throw new UsageException("--top-k must be between 1 and " + MAX_TOP_K + ", got " + k);
        List<String> texts = new ArrayList<>();
        if (args.has("text")) {
            texts.add(args.get("text"));
        } else {
            String text = TrainingCorpus.readText(Path.of(args.get("text-file")));
            for (String line : text.split("\\r?\\n", -1)) texts.add(line);
            if (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) texts.remove(texts.size() - 1);
        }
        int maxTokens = model.config().maxPositionEmbeddings();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String text : texts) {
            Encoding enc = model.tokenizer().encode(text, null, EncodeOptions.maxLength(maxTokens));
            if (enc.truncated()) err.println("albert-lab fill-mask: a text was cut to " + maxTokens + " tokens");
            List<Map<String, Object>> masks = new ArrayList<>();
            int maskId = model.tokenizer().maskId();
            boolean any = false;
            for (int id : enc.ids()) any |= id == maskId;
            if (any) {
                ForwardTrace trace = model.model().forward(new ModelInput(enc.ids(), enc.typeIds(),
                        enc.attentionMask()), new ForwardOptions(0, false, true));
                for (int t = 0; t < enc.length(); t++) {
                    if (enc.ids()[t] != maskId) continue;
                    List<Map<String, Object>> predictions = new ArrayList<>();
                    for (TokenGuess g : TokenProbabilities.topK(trace.mlmLogits()[t], k, model.tokenizer())) {
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put("token", g.token());
                        p.put("id", g.id());
                        p.put("probability", g.probability());
                        predictions.add(p);
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("position", t);
                    m.put("predictions", predictions);
                    masks.add(m);
                }
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("text", text);
            entry.put("masks", masks);
            entries.add(entry);
        }
        if (args.flag("json")) {
            out.println(Json.GSON.toJson(entries));
            return;
        }
        for (Map<String, Object> e : entries) {
            out.println(e.get("text"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> masks = (List<Map<String, Object>>) e.get("masks");
            if (masks.isEmpty()) out.println("  (no [MASK])");
            for (Map<String, Object> m : masks) {
                out.println("  [MASK] at token " + m.get("position") + ":");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> ps = (List<Map<String, Object>>) m.get("predictions");
                int rank = 1;
                for (Map<String, Object> p : ps) {
                    out.printf(Locale.ROOT, "    %d. %-16s %6.2f%%  (id %d)%n", rank++, p.get("token"),
                            100 * (double) p.get("probability"), (int) p.get("id"));
                }
            }
        }
    }
}
