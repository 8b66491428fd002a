package albertlab.viewmodel.common;

import java.util.List;

/**
 * A matrix ready to draw: values [rows][cols], a label per row and column, and the original positions of the
 * rows and columns (a pair filter shows a block of the full matrix, but hovering still names the real tokens).
 *
 * @param low  value drawn with the lowest colour of the scale
 * @param high value drawn with the highest colour
 * @param diverging centre the colour scale on zero (cosine similarity) instead of a one-sided scale
 */
public record HeatmapData(double[][] values, List<String> rowLabels, List<String> colLabels, int[] rowPositions,
                          int[] colPositions, double low, double high, boolean diverging) {

    public HeatmapData {
        rowLabels = List.copyOf(rowLabels);
        colLabels = List.copyOf(colLabels);
        if (values.length != rowLabels.size() || rowPositions.length != values.length) {
            throw new IllegalArgumentException("rows: " + values.length + " values, " + rowLabels.size()
                    + " labels, " + rowPositions.length + " positions");
        }
        for (double[] row : values) {
            if (row.length != colLabels.size()) {
                throw new IllegalArgumentException("a row has " + row.length + " values for " + colLabels.size()
                        + " columns");
            }
        }
        if (colPositions.length != colLabels.size()) throw new IllegalArgumentException("column positions");
    }

    public int rows() {
        return values.length;
    }

    public int cols() {
        return colLabels.size();
    }

    public double value(int row, int col) {
        return values[row][col];
    }

    public boolean isEmpty() {
        return values.length == 0 || colLabels.isEmpty();
    }

    /** Largest value in the matrix (0 when empty). */
    public double max() {
        double m = 0;
        for (double[] row : values) for (double v : row) m = Math.max(m, v);
        return m;
    }
}
