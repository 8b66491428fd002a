package albertlab.cli;

import albertlab.core.config.AlbertConfig;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.model.AlbertModel;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.ModelInput;
import albertlab.core.model.PassTimes;
import albertlab.core.ops.Kernels;
import albertlab.core.tokenizer.EncodeOptions;
import albertlab.core.tokenizer.Encoding;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code forward}: one forward pass of a model folder on a text or on token ids, with what every layer did. */
final class ForwardCommand implements Command {

    static final int MAX_REPEAT = 1000;
    static final int MAX_RUNS = 10_000;

    private record Input(ModelInput input, List<String> tokens, boolean truncated) {
    }

    @Override
    public String name() {
        return "forward";
    }

    @Override
    public String summary() {
        return "run a model folder on a text or token ids and show every layer";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("model", "text", "text-pair", "ids", "mask", "type-ids", "repeat", "runs", "warmup-runs");
    }

    @Override
    public Set<String> switches() {
        return Set.of("json", "brief");
    }

    @Override
    public String usage() {
        return """
                usage: albert-lab forward --model DIR (--text TEXT [--text-pair TEXT] | --ids 2,15,9 [--mask 1,1,0]
                                          [--type-ids 0,0,1]) [--repeat N] [--runs N [--warmup-runs N]]
                                          [--json [--brief]]
                  DIR holds config.json, model.safetensors and a tokenizer (spiece.model, tokenizer.json or
                  vocab.txt; only --text needs it). A text longer than the model's positions is cut, with a warning.
                  --repeat N   apply the last (for an all-shared model: the one shared) layer N more times
                  --runs N     run N times and report the median time
                  --warmup-runs N  first run N passes that are not timed (the JIT compiles the kernels
                               during the first passes, which are several times slower)
                  --json       every number: tokens, ids, embeddingOutput [S][E], hiddenStates [n+1][S][H],
                               attentions [n][A][S][S], pooledOutput [H], mlmLogits [S][V] and sopLogits [2]
                               when the model has those heads, layerSummaries, millis (n = layer applications)
                  --brief      with --json: leave out embeddingOutput, hiddenStates, attentions and mlmLogits""";
    }

    @Override
    public void run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        Path folder = Path.of(args.require("model"));
        boolean text = args.has("text");
        if (text == args.has("ids")) throw new UsageException("give either --text or --ids");
        if (args.has("text-pair") && !text) throw new UsageException("--text-pair goes with --text");
        if (text && (args.has("mask") || args.has("type-ids"))) {
            throw new UsageException("--mask and --type-ids go with --ids (a text gets them from the tokenizer)");
        }
        boolean json = args.flag("json");
        boolean brief = args.flag("brief"); // without --json there are no large arrays to leave out
        int repeat = args.intValue("repeat", 0);
        if (repeat < 0 || repeat > MAX_REPEAT) {
            throw new UsageException("--repeat must be between 0 and " + MAX_REPEAT + ", got " + repeat);
        }
        int runs = args.intValue("runs", 1);
        if (runs < 1 || runs > MAX_RUNS) throw new UsageException("--runs must be between 1 and " + MAX_RUNS
                + ", got " + runs);
        int warmupRuns = args.intValue("warmup-runs", 0);
        if (warmupRuns < 0 || warmupRuns > MAX_RUNS) throw new UsageException("--warmup-runs must be between 0 and "
                + MAX_RUNS + ", got " + warmupRuns);
        int[] ids = args.intList("ids");
        int[] mask = args.intList("mask");
        int[] typeIds = args.intList("type-ids");
        if (!text) checkLengths(ids, mask, typeIds);

        LoadedModel model = ModelFolder.load(folder);
        for (String w : model.warnings()) err.println("warning: " + w);
        Input input = text ? fromText(model, args.get("text"), args.get("text-pair"), err)
                : fromIds(model, ids, mask, typeIds);

        ForwardOptions options = new ForwardOptions(repeat, json && !brief, true);
        ForwardTrace trace = null;
        for (int i = 0; i < warmupRuns; i++) model.model().forward(input.input(), options);
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            trace = model.model().forward(input.input(), options);
            millis[i] = trace.millis();
        }
        ForwardReport report = new ForwardReport(folder.toString(), model.config(), model.tokenizer(), input.tokens(),
                input.truncated(), trace, PassTimes.median(millis), runs, model.warnings(), kernel(model.model()));
        if (json) {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            ForwardJson.write(report, brief, writer);
        } else {
            ForwardText.print(report, out);
        }
    }

    /** The model's kernel, and why it is the slow one when the Vector API could not be used. */
    private static String kernel(AlbertModel model) {
        String name = model.kernelName();
        return Kernels.fallbackReason().filter(reason -> name.equals(Kernels.scalar().name()))
                .map(reason -> name + " (" + reason + ")").orElse(name);
    }

    private static void checkLengths(int[] ids, int[] mask, int[] typeIds) throws UsageException {
        if (mask != null && mask.length != ids.length) {
            throw new UsageException("--mask has " + mask.length + " values but --ids has " + ids.length);
        }
        if (typeIds != null && typeIds.length != ids.length) {
            throw new UsageException("--type-ids has " + typeIds.length + " values but --ids has " + ids.length);
        }
        if (mask != null && Arrays.stream(mask).anyMatch(m -> m != 0 && m != 1)) {
            throw new UsageException("--mask values must be 1 (a real token) or 0 (padding)");
        }
    }

    private static Input fromIds(LoadedModel model, int[] ids, int[] mask, int[] typeIds) throws UsageException {
        AlbertConfig c = model.config();
        if (ids.length > c.maxPositionEmbeddings()) {
            throw new UsageException("--ids has " + ids.length + " ids but the model has only "
                    + c.maxPositionEmbeddings() + " positions (max_position_embeddings)");
        }
        for (int id : ids) {
            if (id < 0 || id >= c.vocabSize()) {
                throw new UsageException("--ids: id " + id + " is out of range: the vocabulary has " + c.vocabSize()
                        + " ids (0 to " + (c.vocabSize() - 1) + ")");
            }
        }
        if (typeIds != null) {
            for (int type : typeIds) {
                if (type < 0 || type >= c.typeVocabSize()) {
                    throw new UsageException("--type-ids: type id " + type + " is out of range: the model has "
                            + c.typeVocabSize() + " token types (0 to " + (c.typeVocabSize() - 1) + ")");
                }
            }
        }
        List<String> tokens = null;
        if (model.hasTokenizer()) {
            tokens = new ArrayList<>();
            for (int id : ids) tokens.add(model.tokenizer().idToToken(id));
        }
        return new Input(new ModelInput(ids, typeIds, mask), tokens, false);
    }

    private static Input fromText(LoadedModel model, String text, String pair, PrintStream err)
            throws UsageException {
        if (!model.hasTokenizer()) {
            throw new UsageException("the model folder cannot read text: " + model.noTokenizerReason()
                    + "; give token ids with --ids instead");
        }
        int positions = model.config().maxPositionEmbeddings();
        Encoding e = model.tokenizer().encode(text, pair, EncodeOptions.maxLength(positions));
        if (e.length() == 0) throw new UsageException("the text gives no tokens");
        if (e.truncated()) {
            err.println("warning: the text is longer than the model's " + positions
                    + " positions (max_position_embeddings) and was cut to " + e.length() + " tokens");
        }
        return new Input(new ModelInput(e.ids(), e.typeIds(), e.attentionMask()), e.tokens(), e.truncated());
    }
}
