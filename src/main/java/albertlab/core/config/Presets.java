package albertlab.core.config;

import java.util.List;
import java.util.Optional;

/**
 * The architectures a student can start from. Values are those of the Hugging Face {@code config.json} files of the
 * named checkpoints; the paper labels are Table 1 of Lan et al., "ALBERT", ICLR 2020.
 *
 * <p>albert_chinese_base is not here: its config could not be confirmed from a source we can cite, so it is left
 * out rather than guessed. albert_chinese_tiny's values are confirmed (see test resources' provenance).
 */
public final class Presets {

    private static final AlbertConfig ALBERT_BASE = AlbertConfig.builder().build();

    private static final AlbertConfig BERT_BASE = ALBERT_BASE.toBuilder()
            .vocabSize(30522).hiddenAct(Activation.GELU).bertStyle().build();

    private static final List<Preset> ALL = List.of(
            new Preset("albert-base-v2", ALBERT_BASE, "12M", "Hugging Face albert-base-v2"),
            new Preset("albert-large-v2", ALBERT_BASE.toBuilder()
                    .hiddenSize(1024).numHiddenLayers(24).numAttentionHeads(16).intermediateSize(4096).build(),
                    "18M", "Hugging Face albert-large-v2"),
            new Preset("albert-xlarge-v2", ALBERT_BASE.toBuilder()
                    .hiddenSize(2048).numHiddenLayers(24).numAttentionHeads(16).intermediateSize(8192).build(),
                    "60M", "Hugging Face albert-xlarge-v2"),
            new Preset("albert-xxlarge-v2", ALBERT_BASE.toBuilder()
                    .hiddenSize(4096).numHiddenLayers(12).numAttentionHeads(64).intermediateSize(16384).build(),
                    "235M", "Hugging Face albert-xxlarge-v2"),
            new Preset("bert-base-uncased", BERT_BASE, "108M", "Hugging Face bert-base-uncased"),
            new Preset("bert-large-uncased", BERT_BASE.toBuilder()
                    .hiddenSize(1024).embeddingSize(1024).numHiddenLayers(24).numAttentionHeads(16)
                    .intermediateSize(4096).build(),
                    "334M", "Hugging Face bert-large-uncased"),
            new Preset("seed-example", ALBERT_BASE.toBuilder().vocabSize(21000).build(), null,
                    "ALBERT Lab's example: V=21000, H=768, E=128, L=12"),
            new Preset("albert-chinese-tiny", ALBERT_BASE.toBuilder()
                    .vocabSize(21128).hiddenSize(312).intermediateSize(1248).numHiddenLayers(4)
                    .hiddenAct(Activation.GELU).build(),
                    null, "voidful/albert_chinese_tiny (Google albert_tiny_zh)"));

    private Presets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    public static Optional<Preset> find(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Preset require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown preset '" + name
                + "' (known: " + String.join(", ", ALL.stream().map(Preset::name).toList()) + ")"));
    }
}
