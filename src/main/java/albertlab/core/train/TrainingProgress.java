package albertlab.core.train;

/**
 * What one step did, for progress lines and live curves.
 *
 * @param totalSteps        0 when the run is bounded by minutes
 * @param mlmAccuracy       top-1 accuracy on this batch's masked-LM targets
 * @param tokensSeen        real (unpadded) tokens trained on so far
 * @param positionsPerSecond B·S positions per second over the last steps (padding counted, as TensorFlow counts)
 */
public record TrainingProgress(long step, long totalSteps, double mlmLoss, double sopLoss, double mlmAccuracy,
                               double sopAccuracy, double learningRate, double gradientNorm, long tokensSeen,
                               double elapsedSeconds, double positionsPerSecond, double millisPerStep) {
}
