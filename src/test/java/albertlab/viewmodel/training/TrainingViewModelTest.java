package albertlab.viewmodel.training;

import albertlab.core.config.SharingMode;
import albertlab.core.train.TinyCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Training page's view model without a toolkit: the test thread plays the JavaFX thread. */
class TrainingViewModelTest {

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
    private final Executor uiThread = ui::add;

    private TrainingViewModel vm() throws Exception {
        Path corpus = TinyCorpus.write(dir, """
                the cat sat on the mat .
                the dog ran to the park .

                my sister reads a long book .
                her brother plays the old piano .

                we walk home after the rain .
                they cook rice for the family .
                """);
        TrainingViewModel vm = new TrainingViewModel(Runnable::run, uiThread);
        vm.probeProperty().set("the cat sat on the mat .");
        vm.addCorpora(List.of(new CorpusChoice("tiny", "training.corpus.file", "tiny", corpus, null,
                dir.resolve("vocab.txt"), "en")), "en");
        pump(() -> vm.stateProperty().get() == TrainingViewModel.State.READY);
        TrainingSizes s = vm.sizes();
        s.embedding().set(8);
        s.hidden().set(32);
        s.layers().set(2);
        s.heads().set(2);
        s.intermediate().set(64);
        vm.batchSize().set(4);
        vm.threads().set(1);
        return vm;
    }

    private void pump(BooleanSupplier done) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (!done.getAsBoolean()) {
            Runnable r;
            while ((r = ui.poll()) != null) r.run();
            if (done.getAsBoolean()) return;
            if (System.currentTimeMillis() > end) throw new AssertionError("not reached in 60 s");
            Thread.sleep(5);
        }
    }

    @Test
    void theRaceTablePlansEveryTickedModeBeforeStart() throws Exception {
        TrainingViewModel vm = vm();
        vm.modeProperty(SharingMode.NOT_SHARED).set(true);
        List<RaceRow> rows = vm.plannedRowsProperty().get();
        assertEquals(List.of(SharingMode.ALL_SHARED, SharingMode.NOT_SHARED), rows.stream().map(RaceRow::mode).toList());
        assertTrue(rows.get(0).parameters() < rows.get(1).parameters());
        assertEquals(rows.get(0).flopsPerStep(), rows.get(1).flopsPerStep(), "sharing does not change the FLOPs");
        assertNotNull(vm.memoryProperty().get());
        assertEquals("training.memory.fits", vm.memoryProperty().get().key());
        // a size that makes no model: H = 32 over 3 heads
        vm.sizes().heads().set(3);
        assertEquals("training.problem.heads", vm.sizes().problemProperty().get().key());
        assertTrue(vm.plannedRowsProperty().get().isEmpty());
    }

    @Test
    void startThenPauseThenStepAndTheSentenceFollowsTheTable() throws Exception {
        TrainingViewModel vm = vm();
        vm.modeProperty(SharingMode.NOT_SHARED).set(true);
        vm.start();
        pump(() -> vm.updateProperty().get() != null && vm.updateProperty().get().rounds() >= 30);
        vm.pause();
        pump(() -> vm.stateProperty().get() == TrainingViewModel.State.PAUSED);
        long at = vm.updateProperty().get().rounds();
        vm.stepOnce();
        pump(() -> vm.updateProperty().get().rounds() == at + 1);
        TrainingRun.Update u = vm.updateProperty().get();
        assertEquals(2, u.lanes().size());
        RaceSentence s = vm.sentenceProperty().get();
        assertNotNull(s);
        List<RaceRow> rows = u.rows();
        assertEquals((double) rows.get(1).parameters() / rows.get(0).parameters(), s.parameterRatio(), 1e-12);
        assertEquals(rows.get(0).msPerStep() / rows.get(1).msPerStep(), s.timeRatio(), 1e-12);
        assertEquals(rows.get(0).mlmLoss() - rows.get(1).mlmLoss(), s.lossDifference(), 1e-12);
        // the probe ran on the model: one heatmap of the sentence's tokens, five guesses for the masked word
        assertNotNull(vm.heatmapProperty().get());
        assertEquals(vm.heatmapProperty().get().rows(), vm.heatmapProperty().get().cols());
        assertEquals(5, vm.guessesProperty().get().size());
        vm.reset();
        assertNull(vm.updateProperty().get());
        assertEquals(TrainingViewModel.State.READY, vm.stateProperty().get());
    }

    @Test
    void aLossThatStopsBeingANumberStopsTheRunAndSaysSo() throws Exception {
        TrainingViewModel vm = vm();
        vm.learningRateProperty().set(1e30);
        vm.start();
        pump(() -> vm.stateProperty().get() == TrainingViewModel.State.ENDED);
        assertTrue(vm.statusIsErrorProperty().get());
        assertEquals("training.status.nan", vm.statusProperty().get().key(), vm.statusProperty().get().toString());
        long failedAt = Long.parseLong(vm.statusProperty().get().args().get(0).toString().replace(",", ""));
        TrainingRun.Update u = vm.updateProperty().get();
        assertEquals(failedAt - 1, u.rounds(), "the failing step updated nothing");
        for (var p : u.lanes().get(0).curve()) assertTrue(Double.isFinite(p.mlm()));
        assertFalse(vm.runExistsProperty().get() && vm.stateProperty().get() == TrainingViewModel.State.RUNNING);
    }

    @Test
    void theMemoryBoundKeepsFifteenPercentHeadroom() throws Exception {
        TrainingViewModel vm = vm();
        TrainingRun.Setup s = vm.setupForTest();
        assertTrue(s.fits(Runtime.getRuntime().maxMemory()));
        assertFalse(s.fits(s.memoryBytes()), "85% of exactly what it needs is not enough");
    }

    @Test
    void updatesReachTheUiAtMostTenTimesASecondWhateverTheStepRate() throws Exception {
        TrainingViewModel vm = vm();
        TrainingRun.Setup setup = vm.setupForTest();
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();
        TrainingRun run = new TrainingRun(1, setup, Runnable::run, u -> {
            updates.incrementAndGet();
            rounds.set(u.rounds());
        });
        run.start(false);
        Thread.sleep(3_000);
        run.stop();
        run.join(5_000);
        // this tiny model takes hundreds of steps a second; the page hears of them ~10 times a second, plus the
        // forced updates at the start and the end
        assertTrue(rounds.get() > 100, "rounds: " + rounds.get());
        assertTrue(updates.get() <= 3 * TrainingRun.UPDATES_PER_SECOND + 5, "updates: " + updates.get());
        assertTrue(updates.get() >= 10, "updates: " + updates.get());
    }
}
