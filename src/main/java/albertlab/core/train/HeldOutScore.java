package albertlab.core.train;

/** Masked-LM and sentence-order scores on held-out batches at one step of a run. */
public record HeldOutScore(long step, double mlmLoss, double mlmAccuracy, int targets, double sopAccuracy,
                           int pairs) {
}
