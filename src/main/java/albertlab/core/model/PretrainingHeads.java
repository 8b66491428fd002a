package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import albertlab.core.ops.ActivationOps;
import albertlab.core.ops.Kernel;
import albertlab.core.ops.LayerNormOps;
import albertlab.core.ops.MatMulOps;
import albertlab.core.ops.PackedMatrix;

/**
 * What sits on top of the last hidden state: the pooler (tanh of a Linear on the first token), the masked-LM head
 * (dense H→E, activation, LayerNorm over E, then the decoder tied to the word embeddings) and the sentence-order
 * head (Linear H→2 on the pooled vector).
 */
final class PretrainingHeads {

    private final Kernel kernel;
    private final AlbertConfig config;
    private final PackedMatrix pooler;
    private final PackedMatrix mlmDense;
    private final AlbertWeights.Norm mlmNorm;
    private final PackedMatrix decoder;
    private final PackedMatrix sop;

    PretrainingHeads(Kernel kernel, AlbertWeights w) {
        this.kernel = kernel;
        this.config = w.config();
        this.pooler = w.pooler() == null ? null : MatMulOps.packLinear(kernel, w.pooler().weight(), w.pooler().bias());
        AlbertWeights.MaskedLmHead mlm = w.mlmHead();
        this.mlmDense = mlm == null ? null : MatMulOps.packLinear(kernel, mlm.dense().weight(), mlm.dense().bias());
        this.mlmNorm = mlm == null ? null : mlm.layerNorm();
        // tied decoder: logits = h_E · word_embeddingsᵀ + bias, i.e. a Linear whose weight [V][E] is the table
        this.decoder = mlm == null ? null : MatMulOps.packLinear(kernel, w.embeddings().word(), mlm.bias());
        this.sop = w.sopClassifier() == null ? null
                : MatMulOps.packLinear(kernel, w.sopClassifier().weight(), w.sopClassifier().bias());
    }

    /** [H] tanh(pooler(h[0])), or null for a model saved without a pooler. */
    float[] pool(float[] hidden) {
        if (pooler == null) return null;
        int h = config.hiddenSize();
        float[] out = new float[h];
        MatMulOps.multiply(hidden, 0, h, 1, pooler, out, 0, h);
        kernel.tanh(out, 0, out, 0, h);
        return out;
    }

    boolean hasMlm() {
        return decoder != null;
    }

    boolean hasSop() {
        return sop != null;
    }

    /** [S][V] logits = LayerNorm_E(act(h Wᵀ + b)) · word_embeddingsᵀ + bias. */
    float[] mlmLogits(float[] hidden, int tokens) {
        int h = config.hiddenSize();
        int e = config.embeddingSize();
        int v = config.vocabSize();
        float[] projected = new float[tokens * e];
        MatMulOps.multiply(hidden, 0, h, tokens, mlmDense, projected, 0, e);
        ActivationOps.forward(kernel, config.hiddenAct(), projected, projected, tokens * e, null);
        LayerNormOps.forward(kernel, projected, tokens, e, mlmNorm.gamma(), mlmNorm.beta(), config.layerNormEps(),
                projected, null);
        float[] logits = new float[tokens * v];
        MatMulOps.multiply(projected, 0, e, tokens, decoder, logits, 0, v);
        return logits;
    }

    /** [2] sentence-order logits from the pooled vector. */
    float[] sopLogits(float[] pooled) {
        float[] out = new float[2];
        MatMulOps.multiply(pooled, 0, pooled.length, 1, sop, out, 0, 2);
        return out;
    }
}
