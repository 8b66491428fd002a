package albertlab.core.io;

import albertlab.core.model.PretrainingBatch;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.file.Path;

/**
 * A fixed pre-training batch as JSON with Hugging Face's argument names: {@code input_ids},
 * {@code attention_mask}, {@code token_type_ids}, {@code labels} [B][S] (−100 = not a target) and
 * {@code sentence_order_label} [B]. Every problem is a CheckpointException naming the field and the position.
 */
public final class BatchFile {

    private static final long MAX_BYTES = 64L << 20;

    private BatchFile() {
    }

    /** Reads and checks the batch against a model's vocabulary, token types and positions. */
    public static PretrainingBatch read(Path file, int vocab, int types, int positions) throws CheckpointException {
        String text = TextFiles.readUtf8(file, MAX_BYTES, "batch file");
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseReader(StrictJson.reader(text));
            if (!parsed.isJsonObject()) throw new CheckpointException(file, "is not a JSON object");
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new CheckpointException(file, "is not valid JSON (" + StrictJson.problem(e) + ")");
        }
        int[][] ids = matrix(file, root, "input_ids");
        int[][] mask = matrix(file, root, "attention_mask");
        int[][] typeIds = matrix(file, root, "token_type_ids");
        int[][] labels = matrix(file, root, "labels");
        int[] order = vector(file, root.get("sentence_order_label"), "sentence_order_label");
        PretrainingBatch batch;
        try {
            batch = new PretrainingBatch(ids, mask, typeIds, labels, order);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, e.getMessage());
        }
        String problem = batch.problem(vocab, types, positions);
        if (problem != null) throw new CheckpointException(file, problem);
        return batch;
    }

    private static int[][] matrix(Path file, JsonObject root, String field) throws CheckpointException {
        JsonElement e = root.get(field);
        if (e == null) throw new CheckpointException(file, "has no \"" + field + "\" ([B][S] whole numbers)");
        if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
            throw new CheckpointException(file, field + " must be a non-empty array of arrays");
        }
        JsonArray rows = e.getAsJsonArray();
        int[][] out = new int[rows.size()][];
        for (int i = 0; i < out.length; i++) out[i] = vector(file, rows.get(i), field + "[" + i + "]");
        return out;
    }

    private static int[] vector(Path file, JsonElement e, String field) throws CheckpointException {
        if (e == null) throw new CheckpointException(file, "has no \"" + field + "\"");
        if (!e.isJsonArray()) throw new CheckpointException(file, field + " must be an array of whole numbers");
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement x = a.get(i);
            Long n = x.isJsonPrimitive() && x.getAsJsonPrimitive().isNumber()
                    ? StrictJson.wholeNumber(x.getAsString()) : null;
            if (n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw new CheckpointException(file, field + "[" + i + "]: " + x + " is not a whole number");
            }
            out[i] = n.intValue();
        }
        return out;
    }
}
