package albertlab.core.io;

import albertlab.core.config.Activation;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ConfigProblem;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hugging Face's {@code config.json} to and from {@link AlbertConfig}.
 *
 * <p>Fields HF's {@code AlbertConfig} has defaults for take those defaults when absent, except the five sizes that
 * fix the tensors' shapes (V, H, L, A, I): {@code save_pretrained} always writes them, and HF's defaults are
 * albert-xxlarge's, which would turn a missing field into a confusing shape error instead of a clear one.
 *
 * <p>ALBERT Lab's additions live in fields HF ignores: {@code albert_lab_sharing} (absent: HF's semantics, all
 * shared across G groups) and {@code albert_lab_projection} (absent: HF's, which always projects E to H).
 */
public final class ConfigJson {

    public static final String FILE_NAME = "config.json";
    static final String SHARING = "albert_lab_sharing";
    static final String PROJECTION = "albert_lab_projection";
    private static final long MAX_BYTES = 1_000_000;

    /** A JSON value read at the top level: the literal text of a number, kept exact. */
    private record NumberText(String literal) {
    }

    private enum Marker { NULL, NESTED }

    private ConfigJson() {
    }

    public static AlbertConfig read(Path file) throws CheckpointException {
        return parse(file, TextFiles.readUtf8(file, MAX_BYTES, "a config"));
    }

    /** @param file named in error messages */
    public static AlbertConfig parse(Path file, String text) throws CheckpointException {
        Map<String, Object> fields = topLevel(file, text);
        Fields f = new Fields(file, fields);
        String modelType = f.string("model_type", "albert");
        if (!modelType.equals("albert")) {
            throw new CheckpointException(file, "model_type is '" + modelType + "', not 'albert': ALBERT Lab reads "
                    + "ALBERT checkpoints only");
        }
        String positions = f.string("position_embedding_type", "absolute");
        if (!positions.equals("absolute")) {
            throw new CheckpointException(file, "position_embedding_type '" + positions + "' is not supported "
                    + "(only absolute)");
        }
        String act = f.string("hidden_act", Activation.GELU_NEW.hfName());
        Activation activation;
        try {
            activation = Activation.fromHfName(act);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, e.getMessage());
        }
        AlbertConfig.Builder b = AlbertConfig.builder()
                .vocabSize(f.requiredInt("vocab_size"))
                .embeddingSize(f.optionalInt("embedding_size", 128))
                .hiddenSize(f.requiredInt("hidden_size"))
                .numHiddenLayers(f.requiredInt("num_hidden_layers"))
                .numHiddenGroups(f.optionalInt("num_hidden_groups", 1))
                .numAttentionHeads(f.requiredInt("num_attention_heads"))
                .intermediateSize(f.requiredInt("intermediate_size"))
                .innerGroupNum(f.optionalInt("inner_group_num", 1))
                .hiddenAct(activation)
                .maxPositionEmbeddings(f.optionalInt("max_position_embeddings", 512))
                .typeVocabSize(f.optionalInt("type_vocab_size", 2))
                .layerNormEps(f.optionalDouble("layer_norm_eps", 1e-12))
                .padTokenId(f.optionalInt("pad_token_id", 0))
                .sharingMode(SharingMode.ALL_SHARED)
                .projection(ProjectionConvention.HUGGING_FACE_ALWAYS);
        if (fields.containsKey(SHARING) && fields.get(SHARING) != Marker.NULL) {
            String mode = f.string(SHARING, null);
            try {
                b.sharingMode(SharingMode.fromCliName(mode));
            } catch (IllegalArgumentException e) {
                throw new CheckpointException(file, SHARING + " '" + mode + "' is not one of not-shared, all-shared, "
                        + "shared-attention, shared-ffn");
            }
        }
        if (fields.containsKey(PROJECTION) && fields.get(PROJECTION) != Marker.NULL) {
            String p = f.string(PROJECTION, null);
            b.projection(switch (p) {
                case "hf" -> ProjectionConvention.HUGGING_FACE_ALWAYS;
                case "original" -> ProjectionConvention.ORIGINAL_ONLY_WHEN_FACTORIZED;
                default -> throw new CheckpointException(file, PROJECTION + " '" + p + "' is not hf or original");
            });
        }
        AlbertConfig config = b.build();
        List<ConfigProblem> fatal = config.fatalProblems();
        if (!fatal.isEmpty()) throw new CheckpointException(file, fatal.get(0).message());
        return config;
    }

    /**
     * The config.json text for a model: every field HF's AlbertConfig writes (so transformers loads it), keys
     * sorted as {@code save_pretrained} sorts them, plus our fields where HF cannot express the model.
     *
     * @param architecture e.g. AlbertForPreTraining; null to leave {@code architectures} out
     */
    public static String toJson(AlbertConfig c, String architecture) {
        Map<String, Object> m = new TreeMap<>();
        if (architecture != null) m.put("architectures", List.of(architecture));
        m.put("attention_probs_dropout_prob", 0);
        m.put("bos_token_id", 2);
        m.put("classifier_dropout_prob", 0.1);
        m.put("embedding_size", c.embeddingSize());
        m.put("eos_token_id", 3);
        m.put("hidden_act", c.hiddenAct().hfName());
        m.put("hidden_dropout_prob", 0);
        m.put("hidden_size", c.hiddenSize());
        m.put("initializer_range", 0.02);
        m.put("inner_group_num", c.innerGroupNum());
        m.put("intermediate_size", c.intermediateSize());
        m.put("layer_norm_eps", c.layerNormEps());
        m.put("max_position_embeddings", c.maxPositionEmbeddings());
        m.put("model_type", "albert");
        m.put("num_attention_heads", c.numAttentionHeads());
        // HF gives every group its own weights; unshared means one group per layer, which HF reads correctly
        m.put("num_hidden_groups", c.effectiveGroups());
        m.put("num_hidden_layers", c.numHiddenLayers());
        m.put("pad_token_id", c.padTokenId());
        m.put("position_embedding_type", "absolute");
        m.put("type_vocab_size", c.typeVocabSize());
        m.put("vocab_size", c.vocabSize());
        if (c.sharingMode() != SharingMode.ALL_SHARED) m.put(SHARING, sharingName(c.sharingMode()));
        if (c.projection() != ProjectionConvention.HUGGING_FACE_ALWAYS) m.put(PROJECTION, "original");
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.setIndent("  ");
            json.beginObject();
            for (Map.Entry<String, Object> e : m.entrySet()) {
                json.name(e.getKey());
                Object v = e.getValue();
                if (v instanceof List<?> list) {
                    json.beginArray();
                    for (Object o : list) json.value(o.toString());
                    json.endArray();
                } else if (v instanceof String s) {
                    json.value(s);
                } else {
                    json.value((Number) v);
                }
            }
            json.endObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return text + "\n";
    }

    public static void write(Path file, AlbertConfig config, String architecture) throws CheckpointException {
        AtomicFiles.write(file, toJson(config, architecture).getBytes(StandardCharsets.UTF_8));
    }

    static String sharingName(SharingMode mode) {
        return switch (mode) {
            case NOT_SHARED -> "not-shared";
            case ALL_SHARED -> "all-shared";
            case SHARED_ATTENTION -> "shared-attention";
            case SHARED_FFN -> "shared-ffn";
        };
    }

    /** The top-level fields; nested values are not needed and are skipped. Duplicate keys are an error. */
    private static Map<String, Object> topLevel(Path file, String text) throws CheckpointException {
        Map<String, Object> out = new HashMap<>();
        try {
            JsonReader reader = StrictJson.reader(text);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new CheckpointException(file, "is not a JSON object");
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                Object value = switch (reader.peek()) {
                    case STRING -> reader.nextString();
                    case NUMBER -> new NumberText(reader.nextString());
                    case BOOLEAN -> reader.nextBoolean();
                    case NULL -> {
                        reader.nextNull();
                        yield Marker.NULL;
                    }
                    default -> {
                        reader.skipValue();
                        yield Marker.NESTED;
                    }
                };
                if (out.put(name, value) != null) throw new CheckpointException(file, "names " + name + " twice");
            }
            reader.endObject();
            StrictJson.expectEnd(reader);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file, "is not valid JSON (" + StrictJson.problem(e) + ")", e);
        }
        return out;
    }

    /** Typed access to the top-level fields, with messages that name the field. */
    private record Fields(Path file, Map<String, Object> values) {

        int requiredInt(String name) throws CheckpointException {
            Object v = values.get(name);
            if (v == null || v == Marker.NULL) throw new CheckpointException(file, "missing required field " + name);
            return toInt(name, v);
        }

        int optionalInt(String name, int fallback) throws CheckpointException {
            Object v = values.get(name);
            return v == null || v == Marker.NULL ? fallback : toInt(name, v);
        }

        double optionalDouble(String name, double fallback) throws CheckpointException {
            Object v = values.get(name);
            if (v == null || v == Marker.NULL) return fallback;
            if (v instanceof NumberText n) {
                try {
                    return Double.parseDouble(n.literal());
                } catch (NumberFormatException e) {
                    // falls through to the message below
                }
            }
            throw new CheckpointException(file, name + " must be a number, got " + shown(v));
        }

        String string(String name, String fallback) throws CheckpointException {
            Object v = values.get(name);
            if (v == null || v == Marker.NULL) return fallback;
            if (v instanceof String s) return s;
            throw new CheckpointException(file, name + " must be a string, got " + shown(v));
        }

        private int toInt(String name, Object v) throws CheckpointException {
            Long n = v instanceof NumberText num ? StrictJson.wholeNumber(num.literal()) : null;
            if (n == null) throw new CheckpointException(file, name + " must be a whole number, got " + shown(v));
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw new CheckpointException(file, name + " " + n + " is out of range");
            }
            return n.intValue();
        }

        private static String shown(Object v) {
            String s = v instanceof NumberText n ? n.literal()
                    : v instanceof String str ? "\"" + str + "\""
                    : v == Marker.NESTED ? "a list or object" : String.valueOf(v);
            return s.length() > 40 ? s.substring(0, 40) + "..." : s;
        }
    }
}
