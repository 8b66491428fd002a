package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import org.ejml.data.FMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fixed-seed weights drawn to look like a trained model, as the golden set's README describes: with Hugging
 * Face's N(0, 0.02) initialization attention is almost uniform and gelu and gelu_new cannot be told apart.
 * Standard deviations: embedding tables 0.3; projection 1/√E; query and key 1.4/√H; value, dense, pooler and the
 * heads' dense layers 1/√(fan in); ffn 1.5/√H; ffn_output 1/√I; every bias 0.1; LayerNorm γ 1 + N(0, 0.1),
 * β N(0, 0.1).
 */
final class RandomWeights {

    private final SplittableRandom random;

    private RandomWeights(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static AlbertWeights draw(AlbertConfig config, long seed, boolean withHeads) {
        config.requireValid();
        return new RandomWeights(seed).draw(config, withHeads);
    }

    private AlbertWeights draw(AlbertConfig c, boolean withHeads) {
        int v = c.vocabSize();
        int e = c.embeddingSize();
        int h = c.hiddenSize();
        int i = c.intermediateSize();
        LayerSchedule schedule = LayerSchedule.of(c);
        AlbertWeights.Embeddings embeddings = new AlbertWeights.Embeddings(
                matrix(v, e, 0.3), matrix(c.maxPositionEmbeddings(), e, 0.3), matrix(c.typeVocabSize(), e, 0.3),
                norm(e));
        AlbertWeights.Linear projection = c.hasProjection() ? linear(h, e, 1 / Math.sqrt(e)) : null;
        List<AlbertWeights.Attention> attention = new ArrayList<>();
        for (int s = 0; s < schedule.attentionSlots(); s++) {
            double qk = 1.4 / Math.sqrt(h);
            attention.add(new AlbertWeights.Attention(linear(h, h, qk), linear(h, h, qk),
                    linear(h, h, 1 / Math.sqrt(h)), linear(h, h, 1 / Math.sqrt(h)), norm(h)));
        }
        List<AlbertWeights.Ffn> ffn = new ArrayList<>();
        for (int s = 0; s < schedule.ffnSlots(); s++) {
            ffn.add(new AlbertWeights.Ffn(linear(i, h, 1.5 / Math.sqrt(h)), linear(h, i, 1 / Math.sqrt(i)), norm(h)));
        }
        AlbertWeights.Linear pooler = linear(h, h, 1 / Math.sqrt(h));
        AlbertWeights.MaskedLmHead mlm = null;
        AlbertWeights.Linear sop = null;
        if (withHeads) {
            mlm = new AlbertWeights.MaskedLmHead(linear(e, h, 1 / Math.sqrt(h)), norm(e), vector(v, 0.1));
            sop = linear(2, h, 1 / Math.sqrt(h));
        }
        return new AlbertWeights(c, embeddings, projection, attention, ffn, pooler, mlm, sop);
    }

    private FMatrixRMaj matrix(int rows, int cols, double std) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) m.data[k] = (float) (random.nextGaussian() * std);
        return m;
    }

    private float[] vector(int n, double std) {
        float[] x = new float[n];
        for (int k = 0; k < n; k++) x[k] = (float) (random.nextGaussian() * std);
        return x;
    }

    private AlbertWeights.Linear linear(int out, int in, double std) {
        return new AlbertWeights.Linear(matrix(out, in, std), vector(out, 0.1));
    }

    private AlbertWeights.Norm norm(int width) {
        float[] gamma = vector(width, 0.1);
        for (int k = 0; k < width; k++) gamma[k] += 1f;
        return new AlbertWeights.Norm(gamma, vector(width, 0.1));
    }
}
