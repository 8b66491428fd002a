package albertlab.core.train;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.InitialWeights;
import albertlab.core.model.WeightArrays;
import albertlab.core.ops.Kernels;
import albertlab.core.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    @TempDir
    Path dir;

    private TrainingSettings settings(long steps, OptimizerKind optimizer, double lr) {
        return new TrainingSettings(8, 16, steps, 0, lr, 10, optimizer, 0.01, 1.0, MaskingStrategy.TOKEN, 5, 2, 0,
                0, 4);
    }

    private PretrainingBatches batches(Tokenizer tokenizer, TrainingSettings s) throws Exception {
        TrainingCorpus corpus = TrainingCorpus.read(List.of(dir.resolve("corpus.txt")), tokenizer);
        SpecialTokens specials = SpecialTokens.of(tokenizer);
        return new PretrainingBatches(corpus, specials, new MlmMasking(s.masking(), specials, s.maxPredictions()),
                s.batchSize(), s.maxSeqLength(), s.seed());
    }

    @Test
    void aTinyModelLearnsAHandfulOfSentencesByHeart() throws Exception {
        TinyCorpus.write(dir);
        Tokenizer tokenizer = TinyCorpus.tokenizer(dir);
        TrainingSettings s = settings(1500, OptimizerKind.ADAMW, 1e-2);
        AlbertConfig config = TinyCorpus.config(tokenizer, SharingMode.ALL_SHARED);
        List<Double> mlm = new ArrayList<>();
        try (Trainer trainer = new Trainer(InitialWeights.draw(config, 1), s, batches(tokenizer, s), Kernels.best(),
                null, Trainer.State.START, null, null)) {
            trainer.run(new TrainingListener() {
                @Override
                public void onStep(TrainingProgress p) {
                    mlm.add(p.mlmLoss());
                }
            }, null);
        }
        assertEquals(1500, mlm.size());
        double first = mean(mlm.subList(0, 10));
        double last = mean(mlm.subList(mlm.size() - 20, mlm.size()));
        assertTrue(first > 3, "starts near ln V = " + Math.log(tokenizer.vocabSize()) + ": " + first);
        assertTrue(last < 0.1, "MLM loss after 1500 steps: " + last + " (from " + first + ")");
    }

    @Test
    void aResumedRunRepeatsTheUnbrokenOneExactly() throws Exception {
        TinyCorpus.write(dir);
        Tokenizer tokenizer = TinyCorpus.tokenizer(dir);
        for (OptimizerKind kind : List.of(OptimizerKind.LAMB, OptimizerKind.ADAMW)) {
            TrainingSettings s = settings(12, kind, 1e-3);
            AlbertConfig config = TinyCorpus.config(tokenizer, SharingMode.SHARED_ATTENTION);
            AlbertWeights unbroken;
            try (Trainer t = new Trainer(InitialWeights.draw(config, 1), s, batches(tokenizer, s), Kernels.best(),
                    null, Trainer.State.START, null, null)) {
                t.run(TrainingListener.NONE, null);
                unbroken = t.weights();
            }
            Path out = dir.resolve("run-" + kind.cliName());
            try (Trainer t = new Trainer(InitialWeights.draw(config, 1), s, batches(tokenizer, s), Kernels.best(),
                    null, Trainer.State.START, null, null)) {
                for (int i = 0; i < 5; i++) t.step();
                TrainingCheckpoint.save(out, t, dir.resolve("vocab.txt"), java.util.Map.of("note", "test"));
            }
            TrainingCheckpoint.Resumed r = TrainingCheckpoint.resume(out);
            assertEquals(5, r.state().step());
            AlbertWeights resumed;
            try (Trainer t = new Trainer(r.model().model().weights(), s, batches(tokenizer, s), Kernels.best(), null,
                    r.state(), r.optimizerState(), r.history())) {
                t.run(TrainingListener.NONE, null);
                assertEquals(12, t.stepsDone());
                resumed = t.weights();
            }
            List<float[]> a = WeightArrays.of(unbroken);
            List<float[]> b = WeightArrays.of(resumed);
            for (int k = 0; k < a.size(); k++) assertArrayEquals(a.get(k), b.get(k), kind + " array " + k);
        }
    }

    @Test
    void aNanLossStopsTheRunAndNamesTheStep() throws Exception {
        TinyCorpus.write(dir);
        Tokenizer tokenizer = TinyCorpus.tokenizer(dir);
        TrainingSettings s = settings(5, OptimizerKind.SGD, 1e-3);
        AlbertWeights w = InitialWeights.draw(TinyCorpus.config(tokenizer, SharingMode.ALL_SHARED), 1);
        w.mlmHead().dense().weight().data[0] = Float.NaN;
        try (Trainer t = new Trainer(w, s, batches(tokenizer, s), Kernels.best(), null, Trainer.State.START, null,
                null)) {
            TrainingException e = assertThrows(TrainingException.class, () -> t.run(TrainingListener.NONE, null));
            assertTrue(e.getMessage().startsWith("step 1: the loss is not a number"), e.getMessage());
            assertTrue(e.getMessage().contains("smaller --learning-rate"), e.getMessage());
            assertEquals(0, t.stepsDone());
        }
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
