package albertlab.core.model;

import org.ejml.data.FMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The float arrays of an {@link AlbertWeights}, in one fixed order, and weights of the same structure filled with
 * zeros (what a training step adds its gradients into).
 */
public final class WeightArrays {

    private WeightArrays() {
    }

    /** Every array, each once, in a fixed order (embeddings, projection, attention slots, FFN slots, heads). */
    public static List<float[]> of(AlbertWeights w) {
        List<float[]> out = new ArrayList<>();
        AlbertWeights.Embeddings emb = w.embeddings();
        out.add(emb.word().data);
        out.add(emb.position().data);
        out.add(emb.tokenType().data);
        norm(out, emb.layerNorm());
        if (w.projection() != null) linear(out, w.projection());
        for (AlbertWeights.Attention a : w.attention()) {
            linear(out, a.query());
            linear(out, a.key());
            linear(out, a.value());
            linear(out, a.dense());
            norm(out, a.layerNorm());
        }
        for (AlbertWeights.Ffn f : w.ffn()) {
            linear(out, f.in());
            linear(out, f.out());
            norm(out, f.layerNorm());
        }
        if (w.pooler() != null) linear(out, w.pooler());
        if (w.mlmHead() != null) {
            linear(out, w.mlmHead().dense());
            norm(out, w.mlmHead().layerNorm());
            out.add(w.mlmHead().bias());
        }
        if (w.sopClassifier() != null) linear(out, w.sopClassifier());
        return out;
    }

    /** Stored floats (the tied decoder counted once). */
    public static long count(AlbertWeights w) {
        long n = 0;
        for (float[] a : of(w)) n += a.length;
        return n;
    }

    /** Sets every value to 0. */
    public static void clear(AlbertWeights w) {
        for (float[] a : of(w)) Arrays.fill(a, 0f);
    }

    /** A deep copy. */
    public static AlbertWeights copy(AlbertWeights w) {
        return map(w, false);
    }

    /**
     * The same model reading at most {@code positions} tokens: the first rows of the position table, and a config
     * that says so. For a model trained on shorter sequences than its table has rows, whose later rows are still
     * their random initial values.
     */
    public static AlbertWeights firstPositions(AlbertWeights w, int positions) {
        int p = w.config().maxPositionEmbeddings();
        if (positions < 1 || positions > p) {
            throw new IllegalArgumentException("positions must be between 1 and " + p + ", got " + positions);
        }
        FMatrixRMaj table = w.embeddings().position();
        FMatrixRMaj cut = new FMatrixRMaj(positions, table.numCols);
        System.arraycopy(table.data, 0, cut.data, 0, positions * table.numCols);
        AlbertWeights.Embeddings e = new AlbertWeights.Embeddings(w.embeddings().word(), cut,
                w.embeddings().tokenType(), w.embeddings().layerNorm());
        return new AlbertWeights(w.config().toBuilder().maxPositionEmbeddings(positions).build(), e, w.projection(),
                w.attention(), w.ffn(), w.pooler(), w.mlmHead(), w.sopClassifier());
    }

    /** The same structure and shapes, all zeros. */
    public static AlbertWeights zerosLike(AlbertWeights w) {
        return map(w, true);
    }

    private static AlbertWeights map(AlbertWeights w, boolean zeros) {
        AlbertWeights.Embeddings e = w.embeddings();
        AlbertWeights.Embeddings emb = new AlbertWeights.Embeddings(matrix(e.word(), zeros),
                matrix(e.position(), zeros), matrix(e.tokenType(), zeros), norm(e.layerNorm(), zeros));
        List<AlbertWeights.Attention> attention = new ArrayList<>();
        for (AlbertWeights.Attention a : w.attention()) {
            attention.add(new AlbertWeights.Attention(linear(a.query(), zeros), linear(a.key(), zeros),
                    linear(a.value(), zeros), linear(a.dense(), zeros), norm(a.layerNorm(), zeros)));
        }
        List<AlbertWeights.Ffn> ffn = new ArrayList<>();
        for (AlbertWeights.Ffn f : w.ffn()) {
            ffn.add(new AlbertWeights.Ffn(linear(f.in(), zeros), linear(f.out(), zeros), norm(f.layerNorm(), zeros)));
        }
        AlbertWeights.MaskedLmHead m = w.mlmHead();
        AlbertWeights.MaskedLmHead mlm = m == null ? null : new AlbertWeights.MaskedLmHead(linear(m.dense(), zeros),
                norm(m.layerNorm(), zeros), vector(m.bias(), zeros));
        return new AlbertWeights(w.config(), emb, linear(w.projection(), zeros), attention, ffn,
                linear(w.pooler(), zeros), mlm, linear(w.sopClassifier(), zeros));
    }

    private static FMatrixRMaj matrix(FMatrixRMaj m, boolean zeros) {
        int n = m.numRows * m.numCols;
        return FMatrixRMaj.wrap(m.numRows, m.numCols, zeros ? new float[n] : Arrays.copyOf(m.data, n));
    }

    private static float[] vector(float[] x, boolean zeros) {
        return zeros ? new float[x.length] : x.clone();
    }

    private static AlbertWeights.Linear linear(AlbertWeights.Linear l, boolean zeros) {
        return l == null ? null : new AlbertWeights.Linear(matrix(l.weight(), zeros), vector(l.bias(), zeros));
    }

    private static AlbertWeights.Norm norm(AlbertWeights.Norm n, boolean zeros) {
        return new AlbertWeights.Norm(vector(n.gamma(), zeros), vector(n.beta(), zeros));
    }

    private static void linear(List<float[]> out, AlbertWeights.Linear l) {
        out.add(l.weight().data);
        out.add(l.bias());
    }

    private static void norm(List<float[]> out, AlbertWeights.Norm n) {
        out.add(n.gamma());
        out.add(n.beta());
    }
}
