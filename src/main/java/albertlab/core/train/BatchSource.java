package albertlab.core.train;

import albertlab.core.model.PretrainingBatch;

/** Batch number i of a run (from 0), the same every time it is asked for. */
@FunctionalInterface
public interface BatchSource {

    PretrainingBatch batch(long index);

    /** The same batch at every step (the golden step, overfit checks). */
    static BatchSource fixed(PretrainingBatch batch) {
        return index -> batch;
    }
}
