package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import org.ejml.data.FMatrixRMaj;

import java.util.Arrays;

/**
 * Checks every tensor of an {@link AlbertWeights} against its config before a model is built, so that a bad
 * checkpoint fails with one message naming the tensor instead of an index error in the middle of a forward pass.
 * Names follow Hugging Face's keys, with the slot index where the keys would name a group and inner layer.
 */
final class WeightShapes {

    private WeightShapes() {
    }

    static void check(AlbertWeights w) {
        if (w == null) throw new IllegalArgumentException("no weights");
        AlbertConfig c = w.config();
        if (c == null) throw new IllegalArgumentException("weights have no config");
        c.requireValid();
        int v = c.vocabSize();
        int e = c.embeddingSize();
        int h = c.hiddenSize();
        int i = c.intermediateSize();
        LayerSchedule schedule = LayerSchedule.of(c);

        AlbertWeights.Embeddings emb = require(w.embeddings(), "embeddings");
        matrix(emb.word(), "embeddings.word_embeddings.weight", v, e);
        matrix(emb.position(), "embeddings.position_embeddings.weight", c.maxPositionEmbeddings(), e);
        matrix(emb.tokenType(), "embeddings.token_type_embeddings.weight", c.typeVocabSize(), e);
        norm(emb.layerNorm(), "embeddings.LayerNorm", e);

        if (c.hasProjection()) {
            linear(require(w.projection(), "encoder.embedding_hidden_mapping_in"),
                    "encoder.embedding_hidden_mapping_in", h, e);
        } else if (w.projection() != null) {
            throw new IllegalArgumentException("encoder.embedding_hidden_mapping_in is present but the config has "
                    + "no projection (E = H, projection only when factorized)");
        }

        if (w.attention().size() != schedule.attentionSlots()) {
            throw new IllegalArgumentException("expected " + schedule.attentionSlots() + " attention weight sets for "
                    + c.sharingMode() + ", got " + w.attention().size());
        }
        for (int s = 0; s < w.attention().size(); s++) {
            String name = "attention[" + s + "]";
            AlbertWeights.Attention a = require(w.attention().get(s), name);
            linear(a.query(), name + ".query", h, h);
            linear(a.key(), name + ".key", h, h);
            linear(a.value(), name + ".value", h, h);
            linear(a.dense(), name + ".dense", h, h);
            norm(a.layerNorm(), name + ".LayerNorm", h);
        }
        if (w.ffn().size() != schedule.ffnSlots()) {
            throw new IllegalArgumentException("expected " + schedule.ffnSlots() + " FFN weight sets for "
                    + c.sharingMode() + ", got " + w.ffn().size());
        }
        for (int s = 0; s < w.ffn().size(); s++) {
            String name = "ffn[" + s + "]";
            AlbertWeights.Ffn f = require(w.ffn().get(s), name);
            linear(f.in(), name + ".ffn", i, h);
            linear(f.out(), name + ".ffn_output", h, i);
            norm(f.layerNorm(), name + ".full_layer_layer_norm", h);
        }
        if (w.pooler() != null) {
            linear(w.pooler(), "pooler", h, h);
        } else if (w.sopClassifier() != null) {
            throw new IllegalArgumentException("pooler is missing, and the sentence-order head needs it");
        }
        if (w.mlmHead() != null) {
            AlbertWeights.MaskedLmHead m = w.mlmHead();
            linear(m.dense(), "predictions.dense", e, h);
            norm(m.layerNorm(), "predictions.LayerNorm", e);
            vector(m.bias(), "predictions.bias", v);
        }
        if (w.sopClassifier() != null) linear(w.sopClassifier(), "sop_classifier.classifier", 2, h);
    }

    private static <T> T require(T value, String name) {
        if (value == null) throw new IllegalArgumentException(name + " is missing");
        return value;
    }

    private static void linear(AlbertWeights.Linear l, String name, int out, int in) {
        require(l, name);
        matrix(l.weight(), name + ".weight", out, in);
        vector(l.bias(), name + ".bias", out);
    }

    private static void norm(AlbertWeights.Norm n, String name, int width) {
        require(n, name);
        vector(n.gamma(), name + ".weight", width);
        vector(n.beta(), name + ".bias", width);
    }

    private static void matrix(FMatrixRMaj m, String name, int rows, int cols) {
        require(m, name);
        if (m.numRows != rows || m.numCols != cols || m.data.length < rows * cols) {
            throw new IllegalArgumentException(name + ": expected shape [" + rows + ", " + cols + "], got ["
                    + m.numRows + ", " + m.numCols + "]");
        }
    }

    private static void vector(float[] x, String name, int length) {
        require(x, name);
        if (x.length != length) {
            throw new IllegalArgumentException(name + ": expected shape [" + length + "], got "
                    + Arrays.toString(new int[]{x.length}));
        }
    }
}
