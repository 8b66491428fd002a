package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import albertlab.core.ops.Kernel;
import albertlab.core.ops.Kernels;
import albertlab.core.ops.SoftmaxOps;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A mini ALBERT with Hugging Face {@code AlbertModel} semantics (eval mode) plus ALBERT Lab's partial sharing
 * modes. Immutable once built, so one model may run forward passes on several threads at once.
 *
 * <p>Every Linear weight is packed for the matrix kernel when the model is built (Q, K and V of one attention slot
 * fused into one product); a forward pass then costs the products and little else.
 */
public final class AlbertModel {

    private final AlbertWeights weights;
    private final AlbertConfig config;
    private final Kernel kernel;
    private final FactorizedEmbedding embedding;
    private final List<AlbertLayer.PackedAttention> attention;
    private final List<AlbertLayer.PackedFfn> ffn;
    private final PretrainingHeads heads;

    private AlbertModel(AlbertWeights weights, Kernel kernel) {
        this.weights = weights;
        this.config = weights.config();
        this.kernel = kernel;
        this.embedding = new FactorizedEmbedding(kernel, config, weights.embeddings(), weights.projection());
        List<AlbertLayer.PackedAttention> a = new ArrayList<>();
        for (AlbertWeights.Attention w : weights.attention()) a.add(AlbertLayer.PackedAttention.of(kernel, w));
        List<AlbertLayer.PackedFfn> f = new ArrayList<>();
        for (AlbertWeights.Ffn w : weights.ffn()) f.add(AlbertLayer.PackedFfn.of(kernel, w));
        this.attention = List.copyOf(a);
        this.ffn = List.copyOf(f);
        this.heads = new PretrainingHeads(kernel, weights);
    }

    /** Checks every shape against the config and builds the model; IllegalArgumentException names the tensor. */
    public static AlbertModel create(AlbertWeights weights) {
        return create(weights, Kernels.best());
    }

    /** The same with a chosen kernel (tests compare the two kernels on whole models). */
    public static AlbertModel create(AlbertWeights weights, Kernel kernel) {
        WeightShapes.check(weights);
        return new AlbertModel(weights, kernel);
    }

    /** Fixed-seed weights drawn to look trained (not HF's 0.02 init, under which attention is almost uniform). */
    public static AlbertModel random(AlbertConfig config, long seed, boolean withHeads) {
        return create(RandomWeights.draw(config, seed, withHeads));
    }

    public AlbertConfig config() {
        return config;
    }

    public AlbertWeights weights() {
        return weights;
    }

    /** "vector-512" or "scalar": which matrix kernel this model runs on. */
    public String kernelName() {
        return kernel.name();
    }

    public boolean hasMlmHead() {
        return weights.mlmHead() != null;
    }

    public boolean hasSopHead() {
        return weights.sopClassifier() != null;
    }

    public ForwardTrace forward(ModelInput input) {
        return forward(input, ForwardOptions.DEFAULT);
    }

    public ForwardTrace forward(ModelInput input, ForwardOptions options) {
        long start = System.nanoTime();
        checkInput(input);
        int s = input.length();
        int h = config.hiddenSize();
        int a = config.numAttentionHeads();
        LayerSchedule schedule = LayerSchedule.of(config, options.extraLayers());
        float[] keyBias = SoftmaxOps.maskBias(input.mask());

        // embeddings [S][E] → hidden_states[0] [S][H]
        float[] embedded = embedding.embed(input);
        float[] hidden = embedding.project(embedded, s);

        List<float[][]> states = new ArrayList<>(schedule.size() + 1);
        List<float[][][]> attentions = new ArrayList<>(schedule.size());
        List<LayerSummary> summaries = new ArrayList<>(schedule.size());
        states.add(rows(hidden, s, h));
        AlbertLayer.Workspace workspace = new AlbertLayer.Workspace(s, config);
        for (LayerSchedule.Application app : schedule.applications()) {
            float[][][] probabilities = options.keepAttentions() ? new float[a][s][s] : null;
            float[] out = new float[s * h];
            AlbertLayer.forward(kernel, config, attention.get(app.attentionSlot()), ffn.get(app.ffnSlot()), hidden,
                    s, keyBias, workspace, out, probabilities);
            states.add(rows(out, s, h));
            if (probabilities != null) attentions.add(probabilities);
            summaries.add(LayerSummaries.of(kernel, hidden, out, s, h, input.mask()));
            hidden = out;
        }

        float[] pooled = heads.pool(hidden);
        float[][] mlm = options.computeMlm() && heads.hasMlm() ? mlmLogits(hidden, s, h, options) : null;
        float[] sop = heads.hasSop() && pooled != null ? heads.sopLogits(pooled) : null;
        double millis = (System.nanoTime() - start) / 1e6;
        return new ForwardTrace(input, schedule.applications(), rows(embedded, s, config.embeddingSize()),
                List.copyOf(states), List.copyOf(attentions), List.copyOf(summaries), pooled, mlm, sop, millis);
    }

    /** [S][V] with only the asked rows filled (the others null); every row when no rows are named. */
    private float[][] mlmLogits(float[] hidden, int s, int h, ForwardOptions options) {
        int v = config.vocabSize();
        if (options.mlmRows() == null) return rows(heads.mlmLogits(hidden, s), s, v);
        int[] wanted = IntStream.range(0, s).filter(t -> options.computesMlmRow(t, s)).toArray();
        // gather the asked rows [R][H], run the head on them only, scatter the [R][V] logits back
        float[] picked = new float[wanted.length * h];
        for (int i = 0; i < wanted.length; i++) System.arraycopy(hidden, wanted[i] * h, picked, i * h, h);
        float[] logits = heads.mlmLogits(picked, wanted.length);
        float[][] out = new float[s][];
        for (int i = 0; i < wanted.length; i++) {
            out[wanted[i]] = new float[v];
            System.arraycopy(logits, i * v, out[wanted[i]], 0, v);
        }
        return out;
    }

    private void checkInput(ModelInput input) {
        int s = input.length();
        if (s > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException(s + " tokens exceed max_position_embeddings "
                    + config.maxPositionEmbeddings());
        }
        for (int t = 0; t < s; t++) {
            int id = input.ids()[t];
            if (id < 0 || id >= config.vocabSize()) {
                throw new IllegalArgumentException("token " + t + ": id " + id + " is outside the vocabulary [0, "
                        + config.vocabSize() + ")");
            }
            int type = input.typeIds()[t];
            if (type < 0 || type >= config.typeVocabSize()) {
                throw new IllegalArgumentException("token " + t + ": type id " + type + " is outside [0, "
                        + config.typeVocabSize() + ")");
            }
            int m = input.mask()[t];
            if (m != 0 && m != 1) {
                throw new IllegalArgumentException("token " + t + ": attention mask " + m + " is neither 0 nor 1");
            }
        }
    }

    /** Row-major [rows × cols] as rows, each a copy. */
    private static float[][] rows(float[] flat, int rows, int cols) {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = new float[cols];
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }
}
