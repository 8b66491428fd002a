package albertlab.core.train;

import albertlab.core.config.SharingMode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One or more trainers on one thread, a step of each in turn (a "round"), so that every sharing mode of a race gets
 * the same share of the CPU however fast its steps are. Pause, resume, a single round and stop come from other
 * threads and take effect between steps; work that must see the weights at rest (a probe, a save) is queued with
 * {@link #betweenRounds} and runs on the training thread between two rounds.
 */
public final class InterleavedRun {

    /** One trainer of the run and the sharing mode it trains. */
    public record Lane(SharingMode mode, Trainer trainer) {
    }

    /** Hears each round on the training thread: keep it short. */
    public interface RoundListener {
        /** {@code progress} holds one entry per lane, in lane order. */
        void onRound(long round, List<TrainingProgress> progress);

        /** Called when the held-out batches were scored (every {@code evalEvery} rounds), one score per lane. */
        default void onEvaluation(long round, List<HeldOutScore> scores) {
        }
    }

    /** Why {@link #run} returned. */
    public enum End { STOPPED, BUDGET_SPENT }

    private final List<Lane> lanes;
    private final long maxRounds;
    private final long evalEvery;
    private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
    private final Object lock = new Object();
    private boolean paused;
    private boolean stopped;
    private int singleRounds;
    private long round;

    /**
     * @param maxRounds 0 = until stopped
     * @param evalEvery score the held-out batches every this many rounds; 0 = never
     */
    public InterleavedRun(List<Lane> lanes, long maxRounds, long evalEvery) {
        if (lanes.isEmpty()) throw new IllegalArgumentException("a run needs at least one trainer");
        this.lanes = List.copyOf(lanes);
        this.maxRounds = maxRounds;
        this.evalEvery = evalEvery;
    }

    /**
     * Trains round after round until stopped or {@code maxRounds} are done. A NaN loss in any lane ends the run
     * with that lane's TrainingException; no weights of that step were updated.
     */
    public End run(RoundListener listener) throws TrainingException, InterruptedException {
        while (true) {
            drainQueue();
            synchronized (lock) {
                while (!stopped && paused && singleRounds == 0 && queued.isEmpty()) lock.wait(200);
                if (stopped) return End.STOPPED;
                if (!queued.isEmpty()) continue;
                if (paused) {
                    if (singleRounds == 0) continue;
                    singleRounds--;
                }
            }
            if (maxRounds > 0 && round >= maxRounds) return End.BUDGET_SPENT;
            // each round starts with the next lane, so no mode always steps first (after the page's work between
            // rounds, with cold caches) or last: the order costs every mode the same
            int n = lanes.size();
            TrainingProgress[] progress = new TrainingProgress[n];
            for (int k = 0; k < n; k++) {
                int i = (int) ((round + k) % n);
                progress[i] = lanes.get(i).trainer().step();
            }
            round++;
            listener.onRound(round, List.of(progress));
            if (evalEvery > 0 && round % evalEvery == 0) evaluate(listener);
        }
    }

    /** Scores every lane on the held-out batches now, on the calling (training) thread. */
    private void evaluate(RoundListener listener) {
        List<HeldOutScore> scores = new ArrayList<>(lanes.size());
        for (Lane lane : lanes) scores.add(lane.trainer().evaluate(TrainingListener.NONE));
        if (scores.stream().allMatch(s -> s != null)) listener.onEvaluation(round, scores);
    }

    /** Runs what is queued now, on the calling thread (the run's own thread, after {@link #run} returned). */
    public void runQueued() {
        drainQueue();
    }

    private void drainQueue() {
        Runnable r;
        while ((r = queued.poll()) != null) r.run();
    }

    /** Runs {@code work} on the training thread before the next round (at once when paused). */
    public void betweenRounds(Runnable work) {
        queued.add(work);
        wake();
    }

    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** While paused: one more round, then pause again. */
    public void stepOnce() {
        synchronized (lock) {
            paused = true;
            singleRounds++;
            lock.notifyAll();
        }
    }

    public void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    private void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** Rounds done (a round is one step of every lane). Read it on the training thread or after the run. */
    public long rounds() {
        return round;
    }
}
