package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import albertlab.core.ops.ActivationOps;
import albertlab.core.ops.Kernel;
import albertlab.core.ops.LayerNormOps;
import albertlab.core.ops.MatMulOps;
import albertlab.core.ops.PackedMatrix;
import albertlab.core.ops.SoftmaxOps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One training step's arithmetic: {@code AlbertForPreTraining}'s forward pass on a batch of B sequences of S
 * tokens (N = B·S rows), its loss, and the gradient of that loss for every weight. Dropout is off, as in ALBERT's
 * configs.
 *
 * <p>Every application of the layer schedule keeps its own activations; a weight slot used by several
 * applications (all-shared, shared-attention, shared-FFN, groups, inner layers, extra repeats) adds up the
 * gradients of all of them. The MLM decoder is the word-embedding matrix and its bias is {@code predictions.bias},
 * so those gradients add up too. The MLM head runs on the target rows only: the other rows' logits do not enter
 * the loss.
 *
 * <p>Arrays are allocated for the first batch and reused while the shape stays the same. Not thread-safe: one
 * pass per training thread.
 */
public final class PretrainingPass {

    private final AlbertConfig config;
    private final Kernel kernel;
    private final LayerSchedule schedule;
    private final int e;
    private final int h;
    private final int v;

    private int sequences;
    private int tokens;
    private int[] ids;
    private int[] types;
    private float[] keyBias;
    private float[] embeddingSum;
    private final LayerNormOps.Cache embeddingNorm = new LayerNormOps.Cache();
    private float[] embedded;
    /** [n + 1][N·H]: [0] the projected embeddings, [t + 1] the output of application t. */
    private float[][] hidden;
    private AlbertLayer.Workspace[] workspaces;
    private AlbertLayer.BackwardScratch scratch;
    private float[] dHidden;
    private float[] dEmbedded;
    private final MatMulOps.Scratch linear = new MatMulOps.Scratch();
    private final MaskedLmRows mlm = new MaskedLmRows();
    private final SentenceOrderRows sop = new SentenceOrderRows();
    private Packed lastPacked;
    private float[] fused = new float[0];

    public PretrainingPass(AlbertConfig config, Kernel kernel, int extraLayers) {
        this.config = config.requireValid();
        this.kernel = kernel;
        this.schedule = LayerSchedule.of(config, extraLayers);
        this.e = config.embeddingSize();
        this.h = config.hiddenSize();
        this.v = config.vocabSize();
    }

    public AlbertConfig config() {
        return config;
    }

    public LayerSchedule schedule() {
        return schedule;
    }

    /** The loss of {@code weights} on the batch, without gradients. */
    public PretrainingLoss loss(AlbertWeights weights, PretrainingBatch batch) {
        return run(weights, batch, null);
    }

    /**
     * The loss, and its gradient added into {@code gradients} (same structure as {@code weights}; zero it first
     * for one step's gradient). Null gradients: forward only.
     */
    public PretrainingLoss run(AlbertWeights weights, PretrainingBatch batch, AlbertWeights gradients) {
        if (weights.config() != config && !weights.config().equals(config)) {
            throw new IllegalArgumentException("the weights are for another configuration");
        }
        if (weights.mlmHead() == null || weights.sopClassifier() == null || weights.pooler() == null) {
            throw new IllegalArgumentException("pre-training needs the MLM head, the pooler and the SOP head");
        }
        String problem = batch.problem(v, config.typeVocabSize(), config.maxPositionEmbeddings());
        if (problem != null) throw new IllegalArgumentException(problem);
        shape(batch.sequences(), batch.tokens());
        // the weights changed since the last step: pack them again, into the last step's storage
        Packed packed = new Packed(weights, lastPacked);
        lastPacked = packed;
        forward(weights, packed, batch);
        float[] last = hidden[schedule.size()];
        mlm.forward(packed, weights, batch, last);
        sop.forward(packed, batch, last);
        PretrainingLoss loss = new PretrainingLoss(mlm.loss, sop.loss, mlm.rows, mlm.correct, sequences, sop.correct);
        if (gradients != null) backward(weights, packed, gradients);
        return loss;
    }

    // ---- forward

    private void forward(AlbertWeights w, Packed packed, PretrainingBatch batch) {
        int s = tokens;
        for (int b = 0; b < sequences; b++) {
            System.arraycopy(batch.inputIds()[b], 0, ids, b * s, s);
            System.arraycopy(batch.tokenTypeIds()[b], 0, types, b * s, s);
            System.arraycopy(SoftmaxOps.maskBias(batch.attentionMask()[b]), 0, keyBias, b * s, s);
        }
        int n = sequences * s;
        // embeddings [N][E] = LayerNorm(word + type + position), then hidden[0] [N][H] = projection
        FactorizedEmbedding.sum(kernel, w.embeddings(), ids, types, s, embeddingSum);
        AlbertWeights.Norm norm = w.embeddings().layerNorm();
        LayerNormOps.forwardResidual(kernel, embeddingSum, null, n, e, norm.gamma(), norm.beta(),
                config.layerNormEps(), embeddingSum, embedded, embeddingNorm);
        if (packed.projection != null) {
            MatMulOps.multiply(embedded, 0, e, n, packed.projection, hidden[0], 0, h);
        } else {
            System.arraycopy(embedded, 0, hidden[0], 0, n * h);
        }
        for (LayerSchedule.Application app : schedule.applications()) {
            int t = app.index();
            AlbertLayer.forward(kernel, config, packed.attention.get(app.attentionSlot()),
                    packed.ffn.get(app.ffnSlot()), hidden[t], sequences, s, keyBias, workspaces[t], hidden[t + 1],
                    null);
        }
    }

    // ---- backward

    private void backward(AlbertWeights w, Packed packed, AlbertWeights g) {
        int n = sequences * tokens;
        Arrays.fill(dHidden, 0f);
        mlm.backward(packed, w, g, dHidden);
        sop.backward(packed, g, dHidden);
        for (int t = schedule.size() - 1; t >= 0; t--) {
            LayerSchedule.Application app = schedule.get(t);
            AlbertLayer.backward(kernel, config, packed.plainAttention.get(app.attentionSlot()),
                    packed.plainFfn.get(app.ffnSlot()), workspaces[t], sequences, tokens, dHidden, dHidden,
                    g.attention().get(app.attentionSlot()), g.ffn().get(app.ffnSlot()), scratch);
        }
        // hidden[0] = embedded Wpᵀ + bp
        if (packed.projection != null) {
            MatMulOps.linearBackward(kernel, embedded, n, e, dHidden, h, g.projection().weight().data,
                    g.projection().bias(), linear);
            MatMulOps.multiply(dHidden, 0, h, n, packed.plainProjection, dEmbedded, 0, e);
        } else {
            System.arraycopy(dHidden, 0, dEmbedded, 0, n * e);
        }
        AlbertWeights.Embeddings ge = g.embeddings();
        LayerNormOps.backward(kernel, embeddingNorm, w.embeddings().layerNorm().gamma(), dEmbedded, n, e, dEmbedded,
                ge.layerNorm().gamma(), ge.layerNorm().beta());
        // the three tables: each row a token used collects its gradient (in token order, so runs repeat exactly)
        float[] word = ge.word().data;
        float[] type = ge.tokenType().data;
        float[] position = ge.position().data;
        for (int t = 0; t < n; t++) {
            kernel.add(word, ids[t] * e, dEmbedded, t * e, word, ids[t] * e, e);
            kernel.add(type, types[t] * e, dEmbedded, t * e, type, types[t] * e, e);
            int p = (t % tokens) * e;
            kernel.add(position, p, dEmbedded, t * e, position, p, e);
        }
    }

    private void shape(int b, int s) {
        if (b == sequences && s == tokens) return;
        sequences = b;
        tokens = s;
        int n = b * s;
        ids = new int[n];
        types = new int[n];
        keyBias = new float[n];
        embeddingSum = new float[n * e];
        embedded = new float[n * e];
        hidden = new float[schedule.size() + 1][n * h];
        workspaces = new AlbertLayer.Workspace[schedule.size()];
        for (int t = 0; t < workspaces.length; t++) workspaces[t] = new AlbertLayer.Workspace(n, config, true);
        scratch = new AlbertLayer.BackwardScratch(n, config);
        dHidden = new float[n * h];
        dEmbedded = new float[n * Math.max(e, h)];
    }

    /**
     * Multiply-add FLOPs (2 per multiply-add) of the forward pass's matrix products on B × S tokens with M masked-LM
     * targets: E→H projection, per application q k v, scores, context, output dense and the FFN, then pooler, SOP
     * and the MLM head on the targets only. The backward pass does twice this (dX and dW for every product).
     */
    public static long forwardMatMulFlops(AlbertConfig config, int extraLayers, int sequences, int tokens,
                                          int targets) {
        long n = (long) sequences * tokens;
        long e = config.embeddingSize();
        long h = config.hiddenSize();
        long i = config.intermediateSize();
        long v = config.vocabSize();
        long apps = LayerSchedule.of(config, extraLayers).size();
        long projection = config.hasProjection() ? 2 * n * e * h : 0;
        long perApplication = 2 * n * h * 3 * h + 2 * 2 * sequences * (long) tokens * tokens * h + 2 * n * h * h
                + 2 * 2 * n * h * i;
        long heads = 2L * sequences * h * h + 2L * sequences * h * 2 + 2L * targets * (h * e + e * v);
        return projection + apps * perApplication + heads;
    }

    /** Floats of activations and scratch a pass keeps for B × S tokens, for memory estimates (weights excluded). */
    public static long activationFloats(AlbertConfig config, int extraLayers, int sequences, int tokens) {
        LayerSchedule schedule = LayerSchedule.of(config, extraLayers);
        long n = (long) sequences * tokens;
        long h = config.hiddenSize();
        long perApplication = AlbertLayer.Workspace.floats((int) n, config, true) + n * h
                + (long) sequences * config.numAttentionHeads() * tokens * tokens + 4 * n;
        long scratchFloats = n * (7 * h + config.intermediateSize());
        return schedule.size() * perApplication + scratchFloats + n * 3L * config.embeddingSize();
    }

    /** Each weight packed for this step: Wᵀ for the forward products, W as it is for the backward ones. */
    private final class Packed {
        final PackedMatrix projection;
        final PackedMatrix plainProjection;
        final List<AlbertLayer.PackedAttention> attention = new ArrayList<>();
        final List<AlbertLayer.PackedFfn> ffn = new ArrayList<>();
        final List<AlbertLayer.PlainAttention> plainAttention = new ArrayList<>();
        final List<AlbertLayer.PlainFfn> plainFfn = new ArrayList<>();
        final PackedMatrix mlmDense;
        final PackedMatrix plainMlmDense;
        final PackedMatrix decoder;
        final PackedMatrix plainDecoder;
        final PackedMatrix pooler;
        final PackedMatrix plainPooler;
        final PackedMatrix sop;
        final PackedMatrix plainSop;

        Packed(AlbertWeights w, Packed last) {
            AlbertWeights.Linear p = w.projection();
            projection = p == null ? null : MatMulOps.repackLinear(kernel, last == null ? null : last.projection,
                    p.weight().data, h, e, p.bias());
            plainProjection = p == null ? null : MatMulOps.repackPlain(kernel,
                    last == null ? null : last.plainProjection, p.weight().data, h, e);
            if (fused.length < 3 * h * h) fused = new float[3 * h * h];
            for (int k = 0; k < w.attention().size(); k++) {
                AlbertWeights.Attention a = w.attention().get(k);
                attention.add(AlbertLayer.PackedAttention.of(kernel, a, last == null ? null : last.attention.get(k), fused));
                plainAttention.add(AlbertLayer.PlainAttention.of(kernel, a,
                        last == null ? null : last.plainAttention.get(k), fused));
            }
            for (int k = 0; k < w.ffn().size(); k++) {
                AlbertWeights.Ffn f = w.ffn().get(k);
                ffn.add(AlbertLayer.PackedFfn.of(kernel, f, last == null ? null : last.ffn.get(k)));
                plainFfn.add(AlbertLayer.PlainFfn.of(kernel, f, last == null ? null : last.plainFfn.get(k)));
            }
            AlbertWeights.MaskedLmHead m = w.mlmHead();
            float[] word = w.embeddings().word().data;
            mlmDense = MatMulOps.repackLinear(kernel, last == null ? null : last.mlmDense, m.dense().weight().data, e,
                    h, m.dense().bias());
            plainMlmDense = MatMulOps.repackPlain(kernel, last == null ? null : last.plainMlmDense,
                    m.dense().weight().data, e, h);
            decoder = MatMulOps.repackLinear(kernel, last == null ? null : last.decoder, word, v, e, m.bias());
            plainDecoder = MatMulOps.repackPlain(kernel, last == null ? null : last.plainDecoder, word, v, e);
            AlbertWeights.Linear pool = w.pooler();
            pooler = MatMulOps.repackLinear(kernel, last == null ? null : last.pooler, pool.weight().data, h, h,
                    pool.bias());
            plainPooler = MatMulOps.repackPlain(kernel, last == null ? null : last.plainPooler, pool.weight().data, h, h);
            AlbertWeights.Linear so = w.sopClassifier();
            sop = MatMulOps.repackLinear(kernel, last == null ? null : last.sop, so.weight().data, 2, h, so.bias());
            plainSop = MatMulOps.repackPlain(kernel, last == null ? null : last.plainSop, so.weight().data, 2, h);
        }
    }

    /**
     * The masked-LM head on the M target rows: gathered [M][H] → dense [M][E] → act → LayerNorm_E → logits [M][V]
     * against the tied word embeddings.
     */
    private final class MaskedLmRows {
        int rows;
        int[] at = new int[0];
        int[] target = new int[0];
        float[] gathered = new float[0];
        float[] pre = new float[0];
        float[] activated = new float[0];
        float[] normed = new float[0];
        float[] logits = new float[0];
        float[] dNormed = new float[0];
        float[] dGathered = new float[0];
        final ActivationOps.Cache activation = new ActivationOps.Cache();
        final LayerNormOps.Cache norm = new LayerNormOps.Cache();
        double loss;
        int correct;

        void forward(Packed packed, AlbertWeights w, PretrainingBatch batch, float[] last) {
            int m = batch.targets();
            rows = m;
            if (at.length < m) {
                at = new int[m];
                target = new int[m];
            }
            if (gathered.length < m * h) {
                gathered = new float[m * h];
                dGathered = new float[m * h];
            }
            if (pre.length < m * e) {
                pre = new float[m * e];
                activated = new float[m * e];
                normed = new float[m * e];
                dNormed = new float[m * e];
            }
            if (logits.length < (long) m * v) logits = new float[m * v];
            int r = 0;
            for (int b = 0; b < sequences; b++) {
                for (int t = 0; t < tokens; t++) {
                    int label = batch.labels()[b][t];
                    if (label == PretrainingBatch.IGNORED) continue;
                    at[r] = b * tokens + t;
                    target[r] = label;
                    System.arraycopy(last, at[r] * h, gathered, r * h, h);
                    r++;
                }
            }
            loss = 0;
            correct = 0;
            if (m == 0) return; // no targets: no masked-LM loss (Hugging Face would give NaN for the empty mean)
            // LayerNorm_E(act(gathered Wdᵀ + bd)) · wordᵀ + bias                   [M][E] → [M][V]
            MatMulOps.multiply(gathered, 0, h, m, packed.mlmDense, pre, 0, e);
            ActivationOps.forward(kernel, config.hiddenAct(), pre, activated, m * e, activation);
            AlbertWeights.Norm n = w.mlmHead().layerNorm();
            LayerNormOps.forwardResidual(kernel, activated, null, m, e, n.gamma(), n.beta(), config.layerNormEps(),
                    activated, normed, norm);
            MatMulOps.multiply(normed, 0, e, m, packed.decoder, logits, 0, v);
            // cross-entropy, and in place its gradient (softmax − one-hot) / M
            double sum = 0;
            for (int i = 0; i < m; i++) {
                int o = i * v;
                int best = 0;
                for (int j = 1; j < v; j++) if (logits[o + j] > logits[o + best]) best = j;
                if (best == target[i]) correct++;
                float max = logits[o + best];
                float picked = logits[o + target[i]];
                float z = kernel.expShifted(logits, o, v, max);
                sum += Math.log(z) - (picked - max);
                kernel.scale(logits, o, v, 1f / (z * m));
                logits[o + target[i]] -= 1f / m;
            }
            loss = sum / m;
        }

        void backward(Packed packed, AlbertWeights w, AlbertWeights g, float[] dLast) {
            int m = rows;
            if (m == 0) return;
            AlbertWeights.MaskedLmHead gm = g.mlmHead();
            // logits = normed · wordᵀ + bias: the tied decoder adds into the word embeddings' gradient
            MatMulOps.linearBackward(kernel, normed, m, e, logits, v, g.embeddings().word().data, gm.bias(), linear);
            MatMulOps.multiply(logits, 0, v, m, packed.plainDecoder, dNormed, 0, e);
            LayerNormOps.backward(kernel, norm, w.mlmHead().layerNorm().gamma(), dNormed, m, e, dNormed,
                    gm.layerNorm().gamma(), gm.layerNorm().beta());
            ActivationOps.backward(kernel, config.hiddenAct(), activation, dNormed, dNormed, m * e);
            MatMulOps.linearBackward(kernel, gathered, m, h, dNormed, e, gm.dense().weight().data, gm.dense().bias(),
                    linear);
            MatMulOps.multiply(dNormed, 0, e, m, packed.plainMlmDense, dGathered, 0, h);
            for (int i = 0; i < m; i++) kernel.add(dLast, at[i] * h, dGathered, i * h, dLast, at[i] * h, h);
        }
    }

    /** The sentence-order head: pooled [B][H] = tanh(first token Wpᵀ + bp), logits [B][2]. */
    private final class SentenceOrderRows {
        float[] first = new float[0];
        float[] pooled = new float[0];
        float[] logits = new float[0];
        float[] dPooled = new float[0];
        float[] dFirst = new float[0];
        int[] label = new int[0];
        double loss;
        int correct;

        void forward(Packed packed, PretrainingBatch batch, float[] last) {
            int b = sequences;
            if (first.length != b * h) {
                first = new float[b * h];
                pooled = new float[b * h];
                dPooled = new float[b * h];
                dFirst = new float[b * h];
                logits = new float[b * 2];
                label = new int[b];
            }
            for (int i = 0; i < b; i++) System.arraycopy(last, i * tokens * h, first, i * h, h);
            MatMulOps.multiply(first, 0, h, b, packed.pooler, pooled, 0, h);
            kernel.tanh(pooled, 0, pooled, 0, b * h);
            MatMulOps.multiply(pooled, 0, h, b, packed.sop, logits, 0, 2);
            double sum = 0;
            correct = 0;
            for (int i = 0; i < b; i++) {
                label[i] = batch.sentenceOrderLabel()[i];
                float a = logits[2 * i];
                float c = logits[2 * i + 1];
                if ((c > a ? 1 : 0) == label[i]) correct++;
                double max = Math.max(a, c);
                double z = Math.exp(a - max) + Math.exp(c - max);
                sum += Math.log(z) + max - (label[i] == 0 ? a : c);
                // softmax − one-hot, over the mean's B
                logits[2 * i] = (float) ((Math.exp(a - max) / z - (label[i] == 0 ? 1 : 0)) / b);
                logits[2 * i + 1] = (float) ((Math.exp(c - max) / z - (label[i] == 1 ? 1 : 0)) / b);
            }
            loss = sum / b;
        }

        void backward(Packed packed, AlbertWeights g, float[] dLast) {
            int b = sequences;
            MatMulOps.linearBackward(kernel, pooled, b, h, logits, 2, g.sopClassifier().weight().data,
                    g.sopClassifier().bias(), linear);
            MatMulOps.multiply(logits, 0, 2, b, packed.plainSop, dPooled, 0, h);
            // tanh' = 1 − tanh²
            for (int i = 0; i < b * h; i++) dPooled[i] *= 1 - pooled[i] * pooled[i];
            MatMulOps.linearBackward(kernel, first, b, h, dPooled, h, g.pooler().weight().data, g.pooler().bias(),
                    linear);
            MatMulOps.multiply(dPooled, 0, h, b, packed.plainPooler, dFirst, 0, h);
            for (int i = 0; i < b; i++) kernel.add(dLast, i * tokens * h, dFirst, i * h, dLast, i * tokens * h, h);
        }
    }
}
