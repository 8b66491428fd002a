package albertlab.cli;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ConfigProblem;
import albertlab.core.config.Preset;
import albertlab.core.config.Presets;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.params.HeadSelection;
import albertlab.core.params.ParameterBreakdown;
import albertlab.core.params.ParameterCounter;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code params}: the exact parameter count and FLOPs of a preset or of sizes given on the command line. */
final class ParamsCommand implements Command {

    @Override
    public String name() {
        return "params";
    }

    @Override
    public String summary() {
        return "count parameters, bytes and FLOPs of a configuration";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("preset", "vocab", "embedding", "hidden", "layers", "heads", "intermediate", "max-position",
                "type-vocab", "sharing", "groups", "inner-groups", "with-heads", "seq-length", "projection");
    }

    @Override
    public Set<String> switches() {
        return Set.of("json");
    }

    @Override
    public String usage() {
        return """
                usage: albert-lab params [--preset NAME] [--vocab V] [--embedding E] [--hidden H] [--layers L]
                                         [--heads A] [--intermediate I] [--max-position P] [--type-vocab T]
                                         [--sharing none|all|attention|ffn] [--groups G] [--inner-groups K]
                                         [--projection hf|original] [--with-heads none|mlm|sop|both]
                                         [--seq-length S] [--json]
                  Sizes given after a preset override it; without a preset they start from albert-base-v2.
                  --projection hf: Hugging Face ALBERT always has the E->H projection (default);
                  original: the original ALBERT code and BERT have none when E = H.
                  FLOPs are for one forward pass of S tokens (default 128); sharing does not change them.
                  presets: """ + String.join(", ", Presets.all().stream().map(Preset::name).toList());
    }

    @Override
    public void run(Arguments args, PrintStream out, PrintStream err) throws UsageException {
        AlbertConfig config = configFrom(args);
        HeadSelection heads;
        try {
            heads = HeadSelection.fromCliName(args.get("with-heads", "none"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int seq = args.intValue("seq-length", ParameterCounter.DEFAULT_SEQUENCE_LENGTH);
        if (seq < 1) throw new UsageException("--seq-length must be at least 1");
        var fatal = config.fatalProblems();
        if (!fatal.isEmpty()) throw new UsageException(fatal.get(0).message());
        ParameterBreakdown b = ParameterCounter.count(config, heads, seq);
        if (args.flag("json")) {
            out.println(Json.GSON.toJson(toJson(b, args.get("preset"))));
        } else {
            printTable(b, args.get("preset"), out);
        }
    }

    static AlbertConfig configFrom(Arguments args) throws UsageException {
        AlbertConfig.Builder c;
        try {
            c = args.has("preset") ? Presets.require(args.get("preset")).config().toBuilder() : AlbertConfig.builder();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        AlbertConfig start = c.build();
        c.vocabSize(args.intValue("vocab", start.vocabSize()))
                .embeddingSize(args.intValue("embedding", start.embeddingSize()))
                .hiddenSize(args.intValue("hidden", start.hiddenSize()))
                .numHiddenLayers(args.intValue("layers", start.numHiddenLayers()))
                .numAttentionHeads(args.intValue("heads", start.numAttentionHeads()))
                .intermediateSize(args.intValue("intermediate", start.intermediateSize()))
                .maxPositionEmbeddings(args.intValue("max-position", start.maxPositionEmbeddings()))
                .typeVocabSize(args.intValue("type-vocab", start.typeVocabSize()))
                .numHiddenGroups(args.intValue("groups", start.numHiddenGroups()))
                .innerGroupNum(args.intValue("inner-groups", start.innerGroupNum()));
        try {
            if (args.has("sharing")) c.sharingMode(SharingMode.fromCliName(args.get("sharing")));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (args.has("projection")) {
            c.projection(switch (args.get("projection")) {
                case "hf" -> ProjectionConvention.HUGGING_FACE_ALWAYS;
                case "original" -> ProjectionConvention.ORIGINAL_ONLY_WHEN_FACTORIZED;
                default -> throw new UsageException("--projection must be hf or original");
            });
        }
        return c.build();
    }

    static Map<String, Object> toJson(ParameterBreakdown b, String preset) {
        AlbertConfig c = b.config();
        Map<String, Object> m = new LinkedHashMap<>();
        if (preset != null) {
            m.put("preset", preset);
            Presets.find(preset).map(Preset::paperLabel).ifPresent(l -> m.put("paperLabel", l));
        }
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("vocab", c.vocabSize());
        cfg.put("embedding", c.embeddingSize());
        cfg.put("hidden", c.hiddenSize());
        cfg.put("layers", c.numHiddenLayers());
        cfg.put("heads", c.numAttentionHeads());
        cfg.put("intermediate", c.intermediateSize());
        cfg.put("maxPosition", c.maxPositionEmbeddings());
        cfg.put("typeVocab", c.typeVocabSize());
        cfg.put("sharing", c.sharingMode().cliName());
        cfg.put("groups", c.numHiddenGroups());
        cfg.put("innerGroups", c.innerGroupNum());
        cfg.put("projection", c.hasProjection());
        m.put("config", cfg);
        m.put("withHeads", b.headSelection().name().toLowerCase(java.util.Locale.ROOT));
        m.put("total", b.total());
        m.put("unsharedEquivalent", b.unsharedEquivalent());
        m.put("wordEmbeddings", b.wordEmbeddings());
        m.put("positionEmbeddings", b.positionEmbeddings());
        m.put("tokenTypeEmbeddings", b.tokenTypeEmbeddings());
        m.put("embeddingLayerNorm", b.embeddingLayerNorm());
        m.put("unfactorizedEmbedding", b.unfactorizedEmbedding());
        m.put("factorizedEmbedding", b.factorizedEmbedding());
        m.put("factorizationSaving", b.factorizationSaving());
        m.put("projection", b.projection());
        m.put("attentionPerLayer", b.attentionPerLayer());
        m.put("ffnPerLayer", b.ffnPerLayer());
        m.put("attentionSets", b.attentionSets());
        m.put("ffnSets", b.ffnSets());
        m.put("encoder", b.encoder());
        m.put("layerNorms", b.layerNorms());
        m.put("pooler", b.pooler());
        m.put("mlmHead", b.mlmHead());
        m.put("sopHead", b.sopHead());
        m.put("bytesFp32", b.bytesFp32());
        m.put("sequenceLength", b.flops().sequenceLength());
        m.put("flopsPerSequence", b.flops().perSequence());
        m.put("flopsPerToken", b.flops().perToken());
        m.put("warnings", c.problems().stream().filter(p -> !p.kind().fatal()).map(ConfigProblem::message).toList());
        return m;
    }

    private static void printTable(ParameterBreakdown b, String preset, PrintStream out) {
        AlbertConfig c = b.config();
        out.printf("%s: V=%d E=%d H=%d L=%d A=%d I=%d P=%d T=%d sharing=%s G=%d inner=%d projection=%s%n",
                preset == null ? "configuration" : preset, c.vocabSize(), c.embeddingSize(), c.hiddenSize(),
                c.numHiddenLayers(), c.numAttentionHeads(), c.intermediateSize(), c.maxPositionEmbeddings(),
                c.typeVocabSize(), c.sharingMode().cliName(), c.numHiddenGroups(), c.innerGroupNum(),
                c.hasProjection() ? "yes" : "no");
        row(out, "word embeddings V x E", b.wordEmbeddings());
        row(out, "position embeddings P x E", b.positionEmbeddings());
        row(out, "token type embeddings T x E", b.tokenTypeEmbeddings());
        row(out, "embedding LayerNorm", b.embeddingLayerNorm());
        row(out, "E->H projection", b.projection());
        row(out, "attention, one layer", b.attentionPerLayer());
        row(out, "FFN, one layer", b.ffnPerLayer());
        out.printf("  %-34s %,15d = %d x %,d + %d x %,d%n", "encoder (weight sets stored)", b.encoder(),
                b.attentionSets(), b.attentionPerLayer(), b.ffnSets(), b.ffnPerLayer());
        row(out, "pooler", b.pooler());
        if (b.mlmHead() > 0) row(out, "MLM head", b.mlmHead());
        if (b.sopHead() > 0) row(out, "SOP head", b.sopHead());
        row(out, "total", b.total());
        row(out, "without sharing", b.unsharedEquivalent());
        out.printf("  %-34s %,15d vs V x E + E x H = %,d (%.2fx smaller)%n", "embedding V x H", b.unfactorizedEmbedding(),
                b.factorizedEmbedding(), b.factorizationSaving());
        out.printf("  %-34s %,15.1f MB%n", "fp32 size", b.bytesFp32() / 1e6);
        out.printf("  %-34s %,15d (%,.0f per token at S=%d)%n", "forward FLOPs per sequence",
                b.flops().perSequence(), b.flops().perToken(), b.flops().sequenceLength());
        Presets.find(preset == null ? "" : preset).map(Preset::paperLabel)
                .ifPresent(l -> out.printf("  %-34s %15s%n", "paper's label (Table 1)", l));
        c.problems().stream().filter(p -> !p.kind().fatal())
                .forEach(p -> out.println("  warning: " + p.message()));
    }

    private static void row(PrintStream out, String label, long value) {
        out.printf("  %-34s %,15d%n", label, value);
    }
}
