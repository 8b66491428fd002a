package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import albertlab.core.ops.Kernel;
import albertlab.core.ops.LayerNormOps;
import albertlab.core.ops.MatMulOps;
import albertlab.core.ops.PackedMatrix;

/**
 * ALBERT's factorized embedding: a V×E table (plus position and token type tables), LayerNorm over E, then the
 * E→H projection ({@code embedding_hidden_mapping_in}). Without a projection (E = H, BERT style) the LayerNorm
 * output is the first hidden state itself.
 */
final class FactorizedEmbedding {

    private final AlbertWeights.Embeddings weights;
    private final PackedMatrix projection;
    private final Kernel kernel;
    private final int embeddingSize;
    private final int hiddenSize;
    private final double eps;

    FactorizedEmbedding(Kernel kernel, AlbertConfig config, AlbertWeights.Embeddings weights,
                        AlbertWeights.Linear projection) {
        this.kernel = kernel;
        this.weights = weights;
        this.projection = projection == null ? null
                : MatMulOps.packLinear(kernel, projection.weight(), projection.bias());
        this.embeddingSize = config.embeddingSize();
        this.hiddenSize = config.hiddenSize();
        this.eps = config.layerNormEps();
    }

    /** [S][E] LayerNorm(word[id] + token_type[type] + position[t]), in Hugging Face's order of additions. */
    float[] embed(ModelInput input) {
        int s = input.length();
        int e = embeddingSize;
        float[] out = new float[s * e];
        sum(kernel, weights, input.ids(), input.typeIds(), s, out);
        LayerNormOps.forward(kernel, out, s, e, weights.layerNorm().gamma(), weights.layerNorm().beta(), eps, out,
                null);
        return out;
    }

    /**
     * out [N][E] = word[id] + token_type[type] + position[t mod S] for N = B·S stacked tokens, in Hugging Face's
     * order of additions (before the LayerNorm).
     */
    static void sum(Kernel kernel, AlbertWeights.Embeddings weights, int[] ids, int[] typeIds, int tokens,
                    float[] out) {
        int e = weights.word().numCols;
        float[] word = weights.word().data;
        float[] type = weights.tokenType().data;
        float[] position = weights.position().data;
        for (int t = 0; t < ids.length; t++) {
            kernel.add(word, ids[t] * e, type, typeIds[t] * e, out, t * e, e);
            kernel.add(out, t * e, position, (t % tokens) * e, out, t * e, e);
        }
    }

    /** [S][H] hidden_states[0]: the projection of the embeddings, or a copy of them when there is none. */
    float[] project(float[] embedded, int tokens) {
        if (projection == null) return embedded.clone();
        float[] out = new float[tokens * hiddenSize];
        MatMulOps.multiply(embedded, 0, embeddingSize, tokens, projection, out, 0, hiddenSize);
        return out;
    }
}
