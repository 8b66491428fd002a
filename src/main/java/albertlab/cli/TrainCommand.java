package albertlab.cli;

import albertlab.core.config.AlbertConfig;
import albertlab.core.io.BatchFile;
import albertlab.core.io.CheckpointException;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.InitialWeights;
import albertlab.core.model.PretrainingBatch;
import albertlab.core.model.WeightArrays;
import albertlab.core.ops.Kernels;
import albertlab.core.ops.Parallel;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.tokenizer.Tokenizers;
import albertlab.core.train.BatchSource;
import albertlab.core.train.HeldOutEvaluation;
import albertlab.core.train.HeldOutScore;
import albertlab.core.train.MaskingStrategy;
import albertlab.core.train.PretrainingData;
import albertlab.core.train.MemoryEstimate;
import albertlab.core.train.MlmMasking;
import albertlab.core.train.OptimizerKind;
import albertlab.core.train.PretrainingBatches;
import albertlab.core.train.SpecialTokens;
import albertlab.core.train.Trainer;
import albertlab.core.train.TrainingCheckpoint;
import albertlab.core.train.TrainingCorpus;
import albertlab.core.train.TrainingException;
import albertlab.core.train.TrainingListener;
import albertlab.core.train.TrainingProgress;
import albertlab.core.train.TrainingSettings;
import com.google.gson.JsonObject;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code train}: ALBERT pre-training (MLM + SOP) from a corpus, or SGD steps on one fixed batch. */
final class TrainCommand implements Command {

    private static final long PROGRESS_EVERY_NANOS = 3_000_000_000L;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "pre-train a model (masked LM + sentence order) from a corpus or on one batch";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("tokenizer", "model", "init", "batch-file", "preset", "embedding", "hidden", "layers", "heads",
                "intermediate", "max-position", "type-vocab", "sharing", "groups", "inner-groups", "projection",
                "max-seq-length", "batch-size", "steps", "minutes", "learning-rate", "warmup", "optimizer",
                "weight-decay", "masking", "threads", "seed", "eval-file", "eval-every", "save-every", "out",
                "max-predictions", "clip-norm", "activation", "init-range");
    }

    @Override
    public Set<String> switches() {
        return Set.of("resume", "json", "quiet");
    }

    @Override
    public Set<String> listOptions() {
        return Set.of("corpus");
    }

    @Override
    public String usage() {
        return """
                usage: albert-lab train --corpus FILE [FILE...] (--tokenizer PATH | --model DIR) --out DIR [options]
                       albert-lab train --out DIR --resume [--steps N | --minutes M] [--threads N]
                       albert-lab train --init DIR --batch-file FILE --optimizer sgd --learning-rate LR --steps N
                                        --out DIR [--json]
                  A corpus file is UTF-8 text, one sentence (or poem line) per line, documents separated by blank
                  lines; sentence pairs come from consecutive lines of one document.
                  --tokenizer PATH     spiece.model, tokenizer.json or vocab.txt (V is taken from it)
                  --model DIR          go on from a model folder (its sizes and tokenizer)
                  sizes as for params: --preset --embedding --hidden --layers --heads --intermediate
                                       --max-position --sharing none|all|attention|ffn --groups --inner-groups
                                       --projection hf|original --activation gelu_new|gelu|relu
                  --max-seq-length S   tokens per sequence (128)     --batch-size B   sequences per step (32)
                  --steps N | --minutes M                            --learning-rate LR (1e-3 for lamb/adamw)
                  --warmup N           linear warm-up steps (1% of --steps)
                  --optimizer lamb|adamw|sgd (lamb)                   --weight-decay W (0.01)
                  --clip-norm C        global gradient norm (1.0; off for sgd)
                  --masking token|ngram (token)                       --max-predictions K per sequence
                  --threads N          cores (all)                    --seed S (42)
                  --init-range R       standard deviation of the initial weights (0.02, as Hugging Face)
                  --eval-file FILE --eval-every N   held-out MLM/SOP scores every N steps
                  --save-every M       checkpoint every M minutes (and at the end)
                  --out DIR            model folder + training.json + loss.csv + optimizer state
                  --resume             go on from the last checkpoint in --out, with its settings
                  --json               with --batch-file: {"steps":[{"step","loss","mlmLoss","sopLoss"}]}
                  Progress goes to stderr every few seconds; Ctrl+C keeps the last checkpoint.""";
    }

    @Override
    public void run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        Path outDir = Path.of(args.require("out"));
        checkOut(outDir);
        if (args.has("batch-file")) {
            fixedBatch(args, outDir, out, err);
        } else if (args.flag("resume")) {
            resume(args, outDir, err);
        } else {
            fromCorpus(args, outDir, err);
        }
    }

    // ---- one fixed batch (exact checks)

    private void fixedBatch(Arguments args, Path outDir, PrintStream out, PrintStream err) throws Exception {
        LoadedModel init = ModelFolder.load(Path.of(args.require("init")));
        AlbertConfig config = init.config();
        AlbertWeights weights = init.model().weights();
        if (weights.mlmHead() == null || weights.sopClassifier() == null) {
            throw new CheckpointException(init.folder(), "has no MLM and SOP heads to pre-train "
                    + "(an AlbertForPreTraining checkpoint is needed)");
        }
        PretrainingBatch batch = BatchFile.read(Path.of(args.get("batch-file")), config.vocabSize(),
                config.typeVocabSize(), config.maxPositionEmbeddings());
        long steps = args.longValue("steps", 1);
        TrainingSettings settings = settings(args, batch.sequences(), batch.tokens(), steps, 0, OptimizerKind.SGD,
                batch.targets());
        List<Map<String, Object>> rows = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(TrainingProgress p) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", p.step());
                row.put("loss", p.mlmLoss() + p.sopLoss());
                row.put("mlmLoss", p.mlmLoss());
                row.put("sopLoss", p.sopLoss());
                rows.add(row);
                if (!args.flag("json")) {
                    err.printf(Locale.ROOT, "step %d  loss %.6f  mlm %.6f  sop %.6f%n", p.step(),
                            p.mlmLoss() + p.sopLoss(), p.mlmLoss(), p.sopLoss());
                }
            }
        };
        Map<String, Object> record = record(args, settings, config);
        record.put("batchFile", args.get("batch-file"));
        record.put("init", args.get("init"));
        try (Trainer trainer = new Trainer(weights, settings, BatchSource.fixed(batch), Kernels.best(), null,
                Trainer.State.START, null, null)) {
            trainer.run(listener, t -> save(outDir, t, init.tokenizerFile(), record, TrainingListener.NONE, err));
        }
        if (args.flag("json")) out.println(Json.GSON.toJson(Map.of("steps", rows)));
    }

    // ---- corpus

    private void fromCorpus(Arguments args, Path outDir, PrintStream err) throws Exception {
        List<String> corpusFiles = args.list("corpus");
        if (corpusFiles.isEmpty()) throw new UsageException("give --corpus FILE [FILE...], --batch-file or --resume");
        if (args.has("tokenizer") == args.has("model")) throw new UsageException("give either --tokenizer or --model");
        if (Files.isRegularFile(outDir.resolve(TrainingCheckpoint.TRAINING_JSON))
                && Files.isRegularFile(outDir.resolve(ModelFolder.WEIGHTS_FILE))) {
            throw new UsageException(outDir + " holds a training run already: add --resume to go on with it, or "
                    + "choose another --out");
        }
        Tokenizer tokenizer;
        Path tokenizerFile;
        AlbertWeights weights;
        AlbertConfig config;
        long seed = args.longValue("seed", 42);
        if (args.has("model")) {
            LoadedModel model = ModelFolder.load(Path.of(args.get("model")));
            if (!model.hasTokenizer()) throw new CheckpointException(model.folder(), model.noTokenizerReason());
            tokenizer = model.tokenizer();
            tokenizerFile = model.tokenizerFile();
            config = model.config();
            weights = WeightArrays.copy(model.model().weights());
            if (weights.mlmHead() == null || weights.sopClassifier() == null) {
                throw new CheckpointException(model.folder(), "has no MLM and SOP heads to go on pre-training");
            }
        } else {
            tokenizerFile = Path.of(args.get("tokenizer"));
            tokenizer = Tokenizers.load(tokenizerFile);
            config = sizes(args, tokenizer);
            weights = null;
        }
        int seqLength = args.intValue("max-seq-length", 128);
        if (seqLength > config.maxPositionEmbeddings()) {
            throw new UsageException("--max-seq-length " + seqLength + " exceeds the model's "
                    + config.maxPositionEmbeddings() + " positions");
        }
        long steps = args.longValue("steps", 0);
        double minutes = args.doubleValue("minutes", 0);
        TrainingSettings settings = settings(args, args.intValue("batch-size", 32), seqLength, steps, minutes,
                OptimizerKind.LAMB, 0);
        long started = System.nanoTime();
        TrainingCorpus corpus = TrainingCorpus.read(paths(corpusFiles), tokenizer);
        err.printf(Locale.ROOT, "corpus: %,d documents, %,d lines, %,d tokens (%.1f s)%n", corpus.documents().size(),
                corpus.lines(), corpus.tokens(), (System.nanoTime() - started) / 1e9);
        MemoryEstimate memory = MemoryEstimate.of(config, settings, corpus.tokens());
        memory.requireFits(Runtime.getRuntime().maxMemory());
        if (weights == null) {
            weights = InitialWeights.draw(config, seed, args.doubleValue("init-range", InitialWeights.INITIALIZER_RANGE));
        }
        Map<String, Object> record = record(args, settings, config);
        record.put("corpus", corpusFiles);
        record.put("corpusTokens", corpus.tokens());
        record.put("tokenizer", tokenizerFile.getFileName().toString());
        if (args.has("model")) record.put("startedFrom", args.get("model"));
        record.put("memoryEstimate", memory.describe());
        train(args, outDir, weights, settings, corpus, tokenizer, tokenizerFile, record, Trainer.State.START, null,
                null, err);
    }

    private void resume(Arguments args, Path outDir, PrintStream err) throws Exception {
        TrainingCheckpoint.Resumed resumed = TrainingCheckpoint.resume(outDir);
        JsonObject training = resumed.training();
        TrainingSettings saved = savedSettings(outDir, training);
        long steps = args.has("steps") ? args.longValue("steps", 0) : saved.steps();
        double minutes = args.has("minutes") ? args.doubleValue("minutes", 0) : saved.minutes();
        if (args.has("steps") && !args.has("minutes")) minutes = 0;
        if (args.has("minutes") && !args.has("steps")) steps = 0;
        TrainingSettings settings;
        try {
            settings = new TrainingSettings(saved.batchSize(), saved.maxSeqLength(), steps, minutes,
                    saved.learningRate(), saved.warmup(), saved.optimizer(), saved.weightDecay(), saved.clipNorm(),
                    saved.masking(), saved.seed(), args.intValue("threads", saved.threads()), saved.evalEvery(),
                    args.has("save-every") ? args.doubleValue("save-every", 0) : saved.saveEveryMinutes(),
                    saved.maxPredictions());
        } catch (IllegalArgumentException e) {
            // --steps, --minutes, --threads or --save-every out of range (Main reports a bare one as a bug)
            throw new UsageException(e.getMessage());
        }
        LoadedModel model = resumed.model();
        if (!model.hasTokenizer()) throw new CheckpointException(outDir, model.noTokenizerReason());
        List<String> files = new ArrayList<>();
        training.getAsJsonArray("corpus").forEach(e -> files.add(e.getAsString()));
        TrainingCorpus corpus = TrainingCorpus.read(paths(files), model.tokenizer());
        Map<String, Object> record = new LinkedHashMap<>();
        for (String key : training.keySet()) record.put(key, Json.GSON.fromJson(training.get(key), Object.class));
        record.put("settings", settings);
        record.put("resumedAt", resumed.state().step());
        err.printf(Locale.ROOT, "resuming %s at step %,d%n", outDir, resumed.state().step());
        train(args, outDir, model.model().weights(), settings, corpus, model.tokenizer(), model.tokenizerFile(),
                record, resumed.state(), resumed.optimizerState(), resumed.history(), err);
    }

    private void train(Arguments args, Path outDir, AlbertWeights weights, TrainingSettings settings,
                       TrainingCorpus corpus, Tokenizer tokenizer, Path tokenizerFile, Map<String, Object> record,
                       Trainer.State start, Map<String, albertlab.core.model.Tensor> optimizerState,
                       List<Trainer.LossRow> history, PrintStream err) throws Exception {
        Parallel.limit(settings.threads());
        String evalFile = args.has("eval-file") ? args.get("eval-file")
                : record.get("evalFile") instanceof String s ? s : null;
        TrainingCorpus eval = evalFile == null ? null : TrainingCorpus.read(List.of(Path.of(evalFile)), tokenizer);
        if (evalFile != null) record.put("evalFile", evalFile);
        PretrainingData data = PretrainingData.of(corpus, eval, tokenizer, settings);
        PretrainingBatches batches = data.batches();
        HeldOutEvaluation heldOut = data.heldOut();
        boolean quiet = args.flag("quiet");
        Progress progress = new Progress(err, quiet);
        try (Trainer trainer = new Trainer(weights, settings, batches, Kernels.best(), heldOut, start, optimizerState,
                history)) {
            Thread hook = new Thread(trainer::requestStop, "albertlab-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                trainer.run(progress, t -> save(outDir, t, tokenizerFile, record, progress, err));
            } catch (TrainingException e) {
                throw e;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl+C: the hook asked the loop to stop, and the loop saved before returning
                }
            }
            err.printf(Locale.ROOT, "done: step %,d, %,d tokens, %.1f min; saved to %s%n", trainer.stepsDone(),
                    trainer.state().tokensSeen(), trainer.elapsedSeconds() / 60, outDir);
        }
    }

    private static void save(Path outDir, Trainer t, Path tokenizerFile, Map<String, Object> record,
                             TrainingListener listener, PrintStream err) throws CheckpointException {
        TrainingCheckpoint.save(outDir, t, tokenizerFile, record);
        listener.onSaved(t.stepsDone(), outDir);
    }

    /** A progress line every few seconds on stderr. */
    private static final class Progress implements TrainingListener {
        private final PrintStream err;
        private final boolean quiet;
        private long lastLine = System.nanoTime();

        Progress(PrintStream err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void onStep(TrainingProgress p) {
            if (quiet || System.nanoTime() - lastLine < PROGRESS_EVERY_NANOS) return;
            lastLine = System.nanoTime();
            String total = p.totalSteps() > 0 ? String.format(Locale.ROOT, "/%,d", p.totalSteps()) : "";
            String eta = "";
            if (p.totalSteps() > 0 && p.step() > 0) {
                eta = "  eta " + clock(p.millisPerStep() / 1000 * (p.totalSteps() - p.step()));
            }
            err.printf(Locale.ROOT, "step %,d%s  mlm %.3f  sop %.3f  acc %.2f  %,.0f tok/s  %.0f ms/step  elapsed %s%s%n",
                    p.step(), total, p.mlmLoss(), p.sopLoss(), p.mlmAccuracy(), p.positionsPerSecond(),
                    p.millisPerStep(), clock(p.elapsedSeconds()), eta);
        }

        @Override
        public void onEvaluation(HeldOutScore s) {
            if (!quiet) {
                err.printf(Locale.ROOT, "held-out at step %,d: mlm loss %.3f, top-1 %.3f on %,d targets, sop %.3f on %,d pairs%n",
                        s.step(), s.mlmLoss(), s.mlmAccuracy(), s.targets(), s.sopAccuracy(), s.pairs());
            }
        }

        @Override
        public void onSaved(long step, Path folder) {
            if (!quiet) err.printf(Locale.ROOT, "saved step %,d to %s%n", step, folder);
        }

        private static String clock(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }

    // ---- settings

    private static TrainingSettings settings(Arguments args, int batchSize, int seqLength, long steps, double minutes,
                                             OptimizerKind defaultOptimizer, int fixedTargets) throws UsageException {
        try {
            OptimizerKind optimizer = args.has("optimizer") ? OptimizerKind.fromCliName(args.get("optimizer"))
                    : defaultOptimizer;
            MaskingStrategy masking = MaskingStrategy.fromCliName(args.get("masking", "token"));
            double lr = args.doubleValue("learning-rate", optimizer == OptimizerKind.SGD ? 0.05 : 1e-3);
            long warmup = args.longValue("warmup", optimizer == OptimizerKind.SGD ? 0 : Math.max(0, steps / 100));
            int predictions = args.intValue("max-predictions", fixedTargets > 0 ? Math.max(1, fixedTargets)
                    : TrainingSettings.defaultMaxPredictions(seqLength));
            return new TrainingSettings(batchSize, seqLength, steps, minutes, lr, warmup, optimizer,
                    args.doubleValue("weight-decay", optimizer == OptimizerKind.SGD ? 0 : 0.01),
                    args.doubleValue("clip-norm", 1.0), masking, args.longValue("seed", 42),
                    args.intValue("threads", Runtime.getRuntime().availableProcessors()),
                    args.longValue("eval-every", args.has("eval-file") ? 100 : 0),
                    args.doubleValue("save-every", 10), predictions);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static TrainingSettings savedSettings(Path dir, JsonObject training) throws CheckpointException {
        try {
            return Json.GSON.fromJson(training.get("settings"), TrainingSettings.class);
        } catch (RuntimeException e) {
            throw new CheckpointException(dir.resolve(TrainingCheckpoint.TRAINING_JSON), "has no readable \"settings\" ("
                    + CheckpointException.firstLine(e) + ")");
        }
    }

    private static AlbertConfig sizes(Arguments args, Tokenizer tokenizer) throws UsageException {
        if (args.has("vocab")) throw new UsageException("--vocab is taken from the tokenizer");
        AlbertConfig.Builder b = ParamsCommand.configFrom(args).toBuilder().vocabSize(tokenizer.vocabSize())
                .padTokenId(tokenizer.padId());
        if (args.has("activation")) {
            try {
                b.hiddenAct(albertlab.core.config.Activation.fromHfName(args.get("activation")));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        AlbertConfig config = b.build();
        var fatal = config.fatalProblems();
        if (!fatal.isEmpty()) throw new UsageException(fatal.get(0).message());
        return config;
    }

    private static Map<String, Object> record(Arguments args, TrainingSettings settings, AlbertConfig config) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("format", 1);
        r.put("command", "albert-lab train " + args.commandLine());
        r.put("settings", settings);
        r.put("seed", settings.seed());
        r.put("sharing", config.sharingMode().cliName());
        r.put("kernel", Kernels.best().name());
        r.put("threads", settings.threads());
        return r;
    }

    private static List<Path> paths(List<String> names) {
        return names.stream().map(Path::of).toList();
    }

    private static void checkOut(Path dir) throws CheckpointException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CheckpointException(dir, "is a file; --out names the folder the model is written to");
        }
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new CheckpointException(dir, "cannot be created (" + CheckpointException.firstLine(e) + ")", e);
        }
        if (!Files.isWritable(dir)) throw new CheckpointException(dir, "is not writable");
    }
}
