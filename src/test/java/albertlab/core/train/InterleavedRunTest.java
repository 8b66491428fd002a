package albertlab.core.train;

import albertlab.core.config.SharingMode;
import albertlab.core.model.InitialWeights;
import albertlab.core.ops.Kernels;
import albertlab.core.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterleavedRunTest {

    @TempDir
    Path dir;

    private Tokenizer tokenizer;
    private PretrainingData data;
    private TrainingSettings settings;

    private InterleavedRun run(long rounds, SharingMode... modes) throws Exception {
        TinyCorpus.write(dir);
        tokenizer = TinyCorpus.tokenizer(dir);
        settings = new TrainingSettings(4, 16, 0, 1e6, 1e-3, 5, OptimizerKind.ADAMW, 0.01, 1.0,
                MaskingStrategy.TOKEN, 7, 1, 0, 0, 3);
        TrainingCorpus corpus = TrainingCorpus.read(List.of(dir.resolve("corpus.txt")), tokenizer);
        data = PretrainingData.of(corpus, corpus, tokenizer, settings, 2);
        List<InterleavedRun.Lane> lanes = new ArrayList<>();
        for (SharingMode m : modes) {
            var w = InitialWeights.draw(TinyCorpus.config(tokenizer, m), settings.seed(), 0.05);
            lanes.add(new InterleavedRun.Lane(m, new Trainer(w, settings, data.batches(), Kernels.best(),
                    data.heldOut(), Trainer.State.START, null, null)));
        }
        return new InterleavedRun(lanes, rounds, 4);
    }

    @Test
    void everyLaneTakesOneStepPerRoundOnTheSameBatches() throws Exception {
        // two lanes of the same mode and seed: the same batches in the same order give the same losses, bit for bit
        InterleavedRun run = run(12, SharingMode.ALL_SHARED, SharingMode.ALL_SHARED);
        List<List<TrainingProgress>> rounds = new ArrayList<>();
        List<Long> evaluated = new ArrayList<>();
        InterleavedRun.End end = run.run(new InterleavedRun.RoundListener() {
            @Override
            public void onRound(long round, List<TrainingProgress> progress) {
                rounds.add(progress);
            }

            @Override
            public void onEvaluation(long round, List<HeldOutScore> scores) {
                evaluated.add(round);
                assertEquals(scores.get(0).mlmLoss(), scores.get(1).mlmLoss());
            }
        });
        assertEquals(InterleavedRun.End.BUDGET_SPENT, end);
        assertEquals(12, rounds.size());
        for (int r = 0; r < rounds.size(); r++) {
            assertEquals(r + 1, rounds.get(r).get(0).step());
            assertEquals(r + 1, rounds.get(r).get(1).step());
            assertEquals(rounds.get(r).get(0).mlmLoss(), rounds.get(r).get(1).mlmLoss(), "round " + r);
        }
        assertEquals(List.of(4L, 8L, 12L), evaluated);
    }

    @Test
    void differentModesStartFromTheSameSeedAndDiverge() throws Exception {
        InterleavedRun run = run(6, SharingMode.ALL_SHARED, SharingMode.NOT_SHARED);
        List<List<TrainingProgress>> rounds = new ArrayList<>();
        run.run((round, progress) -> rounds.add(progress));
        assertEquals(6, rounds.size());
        assertNotEquals(rounds.get(5).get(0).mlmLoss(), rounds.get(5).get(1).mlmLoss());
    }

    @Test
    void pauseHoldsStepOnceTakesExactlyOneRoundAndStopEnds() throws Exception {
        InterleavedRun run = run(0, SharingMode.ALL_SHARED);
        run.pause();
        AtomicLong rounds = new AtomicLong();
        CountDownLatch ended = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                run.run((round, progress) -> rounds.set(round));
            } catch (Exception e) {
                failures.add(e);
            }
            ended.countDown();
        });
        t.start();
        Thread.sleep(200);
        assertEquals(0, rounds.get(), "paused before the first round");
        run.stepOnce();
        run.stepOnce();
        long deadline = System.currentTimeMillis() + 10_000;
        while (rounds.get() < 2 && System.currentTimeMillis() < deadline) Thread.sleep(5);
        Thread.sleep(200);
        assertEquals(2, rounds.get(), "two single rounds, then paused again");
        // work queued while paused runs at once, on the training thread
        CountDownLatch queued = new CountDownLatch(1);
        String[] where = new String[1];
        run.betweenRounds(() -> {
            where[0] = Thread.currentThread().getName();
            queued.countDown();
        });
        assertTrue(queued.await(5, TimeUnit.SECONDS));
        assertEquals(t.getName(), where[0]);
        run.resume();
        deadline = System.currentTimeMillis() + 10_000;
        while (rounds.get() < 10 && System.currentTimeMillis() < deadline) Thread.sleep(5);
        run.stop();
        assertTrue(ended.await(10, TimeUnit.SECONDS), "stop ends the run within a step");
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(rounds.get() >= 10);
    }
}
