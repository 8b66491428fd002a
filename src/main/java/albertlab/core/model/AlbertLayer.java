package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import albertlab.core.ops.ActivationOps;
import albertlab.core.ops.AttentionOps;
import albertlab.core.ops.Kernel;
import albertlab.core.ops.LayerNormOps;
import albertlab.core.ops.MatMulOps;
import albertlab.core.ops.PackedMatrix;
import org.ejml.data.FMatrixRMaj;

/**
 * One AlbertLayer application (Hugging Face {@code AlbertLayer}, eval mode): post-LN self-attention, then a
 * post-LN feed-forward block. The weights of one attention slot and one FFN slot are packed once, when the model
 * is built; the schedule pairs them per application.
 */
final class AlbertLayer {

    private AlbertLayer() {
    }

    /** An attention slot: Q, K, V fused into one [H][3H] product, then the output dense and its LayerNorm. */
    record PackedAttention(PackedMatrix qkv, PackedMatrix dense, float[] gamma, float[] beta) {
        static PackedAttention of(Kernel kernel, AlbertWeights.Attention w) {
            int h = w.query().out();
            int in = w.query().in();
            // PyTorch layout [out][in]: stacking the three weights row-wise gives the fused [3H][H] weight
            FMatrixRMaj fused = new FMatrixRMaj(3 * h, in);
            float[] bias = new float[3 * h];
            AlbertWeights.Linear[] parts = {w.query(), w.key(), w.value()};
            for (int p = 0; p < 3; p++) {
                System.arraycopy(parts[p].weight().data, 0, fused.data, p * h * in, h * in);
                System.arraycopy(parts[p].bias(), 0, bias, p * h, h);
            }
            return new PackedAttention(MatMulOps.packLinear(kernel, fused, bias),
                    MatMulOps.packLinear(kernel, w.dense().weight(), w.dense().bias()),
                    w.layerNorm().gamma(), w.layerNorm().beta());
        }
    }

    /** An FFN slot: {@code ffn} [I][H], {@code ffn_output} [H][I], {@code full_layer_layer_norm}. */
    record PackedFfn(PackedMatrix in, PackedMatrix out, float[] gamma, float[] beta) {
        static PackedFfn of(Kernel kernel, AlbertWeights.Ffn w) {
            return new PackedFfn(MatMulOps.packLinear(kernel, w.in().weight(), w.in().bias()),
                    MatMulOps.packLinear(kernel, w.out().weight(), w.out().bias()),
                    w.layerNorm().gamma(), w.layerNorm().beta());
        }
    }

    /** Scratch arrays of one forward pass, reused by every application. */
    static final class Workspace {
        final float[] qkv;
        final float[] context;
        final float[] attention;
        final float[] attended;
        final float[] intermediate;
        final float[] ffn;

        Workspace(int tokens, AlbertConfig config) {
            int h = config.hiddenSize();
            qkv = new float[tokens * 3 * h];
            context = new float[tokens * h];
            attention = new float[tokens * h];
            attended = new float[tokens * h];
            intermediate = new float[tokens * config.intermediateSize()];
            ffn = new float[tokens * h];
        }
    }

    /**
     * out [S][H] = AlbertLayer(x [S][H]).
     *
     * @param probabilities [A][S][S] filled with the attention probabilities, or null
     */
    static void forward(Kernel kernel, AlbertConfig config, PackedAttention att, PackedFfn ffn, float[] x,
                        int tokens, float[] keyBias, Workspace ws, float[] out, float[][][] probabilities) {
        int h = config.hiddenSize();
        int inner = config.intermediateSize();
        double eps = config.layerNormEps();
        // [q k v] = x [Wq Wk Wv]ᵀ + [bq bk bv]                                  [S][3H]
        MatMulOps.multiply(x, 0, h, tokens, att.qkv(), ws.qkv, 0, 3 * h);
        // context = softmax(q kᵀ/√d + mask) v, per head                          [S][H]
        AttentionOps.forward(kernel, ws.qkv, tokens, h, config.numAttentionHeads(), keyBias, ws.context,
                probabilities, null);
        // a = LayerNorm(x + context Wdᵀ + bd)                                      [S][H]
        MatMulOps.multiply(ws.context, 0, h, tokens, att.dense(), ws.attention, 0, h);
        LayerNormOps.forwardResidual(kernel, x, ws.attention, tokens, h, att.gamma(), att.beta(), eps,
                ws.attention, ws.attended, null);
        // f = act(a W1ᵀ + b1) W2ᵀ + b2                                             [S][I] → [S][H]
        MatMulOps.multiply(ws.attended, 0, h, tokens, ffn.in(), ws.intermediate, 0, inner);
        ActivationOps.forward(kernel, config.hiddenAct(), ws.intermediate, ws.intermediate, tokens * inner, null);
        MatMulOps.multiply(ws.intermediate, 0, inner, tokens, ffn.out(), ws.ffn, 0, h);
        // out = LayerNorm(f + a)
        LayerNormOps.forwardResidual(kernel, ws.ffn, ws.attended, tokens, h, ffn.gamma(), ffn.beta(), eps,
                ws.ffn, out, null);
    }
}
