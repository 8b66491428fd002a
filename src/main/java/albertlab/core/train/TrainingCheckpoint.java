package albertlab.core.train;

import albertlab.core.io.AtomicFiles;
import albertlab.core.io.CheckpointException;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.io.Safetensors;
import albertlab.core.io.TextFiles;
import albertlab.core.model.Tensor;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A training run's folder: a model folder ({@code config.json}, {@code model.safetensors}, the tokenizer) that
 * {@code forward}, {@code fill-mask} and the app open, plus {@code training.json} (every setting and figure of the
 * run), {@code loss.csv} and the optimizer's moments for {@code --resume}.
 *
 * <p>A kill at any moment leaves the last complete checkpoint: every file is written atomically, and the step is
 * stored in the weights' own metadata. The optimizer file of step N is written first, under a name with N in it,
 * and the previous one is deleted only after the weights of step N are in place, so the weights' step always has
 * its optimizer file beside it.
 */
public final class TrainingCheckpoint {

    public static final String TRAINING_JSON = "training.json";
    public static final String LOSS_CSV = "loss.csv";
    static final String OPTIMIZER_PREFIX = "optimizer-step-";
    static final String STEP = "albertlab.step";
    static final String TOKENS = "albertlab.tokens";
    static final String POSITIONS = "albertlab.positions";
    static final String SECONDS = "albertlab.seconds";
    private static final long MAX_JSON_BYTES = 16L << 20;

    private TrainingCheckpoint() {
    }

    /** What a resume continues from. */
    public record Resumed(LoadedModel model, Trainer.State state, Map<String, Tensor> optimizerState,
                          List<Trainer.LossRow> history, JsonObject training) {
    }

    /**
     * Saves the trainer's weights and optimizer state to {@code dir}, with {@code record} (the run's settings and
     * command line) merged into training.json.
     */
    public static void save(Path dir, Trainer trainer, Path tokenizerFile, Map<String, Object> record)
            throws CheckpointException {
        Trainer.State state = trainer.state();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(STEP, Long.toString(state.step()));
        meta.put(TOKENS, Long.toString(state.tokensSeen()));
        meta.put(POSITIONS, Long.toString(state.positionsSeen()));
        meta.put(SECONDS, Double.toString(state.seconds()));
        Path optimizer = dir.resolve(optimizerFile(state.step()));
        Safetensors.write(optimizer, trainer.optimizerState(), meta);
        byte[] json = trainingJson(trainer, state, record);
        // a resume reads the settings from training.json: it must exist before the first weights do
        Path trainingFile = dir.resolve(TRAINING_JSON);
        if (!Files.exists(trainingFile)) AtomicFiles.write(trainingFile, json);
        ModelFolder.save(dir, trainer.weights(), tokenizerFile, meta);
        AtomicFiles.write(trainingFile, json);
        AtomicFiles.write(dir.resolve(LOSS_CSV), csv(trainer.history()).getBytes(StandardCharsets.UTF_8));
        deleteOtherOptimizerFiles(dir, optimizer.getFileName().toString());
    }

    private static byte[] trainingJson(Trainer trainer, Trainer.State state, Map<String, Object> record) {
        Map<String, Object> json = new LinkedHashMap<>(record);
        json.put("steps", state.step());
        json.put("tokensSeen", state.tokensSeen());
        json.put("positionsSeen", state.positionsSeen());
        json.put("minutes", state.seconds() / 60);
        json.put("parameters", trainer.parameterCount());
        if (trainer.lastLoss() != null) {
            json.put("finalLoss", Map.of("mlm", trainer.lastLoss().mlmLoss(), "sop", trainer.lastLoss().sopLoss()));
        }
        if (trainer.lastScore() != null) json.put("heldOut", trainer.lastScore());
        String text = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(json);
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String optimizerFile(long step) {
        return OPTIMIZER_PREFIX + step + ".safetensors";
    }

    /** step,tokens,mlm_loss,sop_loss,held_out_mlm_accuracy (empty where not measured). */
    static String csv(List<Trainer.LossRow> rows) {
        StringBuilder sb = new StringBuilder("step,tokens,mlm_loss,sop_loss,held_out_mlm_accuracy\n");
        for (Trainer.LossRow r : rows) {
            sb.append(r.step()).append(',').append(r.tokens()).append(',')
                    .append(format(r.mlmLoss())).append(',').append(format(r.sopLoss())).append(',')
                    .append(Double.isNaN(r.heldOutAccuracy()) ? "" : format(r.heldOutAccuracy())).append('\n');
        }
        return sb.toString();
    }

    private static String format(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.6f", x);
    }

    /** Loads the last complete checkpoint of {@code dir}. */
    public static Resumed resume(Path dir) throws CheckpointException {
        removeStaleTemporaryFiles(dir);
        LoadedModel model = ModelFolder.load(dir);
        Path weights = dir.resolve(ModelFolder.WEIGHTS_FILE);
        Map<String, String> meta = Safetensors.readContents(weights).metadata();
        long step = number(weights, meta, STEP);
        Trainer.State state = new Trainer.State(step, number(weights, meta, TOKENS), number(weights, meta, POSITIONS),
                Double.parseDouble(meta.getOrDefault(SECONDS, "0")));
        Path optimizer = dir.resolve(optimizerFile(step));
        if (!Files.isRegularFile(optimizer)) {
            throw new CheckpointException(optimizer, "not found: the weights are from step " + step + " and --resume "
                    + "needs that step's optimizer state beside them");
        }
        Map<String, Tensor> optimizerState = Safetensors.read(optimizer);
        Path trainingFile = dir.resolve(TRAINING_JSON);
        JsonObject training;
        try {
            JsonElement parsed = JsonParser.parseString(TextFiles.readUtf8(trainingFile, MAX_JSON_BYTES, "training record"));
            if (!parsed.isJsonObject()) throw new CheckpointException(trainingFile, "is not a JSON object");
            training = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new CheckpointException(trainingFile, "is not valid JSON (" + CheckpointException.firstLine(e) + ")");
        }
        return new Resumed(model, state, optimizerState, history(dir.resolve(LOSS_CSV), step), training);
    }

    private static long number(Path file, Map<String, String> meta, String key) throws CheckpointException {
        String v = meta.get(key);
        if (v == null) {
            throw new CheckpointException(file, "has no " + key + " in its metadata: it was not saved by train, so "
                    + "there is nothing to resume (start a new run with --model instead)");
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new CheckpointException(file, "metadata " + key + " is not a whole number: " + v);
        }
    }

    /** The loss rows up to {@code step} (a crash between the weights and loss.csv may leave rows of an older step). */
    private static List<Trainer.LossRow> history(Path csv, long step) throws CheckpointException {
        List<Trainer.LossRow> rows = new ArrayList<>();
        if (!Files.isRegularFile(csv)) return rows;
        String[] lines = TextFiles.readUtf8(csv, 256L << 20, "loss table").split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] f = lines[i].split(",", -1);
            try {
                long s = Long.parseLong(f[0]);
                if (s > step) break;
                rows.add(new Trainer.LossRow(s, Long.parseLong(f[1]), parse(f[2]), parse(f[3]), parse(f[4])));
            } catch (RuntimeException e) {
                throw new CheckpointException(csv, "line " + (i + 1) + " is not step,tokens,mlm,sop,accuracy: " + lines[i]);
            }
        }
        return rows;
    }

    private static double parse(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static void deleteOtherOptimizerFiles(Path dir, String keep) throws CheckpointException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, OPTIMIZER_PREFIX + "*.safetensors")) {
            for (Path f : files) if (!f.getFileName().toString().equals(keep)) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new CheckpointException(dir, "old optimizer files cannot be removed (" + CheckpointException.firstLine(e) + ")", e);
        }
    }

    /** Half-written files of a killed save (AtomicFiles' ".name.random.tmp"). */
    private static void removeStaleTemporaryFiles(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // leftovers are harmless: nothing reads them
        }
    }
}
