package albertlab.viewmodel.live;

/**
 * Two layer applications side by side.
 *
 * @param sameWeights          both run the very same attention weights (LayerSchedule.sameAttention)
 * @param meanAbsoluteDifference mean |Δ| of their attention probabilities for the current sentence: above zero
 *                             even with the same weights, because each layer sees a different input
 */
public record LayerComparison(int first, int second, int firstSlot, int secondSlot, boolean sameWeights,
                              double meanAbsoluteDifference) {
}
