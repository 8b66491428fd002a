package albertlab.viewmodel.live;

import albertlab.core.config.SharingMode;

/**
 * One sharing mode's measured forward pass on the current sentence.
 *
 * @param medianMillis     median wall time of the timed runs
 * @param storedParameters parameters the model stores (each shared weight once)
 * @param flops            matrix-product FLOPs of one pass: the same for every mode
 */
public record TimingRow(SharingMode mode, double medianMillis, double minMillis, double maxMillis, int runs,
                        long storedParameters, long flops, boolean current) {
}
