package albertlab.core.model;

/**
 * {@code AlbertForPreTraining}'s loss on one batch: mean masked-LM cross-entropy over the targets plus mean
 * sentence-order cross-entropy over the sequences.
 *
 * @param mlmCorrect targets whose top-1 guess was right (a free read-out of the forward pass)
 * @param sopCorrect sequences whose order the SOP head got right
 */
public record PretrainingLoss(double mlmLoss, double sopLoss, int targets, int mlmCorrect, int sequences,
                              int sopCorrect) {

    public double total() {
        return mlmLoss + sopLoss;
    }

    public boolean isFinite() {
        return Double.isFinite(mlmLoss) && Double.isFinite(sopLoss);
    }
}
