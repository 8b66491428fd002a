package albertlab.core.ops;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ParallelTest {

    @Test
    void everyIndexRunsExactlyOnce() {
        for (int n : new int[]{1, 2, 3, 7, 100, 1001}) {
            AtomicIntegerArray hits = new AtomicIntegerArray(n);
            Parallel.forRange(n, Long.MAX_VALUE, (from, to) -> {
                for (int i = from; i < to; i++) hits.incrementAndGet(i);
            });
            for (int i = 0; i < n; i++) assertEquals(1, hits.get(i), "n=" + n + " index " + i);
        }
    }

    @Test
    void theCallerWaitsForAChunkAHelperIsStillRunning() throws InterruptedException {
        assumeTrue(Parallel.threads() > 1, "one core: every chunk runs on the caller");
        // the caller's chunk holds it until a helper has claimed the other chunk, so a helper surely runs one;
        // the helper's chunk is slow: returning before it ends would leave its flag unset
        for (int round = 0; round < 5; round++) {
            AtomicIntegerArray finished = new AtomicIntegerArray(2);
            AtomicInteger helperChunks = new AtomicInteger();
            CountDownLatch helperStarted = new CountDownLatch(1);
            Parallel.forRange(2, Long.MAX_VALUE, (from, to) -> {
                boolean helper = Thread.currentThread().getName().startsWith("albertlab-kernel");
                try {
                    if (helper) {
                        helperChunks.incrementAndGet();
                        helperStarted.countDown();
                        Thread.sleep(30);
                    } else {
                        helperStarted.await(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = from; i < to; i++) finished.set(i, 1);
            });
            assertEquals(1, helperChunks.get(), "round " + round + ": a helper ran one of the two chunks");
            assertEquals(1, finished.get(0), "round " + round);
            assertEquals(1, finished.get(1), "round " + round);
        }
    }

    @Test
    void nestedLoopsFinish() {
        AtomicIntegerArray hits = new AtomicIntegerArray(64);
        Parallel.forRange(8, Long.MAX_VALUE, (from, to) -> {
            for (int i = from; i < to; i++) {
                int outer = i;
                Parallel.forRange(8, Long.MAX_VALUE, (f, t) -> {
                    for (int j = f; j < t; j++) hits.incrementAndGet(outer * 8 + j);
                });
            }
        });
        for (int i = 0; i < 64; i++) assertEquals(1, hits.get(i));
    }

    @Test
    void aFailureInAnyChunkReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Parallel.forRange(100, Long.MAX_VALUE, (from, to) -> {
                    if (from <= 77 && 77 < to) throw new IllegalStateException("chunk with 77");
                }));
        assertEquals("chunk with 77", e.getMessage());
    }
}
