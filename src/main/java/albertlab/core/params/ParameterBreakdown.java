package albertlab.core.params;

import albertlab.core.config.AlbertConfig;
import albertlab.core.params.ParameterCounter.Flops;

/**
 * Every parameter of one configuration, by where it lives. Per-layer figures are for one set of weights; the
 * {@code *Unique} figures multiply them by the number of distinct sets after sharing. {@code total} counts each
 * shared weight once (what is stored); {@code unsharedEquivalent} counts it once per layer application (what a
 * not-shared model of the same shape would store).
 */
public record ParameterBreakdown(
        AlbertConfig config,
        HeadSelection headSelection,
        long wordEmbeddings,        // V×E
        long positionEmbeddings,    // P×E
        long tokenTypeEmbeddings,   // T×E
        long embeddingLayerNorm,    // 2E
        long projection,            // E×H + H, or 0 without a projection
        long attentionPerLayer,     // 4(H×H + H) + 2H (Q, K, V, output dense, attention LayerNorm)
        long ffnPerLayer,           // H×I + I + I×H + H + 2H (FFN in, out, output LayerNorm)
        int attentionSets,          // distinct attention weight sets
        int ffnSets,                // distinct FFN weight sets
        long pooler,                // H×H + H
        long mlmHead,               // H×E + E + 2E + V (decoder tied to the word embeddings)
        long sopHead,               // 2H + 2
        long unfactorizedEmbedding, // V×H, what BERT stores for the word embeddings
        long factorizedEmbedding,   // V×E + E×H, the paper's factorization (bias not counted)
        Flops flops) {

    public long embeddings() {
        return wordEmbeddings + positionEmbeddings + tokenTypeEmbeddings + embeddingLayerNorm;
    }

    public long attentionUnique() {
        return attentionPerLayer * attentionSets;
    }

    public long ffnUnique() {
        return ffnPerLayer * ffnSets;
    }

    /** Attention and FFN weights as stored, after sharing. */
    public long encoder() {
        return attentionUnique() + ffnUnique();
    }

    /** The LayerNorm parameters among all the stored ones (embedding, attention and FFN LayerNorms, MLM head's). */
    public long layerNorms() {
        long h = config.hiddenSize();
        long e = config.embeddingSize();
        return embeddingLayerNorm + 2 * h * attentionSets + 2 * h * ffnSets + (headSelection.mlm() ? 2 * e : 0);
    }

    public long headParameters() {
        return mlmHead + sopHead;
    }

    /** Stored parameters: each shared weight once. */
    public long total() {
        return embeddings() + projection + encoder() + pooler + headParameters();
    }

    /** Parameters if every layer application had weights of its own. */
    public long unsharedEquivalent() {
        long applications = config.layerApplications();
        return embeddings() + projection + (attentionPerLayer + ffnPerLayer) * applications + pooler + headParameters();
    }

    public long bytesFp32() {
        return total() * Float.BYTES;
    }

    /** V×H / (V×E + E×H): how many times smaller the factorized word embedding is. */
    public double factorizationSaving() {
        return (double) unfactorizedEmbedding / factorizedEmbedding;
    }
}
