package albertlab.core.session;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.Presets;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;

import java.util.Objects;

/**
 * The Parameter Explorer's inputs, named as in {@code ParameterExplorerViewModel}: V, E, H, L, A, I, whether I
 * follows 4H, the sharing mode, G and the projection convention.
 *
 * @param preset the preset the inputs started from, which supplies what the explorer has no control for (P, T,
 *               activation, inner groups); null means albert-base-v2's values
 * @param chart  the chart shown: one of {@link #CHARTS}
 */
public record ExplorerState(
        int vocab,
        int embedding,
        int hidden,
        int layers,
        int heads,
        int intermediate,
        boolean ffnLockedTo4H,
        SharingMode sharing,
        int groups,
        ProjectionConvention projection,
        String preset,
        String chart) {

    /** The explorer's charts, in its order: parameters by part, against layers, against compute. */
    public static final java.util.List<String> CHARTS = java.util.List.of("parts", "layers", "compute");

    /** The first chart. */
    public ExplorerState(int vocab, int embedding, int hidden, int layers, int heads, int intermediate,
                         boolean ffnLockedTo4H, SharingMode sharing, int groups, ProjectionConvention projection,
                         String preset) {
        this(vocab, embedding, hidden, layers, heads, intermediate, ffnLockedTo4H, sharing, groups, projection, preset,
                CHARTS.get(0));
    }

    /** These inputs showing another chart. */
    public ExplorerState withChart(String c) {
        return new ExplorerState(vocab, embedding, hidden, layers, heads, intermediate, ffnLockedTo4H, sharing, groups,
                projection, preset, c);
    }

    public ExplorerState {
        if (!CHARTS.contains(chart)) {
            throw new IllegalArgumentException("chart must be one of " + String.join(", ", CHARTS) + ", got \""
                    + chart + "\"");
        }
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(projection, "projection");
    }

    /**
     * The configuration these inputs describe, valid or not (check {@link AlbertConfig#problems()}).
     *
     * @throws IllegalArgumentException when {@code preset} names no known preset
     */
    public AlbertConfig config() {
        AlbertConfig base = preset == null ? AlbertConfig.builder().build() : Presets.require(preset).config();
        return base.toBuilder()
                .vocabSize(vocab).embeddingSize(embedding).hiddenSize(hidden)
                .numHiddenLayers(layers).numAttentionHeads(heads).intermediateSize(intermediate)
                .numHiddenGroups(groups).sharingMode(sharing).projection(projection).build();
    }
}
