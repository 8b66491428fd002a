package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import org.ejml.data.FMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The weights a pre-training run starts from, as Hugging Face's {@code _init_weights} draws them: every Linear
 * weight and embedding table N(0, initializer_range²), every bias 0, LayerNorm γ = 1 and β = 0. Drawn in one fixed
 * order from one seed, so a run is reproducible.
 */
public final class InitialWeights {

    public static final double INITIALIZER_RANGE = 0.02;

    private final SplittableRandom random;
    private final double range;

    private InitialWeights(long seed, double range) {
        this.random = new SplittableRandom(seed);
        this.range = range;
    }

    /** Weights with the MLM head, the pooler and the SOP head. */
    public static AlbertWeights draw(AlbertConfig config, long seed) {
        return draw(config, seed, INITIALIZER_RANGE);
    }

    /** The same with another standard deviation ({@code initializer_range} in a Hugging Face config). */
    public static AlbertWeights draw(AlbertConfig config, long seed, double initializerRange) {
        config.requireValid();
        if (!(initializerRange > 0) || !Double.isFinite(initializerRange)) {
            throw new IllegalArgumentException("--init-range must be a positive number, got " + initializerRange);
        }
        return new InitialWeights(seed, initializerRange).draw(config);
    }

    private AlbertWeights draw(AlbertConfig c) {
        int v = c.vocabSize();
        int e = c.embeddingSize();
        int h = c.hiddenSize();
        int i = c.intermediateSize();
        LayerSchedule schedule = LayerSchedule.of(c);
        AlbertWeights.Embeddings embeddings = new AlbertWeights.Embeddings(matrix(v, e),
                matrix(c.maxPositionEmbeddings(), e), matrix(c.typeVocabSize(), e), norm(e));
        AlbertWeights.Linear projection = c.hasProjection() ? linear(h, e) : null;
        List<AlbertWeights.Attention> attention = new ArrayList<>();
        for (int s = 0; s < schedule.attentionSlots(); s++) {
            attention.add(new AlbertWeights.Attention(linear(h, h), linear(h, h), linear(h, h), linear(h, h),
                    norm(h)));
        }
        List<AlbertWeights.Ffn> ffn = new ArrayList<>();
        for (int s = 0; s < schedule.ffnSlots(); s++) ffn.add(new AlbertWeights.Ffn(linear(i, h), linear(h, i), norm(h)));
        AlbertWeights.MaskedLmHead mlm = new AlbertWeights.MaskedLmHead(linear(e, h), norm(e), new float[v]);
        return new AlbertWeights(c, embeddings, projection, attention, ffn, linear(h, h), mlm, linear(2, h));
    }

    private FMatrixRMaj matrix(int rows, int cols) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) m.data[k] = (float) (random.nextGaussian() * range);
        return m;
    }

    private AlbertWeights.Linear linear(int out, int in) {
        return new AlbertWeights.Linear(matrix(out, in), new float[out]);
    }

    private static AlbertWeights.Norm norm(int width) {
        float[] gamma = new float[width];
        java.util.Arrays.fill(gamma, 1f);
        return new AlbertWeights.Norm(gamma, new float[width]);
    }
}
