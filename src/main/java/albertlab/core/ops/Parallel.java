package albertlab.core.ops;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Splits a loop over the machine's cores. The caller's thread works too; helper threads come from one small fixed
 * pool of daemon threads (so the command line exits when main returns). Work is handed out in chunks from a shared
 * counter: a helper that starts late (another program holds the core) simply takes fewer chunks, and one that never
 * started is cancelled instead of waited for.
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

    public static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code task} over [0, n) split into chunks; {@code flops} estimates the whole loop's work. Returns when
     * every chunk is done; an exception in any chunk is rethrown here.
     */
    public static void forRange(int n, long flops, RangeTask task) {
        if (n <= 0) return;
        if (POOL == null || n == 1 || flops < INLINE_FLOPS || IN_POOL.get()) {
            task.run(0, n);
            return;
        }
        // a few chunks per thread balance uneven starts without much counter traffic
        int chunks = Math.min(n, 4 * THREADS);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int c;
            while ((c = next.getAndIncrement()) < chunks && failure.get() == null) {
                try {
                    task.run((int) ((long) c * n / chunks), (int) ((long) (c + 1) * n / chunks));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        Future<?>[] helpers = new Future<?>[THREADS - 1];
        for (int h = 0; h < helpers.length; h++) helpers[h] = POOL.submit(worker);
        worker.run();
        for (Future<?> f : helpers) {
            if (f.cancel(false)) continue; // never started: nothing left for it
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a kernel thread", e);
            } catch (java.util.concurrent.ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        if (t != null) throw new IllegalStateException(t);
    }
}
