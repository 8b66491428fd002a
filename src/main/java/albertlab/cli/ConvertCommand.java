package albertlab.cli;

import albertlab.core.io.AtomicFiles;
import albertlab.core.io.CheckpointException;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.io.Safetensors;
import albertlab.core.train.TrainingCheckpoint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code convert}: a model folder with its weights stored in another precision. The shipped models are stored as
 * F16 to halve the installers' share; their cards are then written from, and measured on, the F16 folder.
 */
final class ConvertCommand implements Command {

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String summary() {
        return "copy a model folder with its weights stored as f16 or f32";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("model", "out", "precision", "max-position");
    }

    @Override
    public Set<String> switches() {
        return Set.of();
    }

    @Override
    public String usage() {
        return """
                usage: albert-lab convert --model DIR --out DIR --precision f16|f32 [--max-position P]
                  Writes config.json, model.safetensors (each weight rounded to the nearest f16, or kept as f32),
                  the tokenizer, training.json and loss.csv into the new folder; the optimizer state is left out,
                  so the copy opens everywhere a model opens but cannot resume training.
                  --max-position P keeps the first P rows of the position table (a model trained on sequences
                  of P tokens, whose later rows never trained): the copy then reads at most P tokens.""";
    }

    @Override
    public void run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        Path from = Path.of(args.require("model"));
        Path to = Path.of(args.require("out"));
        String name = args.require("precision").toUpperCase(Locale.ROOT);
        Safetensors.Precision precision;
        try {
            precision = Safetensors.Precision.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--precision must be f16 or f32, got " + args.get("precision"));
        }
        if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
            throw new UsageException("--out must be another folder than --model");
        }
        LoadedModel model = ModelFolder.load(from);
        Map<String, String> metadata =
                new HashMap<>(Safetensors.readContents(from.resolve(ModelFolder.WEIGHTS_FILE)).metadata());
        metadata.remove("format");
        albertlab.core.model.AlbertWeights weights = model.model().weights();
        if (args.has("max-position")) {
            try {
                weights = albertlab.core.model.WeightArrays.firstPositions(weights, args.intValue("max-position", 0));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--max-position: " + e.getMessage());
            }
        }
        ModelFolder.save(to, weights, model.tokenizerFile(), metadata, precision);
        for (String record : new String[] {TrainingCheckpoint.TRAINING_JSON, TrainingCheckpoint.LOSS_CSV}) {
            Path file = from.resolve(record);
            if (!Files.isRegularFile(file)) continue;
            try {
                byte[] bytes = Files.readAllBytes(file);
                AtomicFiles.write(to.resolve(record), bytes);
            } catch (IOException e) {
                throw new CheckpointException(file, "cannot be read (" + CheckpointException.firstLine(e) + ")", e);
            }
        }
        out.printf(Locale.ROOT, "wrote %s (%s, %,d bytes of weights)%n", to, precision,
                Files.size(to.resolve(ModelFolder.WEIGHTS_FILE)));
    }
}
