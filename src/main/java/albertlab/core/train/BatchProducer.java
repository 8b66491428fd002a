package albertlab.core.train;

import albertlab.core.model.PretrainingBatch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Draws batches ahead of the training thread, on a thread of its own, at most {@code ahead} batches ahead (the
 * queue bounds the memory). Batches come out in index order, each exactly {@link PretrainingBatches#batch}.
 */
public final class BatchProducer implements AutoCloseable {

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean closed;

    public BatchProducer(BatchSource batches, long firstIndex, int ahead) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, ahead));
        this.thread = new Thread(() -> {
            try {
                for (long i = firstIndex; !closed; i++) {
                    Object item;
                    try {
                        item = batches.batch(i);
                    } catch (RuntimeException e) {
                        item = e;
                    }
                    while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                        // full: the trainer is busy; wait
                    }
                    if (item instanceof RuntimeException) return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "albertlab-batches");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next batch; rethrows a failure of the producing thread. */
    public PretrainingBatch next() throws InterruptedException {
        Object item = queue.take();
        if (item instanceof RuntimeException e) throw e;
        return (PretrainingBatch) item;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
