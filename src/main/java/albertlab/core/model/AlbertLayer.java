package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import albertlab.core.ops.ActivationOps;
import albertlab.core.ops.AttentionOps;
import albertlab.core.ops.Kernel;
import albertlab.core.ops.LayerNormOps;
import albertlab.core.ops.MatMulOps;
import albertlab.core.ops.PackedMatrix;
import org.ejml.data.FMatrixRMaj;

import java.util.Arrays;

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
            return of(kernel, w, null, new float[3 * w.query().out() * w.query().in()]);
        }

        /** Packs into {@code previous}'s storage where it fits; {@code fused} is [3H × H] scratch. */
        static PackedAttention of(Kernel kernel, AlbertWeights.Attention w, PackedAttention previous, float[] fused) {
            int h = w.query().out();
            int in = w.query().in();
            // PyTorch layout [out][in]: stacking the three weights row-wise gives the fused [3H][H] weight
            float[] bias = new float[3 * h];
            AlbertWeights.Linear[] parts = {w.query(), w.key(), w.value()};
            for (int p = 0; p < 3; p++) {
                System.arraycopy(parts[p].weight().data, 0, fused, p * h * in, h * in);
                System.arraycopy(parts[p].bias(), 0, bias, p * h, h);
            }
            AlbertWeights.Linear d = w.dense();
            return new PackedAttention(
                    MatMulOps.repackLinear(kernel, previous == null ? null : previous.qkv, fused, 3 * h, in, bias),
                    MatMulOps.repackLinear(kernel, previous == null ? null : previous.dense, d.weight().data, h, h,
                            d.bias()),
                    w.layerNorm().gamma(), w.layerNorm().beta());
        }
    }

    /** An FFN slot: {@code ffn} [I][H], {@code ffn_output} [H][I], {@code full_layer_layer_norm}. */
    record PackedFfn(PackedMatrix in, PackedMatrix out, float[] gamma, float[] beta) {
        static PackedFfn of(Kernel kernel, AlbertWeights.Ffn w) {
            return of(kernel, w, null);
        }

        static PackedFfn of(Kernel kernel, AlbertWeights.Ffn w, PackedFfn previous) {
            AlbertWeights.Linear a = w.in();
            AlbertWeights.Linear b = w.out();
            return new PackedFfn(
                    MatMulOps.repackLinear(kernel, previous == null ? null : previous.in, a.weight().data, a.out(),
                            a.in(), a.bias()),
                    MatMulOps.repackLinear(kernel, previous == null ? null : previous.out, b.weight().data, b.out(),
                            b.in(), b.bias()),
                    w.layerNorm().gamma(), w.layerNorm().beta());
        }
    }

    /** The backward pass's view of the same slots: each weight as it is ([out][in]), for dX = dY · W. */
    record PlainAttention(PackedMatrix qkv, PackedMatrix dense, float[] gamma) {
        static PlainAttention of(Kernel kernel, AlbertWeights.Attention w, PlainAttention previous, float[] fused) {
            int h = w.query().out();
            int in = w.query().in();
            AlbertWeights.Linear[] parts = {w.query(), w.key(), w.value()};
            for (int p = 0; p < 3; p++) System.arraycopy(parts[p].weight().data, 0, fused, p * h * in, h * in);
            return new PlainAttention(
                    MatMulOps.repackPlain(kernel, previous == null ? null : previous.qkv, fused, 3 * h, in),
                    MatMulOps.repackPlain(kernel, previous == null ? null : previous.dense, w.dense().weight().data,
                            h, h),
                    w.layerNorm().gamma());
        }
    }

    /** The FFN slot's weights as they are, for the backward pass. */
    record PlainFfn(PackedMatrix in, PackedMatrix out, float[] gamma) {
        static PlainFfn of(Kernel kernel, AlbertWeights.Ffn w, PlainFfn previous) {
            return new PlainFfn(
                    MatMulOps.repackPlain(kernel, previous == null ? null : previous.in, w.in().weight().data,
                            w.in().out(), w.in().in()),
                    MatMulOps.repackPlain(kernel, previous == null ? null : previous.out, w.out().weight().data,
                            w.out().out(), w.out().in()),
                    w.layerNorm().gamma());
        }
    }

    /**
     * The arrays of one application. Inference shares one workspace across all applications (the activation runs
     * in place, nothing is cached); training gives each application its own, reused from step to step, and keeps
     * in it what the backward pass needs: the input, q k v, the probabilities, the context, both residual sums with
     * their LayerNorm statistics, the attended rows, and the FFN's pre- and post-activation rows.
     */
    static final class Workspace {
        final float[] qkv;
        final float[] context;
        final float[] attention;
        final float[] attended;
        final float[] intermediate;
        final float[] activated;
        final float[] ffn;
        final AttentionOps.Cache attentionCache;
        final LayerNormOps.Cache attentionNorm;
        final ActivationOps.Cache activation;
        final LayerNormOps.Cache outputNorm;
        float[] input;

        Workspace(int tokens, AlbertConfig config) {
            this(tokens, config, false);
        }

        Workspace(int tokens, AlbertConfig config, boolean training) {
            int h = config.hiddenSize();
            qkv = new float[tokens * 3 * h];
            context = new float[tokens * h];
            attention = new float[tokens * h];
            attended = new float[tokens * h];
            intermediate = new float[tokens * config.intermediateSize()];
            activated = training ? new float[tokens * config.intermediateSize()] : intermediate;
            ffn = new float[tokens * h];
            attentionCache = training ? new AttentionOps.Cache() : null;
            attentionNorm = training ? new LayerNormOps.Cache() : null;
            activation = training ? new ActivationOps.Cache() : null;
            outputNorm = training ? new LayerNormOps.Cache() : null;
        }

        boolean training() {
            return attentionCache != null;
        }

        /** Floats this workspace holds, for memory estimates. */
        static long floats(int tokens, AlbertConfig config, boolean training) {
            long h = config.hiddenSize();
            long i = config.intermediateSize();
            long perToken = 3 * h + 4 * h + (training ? 2 : 1) * i;
            return tokens * perToken;
        }
    }

    /** Scratch arrays of one backward pass, shared by every application. */
    static final class BackwardScratch {
        final float[] dOutputSum;
        final float[] dActivated;
        final float[] dAttended;
        final float[] dAttentionSum;
        final float[] dContext;
        final float[] dQkv;
        final float[] fusedWeightGradient;
        final float[] fusedBiasGradient;
        final MatMulOps.Scratch linear = new MatMulOps.Scratch();

        BackwardScratch(int tokens, AlbertConfig config) {
            int h = config.hiddenSize();
            dOutputSum = new float[tokens * h];
            dActivated = new float[tokens * config.intermediateSize()];
            dAttended = new float[tokens * h];
            dAttentionSum = new float[tokens * h];
            dContext = new float[tokens * h];
            dQkv = new float[tokens * 3 * h];
            fusedWeightGradient = new float[3 * h * h];
            fusedBiasGradient = new float[3 * h];
        }
    }

    /**
     * out [S][H] = AlbertLayer(x [S][H]) for one sequence.
     *
     * @param probabilities [A][S][S] filled with the attention probabilities, or null
     */
    static void forward(Kernel kernel, AlbertConfig config, PackedAttention att, PackedFfn ffn, float[] x,
                        int tokens, float[] keyBias, Workspace ws, float[] out, float[][][] probabilities) {
        forward(kernel, config, att, ffn, x, 1, tokens, keyBias, ws, out, probabilities);
    }

    /**
     * out [B·S][H] = AlbertLayer(x [B·S][H]) for B sequences of S tokens; a training workspace keeps what
     * {@link #backward} needs (x itself is kept by reference: the caller must not overwrite it).
     */
    static void forward(Kernel kernel, AlbertConfig config, PackedAttention att, PackedFfn ffn, float[] x,
                        int sequences, int tokens, float[] keyBias, Workspace ws, float[] out,
                        float[][][] probabilities) {
        int h = config.hiddenSize();
        int inner = config.intermediateSize();
        int n = sequences * tokens;
        double eps = config.layerNormEps();
        ws.input = ws.training() ? x : null;
        // [q k v] = x [Wq Wk Wv]ᵀ + [bq bk bv]                                  [N][3H]
        MatMulOps.multiply(x, 0, h, n, att.qkv(), ws.qkv, 0, 3 * h);
        // context = softmax(q kᵀ/√d + mask) v, per sequence and head              [N][H]
        AttentionOps.forward(kernel, ws.qkv, sequences, tokens, h, config.numAttentionHeads(), keyBias, ws.context,
                probabilities, ws.attentionCache);
        // a = LayerNorm(x + context Wdᵀ + bd)                                      [N][H]
        MatMulOps.multiply(ws.context, 0, h, n, att.dense(), ws.attention, 0, h);
        LayerNormOps.forwardResidual(kernel, x, ws.attention, n, h, att.gamma(), att.beta(), eps,
                ws.attention, ws.attended, ws.attentionNorm);
        // f = act(a W1ᵀ + b1) W2ᵀ + b2                                             [N][I] → [N][H]
        MatMulOps.multiply(ws.attended, 0, h, n, ffn.in(), ws.intermediate, 0, inner);
        ActivationOps.forward(kernel, config.hiddenAct(), ws.intermediate, ws.activated, n * inner, ws.activation);
        MatMulOps.multiply(ws.activated, 0, inner, n, ffn.out(), ws.ffn, 0, h);
        // out = LayerNorm(f + a)
        LayerNormOps.forwardResidual(kernel, ws.ffn, ws.attended, n, h, ffn.gamma(), ffn.beta(), eps,
                ws.ffn, out, ws.outputNorm);
    }

    /**
     * Backward of one application given dL/dout [N][H]: writes dL/dx into {@code dX} and adds the weight gradients
     * into the slots' gradient sets {@code gAtt} and {@code gFfn} (shared slots collect every application's).
     * {@code dX} may be {@code dOut}.
     */
    static void backward(Kernel kernel, AlbertConfig config, PlainAttention att, PlainFfn ffn, Workspace ws,
                         int sequences, int tokens, float[] dOut, float[] dX, AlbertWeights.Attention gAtt,
                         AlbertWeights.Ffn gFfn, BackwardScratch g) {
        int h = config.hiddenSize();
        int inner = config.intermediateSize();
        int n = sequences * tokens;
        // out = LN2(f + a): dz2 reaches f and, through the residual, a                [N][H]
        LayerNormOps.backward(kernel, ws.outputNorm, ffn.gamma(), dOut, n, h, g.dOutputSum,
                gFfn.layerNorm().gamma(), gFfn.layerNorm().beta());
        // f = act(pre) W2ᵀ + b2: dW2 += dz2ᵀ act, d act = dz2 W2                      [N][I]
        MatMulOps.linearBackward(kernel, ws.activated, n, inner, g.dOutputSum, h, gFfn.out().weight().data,
                gFfn.out().bias(), g.linear);
        MatMulOps.multiply(g.dOutputSum, 0, h, n, ffn.out(), g.dActivated, 0, inner);
        ActivationOps.backward(kernel, config.hiddenAct(), ws.activation, g.dActivated, g.dActivated, n * inner);
        // pre = a W1ᵀ + b1: dW1 += d preᵀ a; da = d pre W1 + dz2 (residual)             [N][H]
        MatMulOps.linearBackward(kernel, ws.attended, n, h, g.dActivated, inner, gFfn.in().weight().data,
                gFfn.in().bias(), g.linear);
        MatMulOps.multiply(g.dActivated, 0, inner, n, ffn.in(), g.dAttended, 0, h);
        kernel.add(g.dAttended, 0, g.dOutputSum, 0, g.dAttended, 0, n * h);
        // a = LN1(x + context Wdᵀ + bd): dz1 reaches the dense output and, through the residual, x
        LayerNormOps.backward(kernel, ws.attentionNorm, att.gamma(), g.dAttended, n, h, g.dAttentionSum,
                gAtt.layerNorm().gamma(), gAtt.layerNorm().beta());
        MatMulOps.linearBackward(kernel, ws.context, n, h, g.dAttentionSum, h, gAtt.dense().weight().data,
                gAtt.dense().bias(), g.linear);
        MatMulOps.multiply(g.dAttentionSum, 0, h, n, att.dense(), g.dContext, 0, h);
        // attention: d context → d q, d k, d v                                        [N][3H]
        AttentionOps.backward(kernel, ws.qkv, sequences, tokens, h, config.numAttentionHeads(), ws.attentionCache,
                g.dContext, g.dQkv);
        // [q k v] = x [Wq Wk Wv]ᵀ + b: the fused gradient [3H][H] splits back into the three weights
        Arrays.fill(g.fusedWeightGradient, 0f);
        Arrays.fill(g.fusedBiasGradient, 0f);
        MatMulOps.linearBackward(kernel, ws.input, n, h, g.dQkv, 3 * h, g.fusedWeightGradient, g.fusedBiasGradient,
                g.linear);
        AlbertWeights.Linear[] parts = {gAtt.query(), gAtt.key(), gAtt.value()};
        for (int p = 0; p < 3; p++) {
            kernel.add(parts[p].weight().data, 0, g.fusedWeightGradient, p * h * h, parts[p].weight().data, 0, h * h);
            kernel.add(parts[p].bias(), 0, g.fusedBiasGradient, p * h, parts[p].bias(), 0, h);
        }
        // dx = d qkv [Wq Wk Wv] + dz1 (residual)
        MatMulOps.multiply(g.dQkv, 0, 3 * h, n, att.qkv(), dX, 0, h);
        kernel.add(dX, 0, g.dAttentionSum, 0, dX, 0, n * h);
    }
}
