package albertlab.core.io;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.AlbertWeights.Attention;
import albertlab.core.model.AlbertWeights.Embeddings;
import albertlab.core.model.AlbertWeights.Ffn;
import albertlab.core.model.AlbertWeights.Linear;
import albertlab.core.model.AlbertWeights.MaskedLmHead;
import albertlab.core.model.AlbertWeights.Norm;
import albertlab.core.model.LayerSchedule;
import albertlab.core.model.Tensor;
import org.ejml.data.FMatrixRMaj;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hugging Face tensor names to and from {@link AlbertWeights}.
 *
 * <p>Reading accepts the key styles of {@code AlbertModel} (no prefix), {@code AlbertForMaskedLM} and
 * {@code AlbertForPreTraining} ({@code albert.} prefix, {@code predictions.*}, {@code sop_classifier.*}). Weight
 * slot k of a half lives under {@code encoder.albert_layer_groups.{k / inner}.albert_layers.{k % inner}}: attention
 * slots as {@code attention.*}, FFN slots as {@code ffn.*}, {@code ffn_output.*} and
 * {@code full_layer_layer_norm.*}. For HF's own models (all shared over G groups) both halves have G × inner slots
 * and this is exactly HF's layout; in the partial modes the two halves just have different slot counts.
 * Writing uses {@code AlbertForPreTraining}'s names, without the tied decoder, as {@code save_pretrained} does.
 */
public final class CheckpointLayout {

    static final String BASE_PREFIX = "albert.";
    static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
    private static final int MAX_LISTED = 5;

    /** Weights read from a checkpoint, with what a user should know about them (ignored tensors, NaN values). */
    public record Mapped(AlbertWeights weights, List<String> warnings) {
        public Mapped {
            warnings = List.copyOf(warnings);
        }
    }

    private CheckpointLayout() {
    }

    /**
     * @param file named in error messages (the safetensors file)
     * @throws CheckpointException naming the first tensor that is missing, has the wrong shape or is not float
     */
    public static Mapped toWeights(AlbertConfig config, Safetensors.Contents contents, Path file)
            throws CheckpointException {
        int v = config.vocabSize();
        int e = config.embeddingSize();
        int h = config.hiddenSize();
        int i = config.intermediateSize();
        String base = contents.tensors().containsKey(BASE_PREFIX + WORD_EMBEDDINGS)
                || !contents.tensors().containsKey(WORD_EMBEDDINGS) ? BASE_PREFIX : "";
        Source in = new Source(file, contents);
        List<String> warnings = new ArrayList<>();

        Embeddings embeddings = new Embeddings(
                in.matrix(base + WORD_EMBEDDINGS, v, e),
                in.matrix(base + "embeddings.position_embeddings.weight", config.maxPositionEmbeddings(), e),
                in.matrix(base + "embeddings.token_type_embeddings.weight", config.typeVocabSize(), e),
                in.norm(base + "embeddings.LayerNorm.", e));
        String projectionKey = base + "encoder.embedding_hidden_mapping_in.";
        Linear projection = null;
        if (config.hasProjection()) {
            projection = in.linear(projectionKey, h, e);
        } else if (in.has(projectionKey + "weight")) {
            warnings.add(file.getFileName() + " has " + projectionKey + "weight but config.json says E = H needs no "
                    + "projection (albert_lab_projection = original): ignored");
        }

        LayerSchedule schedule = LayerSchedule.of(config);
        List<Attention> attention = new ArrayList<>();
        for (int k = 0; k < schedule.attentionSlots(); k++) {
            String p = base + slotPrefix(config, k) + "attention.";
            attention.add(new Attention(in.linear(p + "query.", h, h), in.linear(p + "key.", h, h),
                    in.linear(p + "value.", h, h), in.linear(p + "dense.", h, h), in.norm(p + "LayerNorm.", h)));
        }
        List<Ffn> ffn = new ArrayList<>();
        for (int k = 0; k < schedule.ffnSlots(); k++) {
            String p = base + slotPrefix(config, k);
            ffn.add(new Ffn(in.linear(p + "ffn.", i, h), in.linear(p + "ffn_output.", h, i),
                    in.norm(p + "full_layer_layer_norm.", h)));
        }
        // AlbertForMaskedLM and the token-level task models are saved without a pooler: such a model has no
        // pooled output and no sentence-order head, which the app says rather than refusing the folder
        Linear pooler = in.hasPrefix(base + "pooler.") ? in.linear(base + "pooler.", h, h) : null;
        if (pooler == null) {
            warnings.add(file.getFileName() + ": no pooler (as AlbertForMaskedLM saves it), so there is no pooled "
                    + "output and no sentence-order head");
        }

        MaskedLmHead mlm = null;
        if (in.hasPrefix("predictions.")) {
            mlm = new MaskedLmHead(in.linear("predictions.dense.", e, h), in.norm("predictions.LayerNorm.", e),
                    in.take("predictions.bias", v));
            // the decoder is tied to the word embeddings and its bias to predictions.bias; older files store copies
            tiedCopy(in, "predictions.decoder.weight", embeddings.word().data, v * e, warnings);
            tiedCopy(in, "predictions.decoder.bias", mlm.bias(), v, warnings);
        }
        Linear sop = in.hasPrefix("sop_classifier.") ? in.linear("sop_classifier.classifier.", 2, h) : null;
        if (sop != null && pooler == null) {
            throw new CheckpointException(file, "missing tensor " + base + "pooler.weight (the sentence-order "
                    + "head sop_classifier needs the pooler)");
        }

        AlbertWeights weights = new AlbertWeights(config, embeddings, projection, attention, ffn, pooler, mlm, sop);
        List<String> unused = new ArrayList<>();
        for (String name : contents.tensors().keySet()) {
            if (!in.used.contains(name)) unused.add(name);
        }
        if (!unused.isEmpty()) {
            warnings.add(file.getFileName() + ": ignored " + unused.size() + " tensor" + (unused.size() == 1 ? "" : "s")
                    + " an ALBERT model does not use: " + listed(unused));
        }
        List<String> nonFinite = new ArrayList<>();
        for (String name : in.used) {
            Tensor t = contents.tensors().get(name);
            long bad = 0;
            for (float x : t.data()) if (!Float.isFinite(x)) bad++;
            if (bad > 0) nonFinite.add(name + " (" + bad + ")");
        }
        if (!nonFinite.isEmpty()) {
            nonFinite.sort(null);
            warnings.add(file.getFileName() + ": NaN or infinite weights in " + listed(nonFinite));
        }
        return new Mapped(weights, warnings);
    }

    /** The key prefix (after {@code albert.}) of weight slot k: group k / inner, inner layer k % inner. */
    public static String slotPrefix(AlbertConfig config, int slot) {
        int inner = config.innerGroupNum();
        return "encoder.albert_layer_groups." + slot / inner + ".albert_layers." + slot % inner + ".";
    }

    /** HF's class name for a model with these heads, for {@code architectures} in config.json. */
    public static String architecture(AlbertWeights w) {
        if (w.mlmHead() != null && w.sopClassifier() != null) return "AlbertForPreTraining";
        if (w.mlmHead() != null) return "AlbertForMaskedLM";
        return "AlbertModel";
    }

    /**
     * Every weight as a tensor named as {@code AlbertForPreTraining.save_pretrained} names it (no tied decoder).
     *
     * @throws IllegalArgumentException when a weight's shape disagrees with the weights' config
     */
    public static List<Tensor> toTensors(AlbertWeights w) {
        AlbertConfig c = w.config();
        int v = c.vocabSize();
        int e = c.embeddingSize();
        int h = c.hiddenSize();
        int i = c.intermediateSize();
        String b = BASE_PREFIX;
        List<Tensor> out = new ArrayList<>();
        Embeddings emb = w.embeddings();
        matrix(out, b + WORD_EMBEDDINGS, emb.word(), v, e);
        matrix(out, b + "embeddings.position_embeddings.weight", emb.position(), c.maxPositionEmbeddings(), e);
        matrix(out, b + "embeddings.token_type_embeddings.weight", emb.tokenType(), c.typeVocabSize(), e);
        norm(out, b + "embeddings.LayerNorm.", emb.layerNorm(), e);
        if (c.hasProjection() != (w.projection() != null)) {
            throw new IllegalArgumentException("the config " + (c.hasProjection() ? "needs" : "has no")
                    + " E->H projection but the weights " + (c.hasProjection() ? "have none" : "have one"));
        }
        if (w.projection() != null) linear(out, b + "encoder.embedding_hidden_mapping_in.", w.projection(), h, e);
        LayerSchedule schedule = LayerSchedule.of(c);
        slots("attention", w.attention().size(), schedule.attentionSlots());
        slots("FFN", w.ffn().size(), schedule.ffnSlots());
        for (int k = 0; k < w.attention().size(); k++) {
            String p = b + slotPrefix(c, k) + "attention.";
            Attention a = w.attention().get(k);
            linear(out, p + "query.", a.query(), h, h);
            linear(out, p + "key.", a.key(), h, h);
            linear(out, p + "value.", a.value(), h, h);
            linear(out, p + "dense.", a.dense(), h, h);
            norm(out, p + "LayerNorm.", a.layerNorm(), h);
        }
        for (int k = 0; k < w.ffn().size(); k++) {
            String p = b + slotPrefix(c, k);
            Ffn f = w.ffn().get(k);
            linear(out, p + "ffn.", f.in(), i, h);
            linear(out, p + "ffn_output.", f.out(), h, i);
            norm(out, p + "full_layer_layer_norm.", f.layerNorm(), h);
        }
        if (w.pooler() != null) linear(out, b + "pooler.", w.pooler(), h, h);
        if (w.mlmHead() != null) {
            linear(out, "predictions.dense.", w.mlmHead().dense(), e, h);
            norm(out, "predictions.LayerNorm.", w.mlmHead().layerNorm(), e);
            vector(out, "predictions.bias", w.mlmHead().bias(), v);
        }
        if (w.sopClassifier() != null) linear(out, "sop_classifier.classifier.", w.sopClassifier(), 2, h);
        return out;
    }

    private static void tiedCopy(Source in, String key, float[] tiedTo, int length, List<String> warnings) {
        Tensor t = in.contents.tensors().get(key);
        if (t == null) return;
        in.used.add(key);
        if (t.data().length != length || !Arrays.equals(t.data(), 0, length, tiedTo, 0, length)) {
            warnings.add(in.file.getFileName() + ": " + key + " differs from the weights it is tied to; ALBERT ties "
                    + "them, so it is ignored");
        }
    }

    private static String listed(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(MAX_LISTED, names.size())));
        return names.size() > MAX_LISTED ? shown + " and " + (names.size() - MAX_LISTED) + " more" : shown;
    }

    private static void slots(String half, int have, int want) {
        if (have != want) {
            throw new IllegalArgumentException("the weights have " + have + " " + half + " slots, the config's "
                    + "layer schedule needs " + want);
        }
    }

    private static void matrix(List<Tensor> out, String name, FMatrixRMaj m, int rows, int cols) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " is [" + m.numRows + "][" + m.numCols + "], the config needs ["
                    + rows + "][" + cols + "]");
        }
        int n = rows * cols;
        out.add(new Tensor(name, new int[]{rows, cols}, m.data.length == n ? m.data : Arrays.copyOf(m.data, n)));
    }

    private static void vector(List<Tensor> out, String name, float[] x, int length) {
        if (x.length != length) {
            throw new IllegalArgumentException(name + " has " + x.length + " values, the config needs " + length);
        }
        out.add(new Tensor(name, new int[]{length}, x));
    }

    private static void linear(List<Tensor> out, String prefix, Linear l, int outWidth, int inWidth) {
        matrix(out, prefix + "weight", l.weight(), outWidth, inWidth);
        vector(out, prefix + "bias", l.bias(), outWidth);
    }

    private static void norm(List<Tensor> out, String prefix, Norm n, int width) {
        vector(out, prefix + "weight", n.gamma(), width);
        vector(out, prefix + "bias", n.beta(), width);
    }

    /** The tensors of one file, taken one by one with their shape checked against config.json. */
    private static final class Source {
        final Path file;
        final Safetensors.Contents contents;
        final Set<String> used = new HashSet<>();

        Source(Path file, Safetensors.Contents contents) {
            this.file = file;
            this.contents = contents;
        }

        boolean has(String key) {
            return contents.tensors().containsKey(key) || contents.otherDtypes().containsKey(key);
        }

        boolean hasPrefix(String prefix) {
            return contents.tensors().keySet().stream().anyMatch(k -> k.startsWith(prefix))
                    || contents.otherDtypes().keySet().stream().anyMatch(k -> k.startsWith(prefix));
        }

        float[] take(String key, int... shape) throws CheckpointException {
            Tensor t = contents.tensors().get(key);
            if (t == null) {
                String dtype = contents.otherDtypes().get(key);
                if (dtype != null) {
                    throw new CheckpointException(file, "tensor " + key + " is stored as " + dtype
                            + ", which is not a floating-point type ALBERT Lab reads");
                }
                throw new CheckpointException(file, "missing tensor " + key + " (config.json expects shape "
                        + Arrays.toString(shape) + ")");
            }
            if (!Arrays.equals(t.shape(), shape)) {
                throw new CheckpointException(file, "tensor " + key + " has shape " + t.shapeText()
                        + " but config.json expects " + Arrays.toString(shape));
            }
            used.add(key);
            return t.data();
        }

        FMatrixRMaj matrix(String key, int rows, int cols) throws CheckpointException {
            return FMatrixRMaj.wrap(rows, cols, take(key, rows, cols));
        }

        Linear linear(String prefix, int out, int in) throws CheckpointException {
            return new Linear(matrix(prefix + "weight", out, in), take(prefix + "bias", out));
        }

        Norm norm(String prefix, int width) throws CheckpointException {
            return new Norm(take(prefix + "weight", width), take(prefix + "bias", width));
        }
    }
}
