package albertlab.core.model;

import albertlab.core.config.AlbertConfig;
import org.ejml.data.FMatrixRMaj;

import java.util.List;

/**
 * Every weight of one model, in PyTorch layout (a Linear weight is [out][in], y = x Wᵀ + b). Shared halves are
 * stored once: {@code attention} has one entry per attention slot and {@code ffn} one per FFN slot of the
 * {@link LayerSchedule}. Checkpoint I/O maps Hugging Face keys to and from this; the model computes with it.
 */
public record AlbertWeights(
        AlbertConfig config,
        Embeddings embeddings,
        Linear projection,                 // [H][E] + [H]; null when the config has no projection
        List<Attention> attention,         // one per attention slot
        List<Ffn> ffn,                     // one per FFN slot
        Linear pooler,                     // [H][H] + [H]; null when the checkpoint has none (AlbertForMaskedLM)
        MaskedLmHead mlmHead,              // null when absent
        Linear sopClassifier) {            // [2][H] + [2]; null when absent

    public AlbertWeights {
        attention = List.copyOf(attention);
        ffn = List.copyOf(ffn);
    }

    /** word [V][E], position [P][E], token type [T][E], then LayerNorm over E. */
    public record Embeddings(FMatrixRMaj word, FMatrixRMaj position, FMatrixRMaj tokenType, Norm layerNorm) {
    }

    /** A Linear layer: weight [out][in], bias [out]. */
    public record Linear(FMatrixRMaj weight, float[] bias) {
        public int in() {
            return weight.numCols;
        }

        public int out() {
            return weight.numRows;
        }
    }

    /** LayerNorm gain γ and shift β, each [width]. */
    public record Norm(float[] gamma, float[] beta) {
    }

    /** Q, K, V and output dense [H][H] each, then the post-LN {@code attention.LayerNorm}. */
    public record Attention(Linear query, Linear key, Linear value, Linear dense, Norm layerNorm) {
    }

    /** {@code ffn} [I][H], {@code ffn_output} [H][I], then {@code full_layer_layer_norm}. */
    public record Ffn(Linear in, Linear out, Norm layerNorm) {
    }

    /** dense [E][H], LayerNorm over E, output bias [V]; the decoder weight is the word embeddings (tied). */
    public record MaskedLmHead(Linear dense, Norm layerNorm, float[] bias) {
    }
}
