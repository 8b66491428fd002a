package albertlab.core.model;

import java.util.Arrays;

/**
 * @param extraLayers      apply outer layer L−1 (the shared layer, for an all-shared model) this many more times
 * @param keepAttentions   fill {@link ForwardTrace#attentions()} (large for long inputs)
 * @param computeMlm       run the MLM head when the model has one
 * @param mlmRows          the positions whose MLM logits are computed, in any order, or null for every position;
 *                         positions past the input's end are skipped; the decoder is a [V][E] product per row (V = 30000 for albert-base), so a caller that
 *                         reads one masked row saves almost all of the head's cost
 */
public record ForwardOptions(int extraLayers, boolean keepAttentions, boolean computeMlm, int[] mlmRows) {

    public static final ForwardOptions DEFAULT = new ForwardOptions(0, true, true);

    public ForwardOptions {
        if (extraLayers < 0) throw new IllegalArgumentException("extra layers must be >= 0");
        if (mlmRows != null) {
            mlmRows = mlmRows.clone();
            for (int row : mlmRows) {
                if (row < 0) throw new IllegalArgumentException("MLM row " + row + " is negative");
            }
        }
    }

    /** Every position's MLM logits when {@code computeMlm} is on. */
    public ForwardOptions(int extraLayers, boolean keepAttentions, boolean computeMlm) {
        this(extraLayers, keepAttentions, computeMlm, null);
    }

    public ForwardOptions withExtraLayers(int n) {
        return new ForwardOptions(n, keepAttentions, computeMlm, mlmRows);
    }

    /** The same options computing the MLM logits of these positions only (none: no MLM head at all). */
    public ForwardOptions withMlmRows(int... rows) {
        return new ForwardOptions(extraLayers, keepAttentions, rows.length > 0, rows);
    }

    /** A copy, so that the options stay immutable. */
    @Override
    public int[] mlmRows() {
        return mlmRows == null ? null : mlmRows.clone();
    }

    /** True when position {@code row} of an {@code tokens}-long input gets MLM logits. */
    public boolean computesMlmRow(int row, int tokens) {
        if (!computeMlm || row < 0 || row >= tokens) return false;
        if (mlmRows == null) return true;
        for (int r : mlmRows) if (r == row) return true;
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForwardOptions other && extraLayers == other.extraLayers
                && keepAttentions == other.keepAttentions && computeMlm == other.computeMlm
                && Arrays.equals(mlmRows, other.mlmRows);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * extraLayers + Boolean.hashCode(keepAttentions)) + Boolean.hashCode(computeMlm))
                + Arrays.hashCode(mlmRows);
    }

    @Override
    public String toString() {
        return "ForwardOptions[extraLayers=" + extraLayers + ", keepAttentions=" + keepAttentions + ", computeMlm="
                + computeMlm + ", mlmRows=" + Arrays.toString(mlmRows) + "]";
    }
}
