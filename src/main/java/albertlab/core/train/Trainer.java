package albertlab.core.train;

import albertlab.core.model.AlbertWeights;
import albertlab.core.model.PretrainingBatch;
import albertlab.core.model.PretrainingLoss;
import albertlab.core.model.PretrainingPass;
import albertlab.core.model.Tensor;
import albertlab.core.model.WeightArrays;
import albertlab.core.ops.Kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ALBERT pre-training, one step at a time: draw the next batch, compute the MLM + SOP loss and every gradient,
 * clip by global norm, update. {@link #run} loops until the step or time budget is spent, a stop is requested, or
 * the loss stops being a number; pause, resume and stop take effect between steps.
 *
 * <p>Not thread-safe except {@link #requestStop()}, {@link #setPaused(boolean)} and {@link #snapshot()}, which
 * another thread may call while {@link #run} runs.
 */
public final class Trainer implements AutoCloseable {

    /** Where a run stands: steps done, tokens seen and training time (a resume carries them on). */
    public record State(long step, long tokensSeen, long positionsSeen, double seconds) {
        public static final State START = new State(0, 0, 0, 0);
    }

    /** Saves a checkpoint of a trainer; called on the training thread. */
    @FunctionalInterface
    public interface Checkpointer {
        void save(Trainer trainer) throws Exception;
    }

    /** One row of loss.csv: the mean of {@link #LOG_EVERY} steps, and the held-out accuracy when it was measured. */
    public record LossRow(long step, long tokens, double mlmLoss, double sopLoss, double heldOutAccuracy) {
    }

    public static final int LOG_EVERY = 10;

    private final TrainingSettings settings;
    private final TrainableParameters parameters;
    private final PretrainingPass pass;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final BatchProducer producer;
    private final HeldOutEvaluation heldOut;
    private final List<LossRow> history = new ArrayList<>();
    private final Object snapshotLock = new Object();
    private volatile boolean stopRequested;
    private volatile boolean paused;
    private long step;
    private long tokensSeen;
    private long positionsSeen;
    private double secondsBefore;
    private long runStartNanos;
    private double windowMlm;
    private double windowSop;
    private int windowSteps;
    private HeldOutScore lastScore;
    private PretrainingLoss lastLoss;
    private long lastSavedStep = -1;

    /**
     * @param heldOut        scored every {@code evalEvery} steps, or null
     * @param optimizerState the saved moments of a resumed run, or null
     */
    public Trainer(AlbertWeights weights, TrainingSettings settings, BatchSource batches, Kernel kernel,
                   HeldOutEvaluation heldOut, State start, Map<String, Tensor> optimizerState,
                   List<LossRow> history) {
        this.settings = settings;
        this.parameters = new TrainableParameters(weights);
        this.pass = new PretrainingPass(weights.config(), kernel, 0);
        this.optimizer = Optimizer.create(settings.optimizer(), parameters, settings.weightDecay());
        if (optimizerState != null) optimizer.restore(optimizerState);
        this.schedule = settings.schedule();
        this.heldOut = heldOut;
        this.step = start.step();
        this.tokensSeen = start.tokensSeen();
        this.positionsSeen = start.positionsSeen();
        this.secondsBefore = start.seconds();
        if (history != null) this.history.addAll(history);
        this.producer = new BatchProducer(batches, step, 4);
        this.runStartNanos = System.nanoTime();
    }

    /** One step on the next batch. A NaN or infinite loss or gradient is a TrainingException; nothing is updated. */
    public TrainingProgress step() throws TrainingException, InterruptedException {
        PretrainingBatch batch = producer.next();
        long started = System.nanoTime();
        parameters.clearGradients();
        PretrainingLoss loss = pass.run(parameters.weights(), batch, parameters.gradients());
        double norm = parameters.gradientNorm();
        long next = step + 1;
        if (!loss.isFinite() || !Double.isFinite(norm)) {
            throw new TrainingException("step " + next + ": the loss is " + (loss.isFinite() ? "finite but a gradient "
                    + "is not" : "not a number (" + loss.total() + ")") + ". The weights were not updated"
                    + (lastSavedStep >= 0 ? "; the last good checkpoint is step " + lastSavedStep : "")
                    + ". Try a smaller --learning-rate (now " + settings.learningRate() + ")");
        }
        if (settings.clipNorm() > 0 && norm > settings.clipNorm()) {
            parameters.scaleGradients((float) (settings.clipNorm() / norm));
        }
        double lr = schedule.at(next);
        synchronized (snapshotLock) {
            optimizer.step(parameters, lr, next);
            step = next;
        }
        tokensSeen += batch.realTokens();
        positionsSeen += (long) batch.sequences() * batch.tokens();
        lastLoss = loss;
        record(loss);
        double millis = (System.nanoTime() - started) / 1e6;
        double elapsed = elapsedSeconds();
        return new TrainingProgress(step, settings.steps(), loss.mlmLoss(), loss.sopLoss(),
                loss.targets() == 0 ? 0 : (double) loss.mlmCorrect() / loss.targets(),
                (double) loss.sopCorrect() / loss.sequences(), lr, norm, tokensSeen, elapsed,
                (long) batch.sequences() * batch.tokens() / (millis / 1000), millis);
    }

    /**
     * Trains until the budget is spent or a stop is requested; saves with {@code checkpointer} every
     * {@code saveEveryMinutes} and at the end (when it did any step).
     */
    public void run(TrainingListener listener, Checkpointer checkpointer) throws Exception {
        long lastSave = System.nanoTime();
        runStartNanos = System.nanoTime();
        double secondsAtStart = secondsBefore;
        long stepsAtStart = step;
        while (!stopRequested && !budgetSpent(secondsAtStart)) {
            if (paused) {
                synchronized (this) {
                    while (paused && !stopRequested) wait(100);
                }
                continue;
            }
            TrainingProgress p = step();
            listener.onStep(p);
            if (heldOut != null && settings.evalEvery() > 0 && step % settings.evalEvery() == 0) evaluate(listener);
            if (checkpointer != null && settings.saveEveryMinutes() > 0
                    && System.nanoTime() - lastSave > settings.saveEveryMinutes() * 60e9) {
                save(checkpointer, listener);
                lastSave = System.nanoTime();
            }
        }
        if (heldOut != null && settings.evalEvery() > 0 && step % settings.evalEvery() != 0 && step > stepsAtStart) {
            evaluate(listener);
        }
        if (checkpointer != null && step > stepsAtStart && lastSavedStep != step) save(checkpointer, listener);
    }

    private boolean budgetSpent(double secondsAtStart) {
        if (settings.steps() > 0) return step >= settings.steps();
        return elapsedSeconds() - secondsAtStart >= settings.minutes() * 60 && step > 0;
    }

    private void save(Checkpointer checkpointer, TrainingListener listener) throws Exception {
        checkpointer.save(this);
        lastSavedStep = step;
    }

    /** Scores the held-out batches now (also recorded in the loss history). */
    public HeldOutScore evaluate(TrainingListener listener) {
        if (heldOut == null) return null;
        lastScore = heldOut.score(pass, parameters.weights(), step);
        if (!history.isEmpty() && history.get(history.size() - 1).step() == step) {
            LossRow r = history.remove(history.size() - 1);
            history.add(new LossRow(r.step(), r.tokens(), r.mlmLoss(), r.sopLoss(), lastScore.mlmAccuracy()));
        } else {
            history.add(new LossRow(step, tokensSeen, lastLoss == null ? Double.NaN : lastLoss.mlmLoss(),
                    lastLoss == null ? Double.NaN : lastLoss.sopLoss(), lastScore.mlmAccuracy()));
        }
        listener.onEvaluation(lastScore);
        return lastScore;
    }

    private void record(PretrainingLoss loss) {
        windowMlm += loss.mlmLoss();
        windowSop += loss.sopLoss();
        windowSteps++;
        if (step % LOG_EVERY == 0 || step == settings.steps()) {
            history.add(new LossRow(step, tokensSeen, windowMlm / windowSteps, windowSop / windowSteps, Double.NaN));
            windowMlm = windowSop = 0;
            windowSteps = 0;
        }
    }

    /** Training time of this run, including the time before a resume. */
    public double elapsedSeconds() {
        return secondsBefore + (System.nanoTime() - runStartNanos) / 1e9;
    }

    public void requestStop() {
        stopRequested = true;
        synchronized (this) {
            notifyAll();
        }
    }

    public void setPaused(boolean pause) {
        paused = pause;
        synchronized (this) {
            notifyAll();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /** A copy of the weights between two steps (safe from another thread) and the step it is from. */
    public Snapshot snapshot() {
        synchronized (snapshotLock) {
            return new Snapshot(step, WeightArrays.copy(parameters.weights()));
        }
    }

    public record Snapshot(long step, AlbertWeights weights) {
    }

    public State state() {
        return new State(step, tokensSeen, positionsSeen, elapsedSeconds());
    }

    public long stepsDone() {
        return step;
    }

    public AlbertWeights weights() {
        return parameters.weights();
    }

    public TrainingSettings settings() {
        return settings;
    }

    public List<Tensor> optimizerState() {
        return optimizer.state();
    }

    public List<LossRow> history() {
        return List.copyOf(history);
    }

    public HeldOutScore lastScore() {
        return lastScore;
    }

    public PretrainingLoss lastLoss() {
        return lastLoss;
    }

    public long parameterCount() {
        return parameters.count();
    }

    @Override
    public void close() {
        producer.close();
    }
}
