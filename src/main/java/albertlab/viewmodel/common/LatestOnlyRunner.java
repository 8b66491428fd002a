package albertlab.viewmodel.common;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs long work (forward passes, model loading) off the JavaFX thread and hands back only the newest result:
 * every submission takes a revision number, and a result whose revision is no longer the newest is dropped, so a
 * slow stale pass never overwrites a fresh one. Tests pass same-thread executors for both sides.
 */
public final class LatestOnlyRunner {

    private final Executor background;
    private final Executor uiThread;
    private final AtomicLong revision = new AtomicLong();

    /**
     * @param background where the work runs (a single daemon thread in the app)
     * @param uiThread   where results are applied ({@code Platform::runLater} in the app)
     */
    public LatestOnlyRunner(Executor background, Executor uiThread) {
        this.background = background;
        this.uiThread = uiThread;
    }

    /** Submits work; {@code onResult} or {@code onError} runs on the UI executor only if still the newest. */
    public <T> long submit(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        long mine = revision.incrementAndGet();
        background.execute(() -> {
            if (mine != revision.get()) return; // already superseded before it started
            try {
                T result = work.get();
                uiThread.execute(() -> {
                    if (mine == revision.get()) onResult.accept(result);
                });
            } catch (RuntimeException | Error e) {
                uiThread.execute(() -> {
                    if (mine == revision.get()) onError.accept(e);
                });
            }
        });
        return mine;
    }

    /** Drops whatever is in flight. */
    public void cancelPending() {
        revision.incrementAndGet();
    }

    public long currentRevision() {
        return revision.get();
    }
}
