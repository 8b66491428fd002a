package albertlab.viewmodel.explorer;

import albertlab.core.params.ParameterBreakdown;

import java.util.List;

/**
 * A breakdown cut into parts that add up to its total with nothing counted twice, for the stacked chart and the
 * CSV: the LayerNorm weights, which the counter keeps inside embeddings, attention and FFN, are moved into a part
 * of their own.
 */
public record StackedParts(long embeddings, long projection, long attention, long ffn, long layerNorm, long pooler) {

    /** i18n suffixes of the parts, in stacking order. */
    public static final List<String> IDS = List.of("embeddings", "projection", "attention", "ffn", "layerNorm", "pooler");

    public static StackedParts of(ParameterBreakdown b) {
        long h = b.config().hiddenSize();
        return new StackedParts(
                b.embeddings() - b.embeddingLayerNorm(),
                b.projection(),
                b.attentionUnique() - 2 * h * b.attentionSets(),
                b.ffnUnique() - 2 * h * b.ffnSets(),
                b.layerNorms(),
                b.pooler() + b.headParameters());
    }

    public List<Long> values() {
        return List.of(embeddings, projection, attention, ffn, layerNorm, pooler);
    }

    public long total() {
        return embeddings + projection + attention + ffn + layerNorm + pooler;
    }
}
