package albertlab.core.io;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ConfigProblem;
import albertlab.core.model.AlbertModel;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.Tensor;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.tokenizer.Tokenizers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A model as Hugging Face saves one: a folder with {@code config.json}, {@code model.safetensors} and a tokenizer
 * ({@code tokenizer.json}, {@code spiece.model} or {@code vocab.txt}).
 *
 * <p>Loading checks everything (config, every tensor's shape, the tokenizer) before it returns, so a caller gets a
 * whole model or one {@link CheckpointException}, never half of one. Pickled PyTorch files ({@code *.bin}) are
 * refused: unpickling runs code from the file.
 */
public final class ModelFolder {

    public static final String WEIGHTS_FILE = "model.safetensors";
    /** In the order a folder's tokenizer is looked for (HF's fast tokenizer file first, as AutoTokenizer does). */
    public static final List<String> TOKENIZER_FILES = List.of("tokenizer.json", "spiece.model", "vocab.txt");
    /** Files that tell a tokenizer how to behave (lower-casing, special tokens); saved along with it. */
    static final List<String> TOKENIZER_SIDE_FILES = List.of("tokenizer_config.json", "special_tokens_map.json");
    private static final List<String> PICKLE_ENDINGS = List.of(".bin", ".pt", ".pth", ".ckpt", ".pkl", ".pickle");
    private static final int MAX_LISTED = 200;

    private ModelFolder() {
    }

    public static LoadedModel load(Path dir) throws CheckpointException {
        if (!Files.exists(dir)) throw new CheckpointException(dir, "no such folder");
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(dir, "is a file, not a model folder (give the folder that holds "
                    + ConfigJson.FILE_NAME + " and " + WEIGHTS_FILE + ")");
        }
        List<String> names = fileNames(dir);
        if (names.isEmpty()) {
            throw new CheckpointException(dir, "empty folder: a model folder holds " + ConfigJson.FILE_NAME + ", "
                    + WEIGHTS_FILE + " and a tokenizer (" + String.join(", ", TOKENIZER_FILES) + ")");
        }
        Path weightsFile = dir.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(weightsFile)) throw noWeights(dir, names);
        Path configFile = dir.resolve(ConfigJson.FILE_NAME);
        if (!Files.isRegularFile(configFile)) {
            throw new CheckpointException(configFile, "not found: " + WEIGHTS_FILE + " needs the config.json it was "
                    + "saved with");
        }

        AlbertConfig config = ConfigJson.read(configFile);
        Safetensors.Contents contents = Safetensors.readContents(weightsFile);
        CheckpointLayout.Mapped mapped = CheckpointLayout.toWeights(config, contents, weightsFile);
        List<String> warnings = new ArrayList<>();
        for (ConfigProblem p : config.problems()) {
            if (!p.kind().fatal()) warnings.add(ConfigJson.FILE_NAME + ": " + p.message());
        }
        warnings.addAll(mapped.warnings());
        AlbertModel model;
        try {
            model = AlbertModel.create(mapped.weights());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(weightsFile, e.getMessage(), e);
        }

        Path tokenizerFile = TOKENIZER_FILES.stream().map(dir::resolve).filter(Files::isRegularFile)
                .findFirst().orElse(null);
        if (tokenizerFile == null) {
            return new LoadedModel(dir, config, model, null, null, "the folder has no tokenizer file ("
                    + String.join(", ", TOKENIZER_FILES) + ")", warnings);
        }
        Tokenizer tokenizer = Tokenizers.load(dir);
        tokenizerFile = fileUsed(dir, tokenizer, tokenizerFile);
        if (tokenizer.vocabSize() > config.vocabSize()) {
            throw new CheckpointException(tokenizerFile, "has " + tokenizer.vocabSize() + " tokens but config.json's "
                    + "vocab_size is " + config.vocabSize() + ": ids from " + config.vocabSize()
                    + " up would have no embedding (a tokenizer from another model?)");
        }
        return new LoadedModel(dir, config, model, tokenizer, tokenizerFile, null, warnings);
    }

    /**
     * Writes {@code config.json} and {@code model.safetensors} (each atomically), and copies a tokenizer file with
     * its {@code tokenizer_config.json} and {@code special_tokens_map.json} when given.
     *
     * @param tokenizerFile a tokenizer file to save with the model, or null
     * @throws IllegalArgumentException when the weights disagree with their own config
     */
    public static void save(Path dir, AlbertWeights weights, Path tokenizerFile) throws CheckpointException {
        save(dir, weights, tokenizerFile, Map.of());
    }

    /** The same with {@code __metadata__} entries in model.safetensors (a trainer's step, for a resume). */
    public static void save(Path dir, AlbertWeights weights, Path tokenizerFile, Map<String, String> metadata)
            throws CheckpointException {
        save(dir, weights, tokenizerFile, metadata, Safetensors.Precision.F32);
    }

    /** The same with the weights stored in {@code precision} (F16 for the models that ship with the app). */
    public static void save(Path dir, AlbertWeights weights, Path tokenizerFile, Map<String, String> metadata,
                            Safetensors.Precision precision) throws CheckpointException {
        List<Tensor> tensors = CheckpointLayout.toTensors(weights); // checks every shape before a byte is written
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CheckpointException(dir, "cannot create the folder (" + CheckpointException.firstLine(e) + ")", e);
        }
        if (tokenizerFile != null) {
            copy(tokenizerFile, dir);
            Path from = tokenizerFile.toAbsolutePath().getParent();
            for (String side : TOKENIZER_SIDE_FILES) {
                if (Files.isRegularFile(from.resolve(side))) copy(from.resolve(side), dir);
            }
        }
        Safetensors.write(dir.resolve(WEIGHTS_FILE), tensors, metadata, precision);
        // config.json last: a folder whose save was interrupted has no new config that promises the new weights
        ConfigJson.write(dir.resolve(ConfigJson.FILE_NAME), weights.config(), CheckpointLayout.architecture(weights));
    }

    private static void copy(Path file, Path dir) throws CheckpointException {
        Path target = dir.resolve(file.getFileName().toString());
        try {
            if (Files.exists(target) && Files.isSameFile(file, target)) return;
        } catch (IOException e) {
            throw new CheckpointException(target, "cannot be checked (" + CheckpointException.firstLine(e) + ")", e);
        }
        if (!Files.isRegularFile(file)) throw new CheckpointException(file, "file not found");
        AtomicFiles.write(target, out -> Files.copy(file, out));
    }

    private static CheckpointException noWeights(Path dir, List<String> names) {
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (PICKLE_ENDINGS.stream().anyMatch(lower::endsWith)) {
                return new CheckpointException(dir.resolve(name), "is a pickled PyTorch file, and opening one can run "
                        + "code stored in it: ALBERT Lab never executes code from a file. Save the model as "
                        + WEIGHTS_FILE + " instead (transformers: model.save_pretrained(folder, "
                        + "safe_serialization=True))");
            }
        }
        if (names.contains(WEIGHTS_FILE + ".index.json")) {
            return new CheckpointException(dir.resolve(WEIGHTS_FILE + ".index.json"), "the model is split into "
                    + "several safetensors files, which ALBERT Lab does not read; save it as one " + WEIGHTS_FILE);
        }
        return new CheckpointException(dir.resolve(WEIGHTS_FILE), "not found in " + dir.getFileName()
                + " (it has " + String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? ", ..." : "") + ")");
    }

    private static List<String> fileNames(Path dir) throws CheckpointException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.limit(MAX_LISTED).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new CheckpointException(dir, "cannot be listed (" + CheckpointException.firstLine(e) + ")", e);
        }
    }

    /** The tokenizer names its file in its description; trust that over our guess of the search order. */
    private static Path fileUsed(Path dir, Tokenizer tokenizer, Path guess) {
        String description = tokenizer.description();
        if (description != null) {
            for (String name : TOKENIZER_FILES) {
                if (description.contains(name) && Files.isRegularFile(dir.resolve(name))) return dir.resolve(name);
            }
        }
        return guess;
    }
}
