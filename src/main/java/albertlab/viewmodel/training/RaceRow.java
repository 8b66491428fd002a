package albertlab.viewmodel.training;

import albertlab.core.config.SharingMode;

/**
 * One row of the race table: what a sharing mode stores, what a step costs, what a step measured, and where its
 * loss is now.
 *
 * @param parameters   parameters stored (the same counter as the Parameter Explorer)
 * @param flopsPerStep FLOPs of one training step: forward plus backward, counted as 3 × the forward pass's
 *                     matrix products over the batch
 * @param msPerStep    measured: mean wall time of this mode's recent steps, NaN before the first
 * @param mlmLoss      smoothed MLM loss now, NaN before the first step
 * @param steps        steps done
 */
public record RaceRow(SharingMode mode, long parameters, double flopsPerStep, double msPerStep, double mlmLoss,
                      long steps) {
}
