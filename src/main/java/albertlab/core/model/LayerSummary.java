package albertlab.core.model;

/**
 * How much one layer application changed the hidden state, averaged over real (unmasked) tokens t between its
 * input x and output y: mean cos(x_t, y_t), mean arccos of it in degrees, and mean |y_t − x_t|₂. The ALBERT
 * paper's Figure 1 plots the L2 distance and the cosine similarity this way.
 */
public record LayerSummary(double cosine, double angleDegrees, double l2) {
}
