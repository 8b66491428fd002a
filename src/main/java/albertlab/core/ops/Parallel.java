package albertlab.core.ops;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a loop over the machine's cores. The caller's thread works too; helper threads come from one small fixed
 * pool of daemon threads (so the command line exits when main returns). Work is handed out in chunks from a shared
 * counter: a helper that starts late (another program holds the core) simply takes fewer chunks, and the caller
 * waits only for chunks a helper actually took.
 *
 * <p>Small loops run inline: handing work to another thread costs some microseconds, more than a tiny model's
 * whole product.
 */
public final class Parallel {

    /** Below this many floating-point operations a loop runs on the caller's thread. */
    public static final long INLINE_FLOPS = 1_000_000;

    /** Cores used; {@code -Dalbertlab.threads=1} runs everything on the caller's thread (benchmarks compare). */
    private static final int THREADS = Math.max(1, Integer.getInteger("albertlab.threads",
            Runtime.getRuntime().availableProcessors()));
    private static final ThreadLocal<Boolean> IN_POOL = ThreadLocal.withInitial(() -> false);
    private static final ExecutorService POOL = THREADS == 1 ? null : Executors.newFixedThreadPool(THREADS - 1, r -> {
        Thread t = new Thread(() -> {
            IN_POOL.set(true);
            r.run();
        }, "albertlab-kernel");
        t.setDaemon(true);
        return t;
    });

    /** Work on the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    private Parallel() {
    }

    /** Threads in use now: at most the pool's size, fewer after {@link #limit}. */
    private static volatile int active = THREADS;

    public static int threads() {
        return active;
    }

    /** The cores a training run may use (its {@code --threads}), from 1 to the pool's size; returns what is used. */
    public static int limit(int threads) {
        active = Math.max(1, Math.min(THREADS, threads));
        return active;
    }

    /**
     * Runs {@code task} over [0, n) split into chunks; {@code flops} estimates the whole loop's work. Returns when
     * every chunk is done; an exception in any chunk is rethrown here.
     */
    public static void forRange(int n, long flops, RangeTask task) {
        if (n <= 0) return;
        int threads = active;
        if (POOL == null || threads == 1 || n == 1 || flops < INLINE_FLOPS || IN_POOL.get()) {
            task.run(0, n);
            return;
        }
        // guided chunks: each claim takes a share of what is left, so chunks shrink toward the end and the threads
        // finish together; a thread that starts late simply claims less
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            while (true) {
                int from = next.get();
                if (from >= n) return;
                int to = from + Math.max(1, (n - from) / (2 * threads));
                if (!next.compareAndSet(from, to)) continue;
                try {
                    if (failure.get() == null) task.run(from, to);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.addAndGet(to - from);
                }
            }
        };
        // A helper that starts late finds no chunk left and returns at once, so nobody waits for it. (Do not
        // cancel its Future instead: FutureTask.cancel also "succeeds" on a task that is already running.)
        for (int h = 0; h < threads - 1; h++) POOL.execute(worker);
        worker.run();
        // only chunks that a running helper claimed are left: they finish within one chunk's time, so spin a little
        // before sleeping
        for (int spins = 0; done.get() < n; spins++) {
            if (spins < 2_000) Thread.onSpinWait();
            else LockSupport.parkNanos(20_000);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        if (t != null) throw new IllegalStateException(t);
    }
}
