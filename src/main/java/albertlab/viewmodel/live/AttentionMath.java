package albertlab.viewmodel.live;

import albertlab.viewmodel.common.HeatmapData;
import albertlab.core.model.ForwardTrace;

import java.util.ArrayList;
import java.util.List;

/** Picks and averages attention probabilities out of a trace. Pure functions; no UI. */
public final class AttentionMath {

    /** Stands for "mean over all layers" or "mean over all heads" where a layer or head index is expected. */
    public static final int MEAN = -1;

    private AttentionMath() {
    }

    /**
     * [S][S] probabilities of one layer application and head, row = query, column = key; {@link #MEAN} for
     * {@code layer} averages over applications, for {@code head} over heads.
     */
    public static double[][] matrix(ForwardTrace trace, int layer, int head) {
        int n = trace.applications();
        int s = trace.input().length();
        double[][] out = new double[s][s];
        int layerFrom = layer == MEAN ? 0 : layer;
        int layerTo = layer == MEAN ? n : layer + 1;
        int count = 0;
        for (int l = layerFrom; l < layerTo; l++) {
            float[][][] att = trace.attentions().get(l);         // [A][S][S]
            int headFrom = head == MEAN ? 0 : head;
            int headTo = head == MEAN ? att.length : head + 1;
            for (int a = headFrom; a < headTo; a++) {
                for (int q = 0; q < s; q++) {
                    for (int k = 0; k < s; k++) out[q][k] += att[a][q][k];
                }
                count++;
            }
        }
        if (count > 1) {
            for (double[] row : out) for (int k = 0; k < s; k++) row[k] /= count;
        }
        return out;
    }

    public static int heads(ForwardTrace trace) {
        return trace.attentions().isEmpty() ? 0 : trace.attentions().get(0).length;
    }

    /**
     * The block of {@code full} [S][S] that {@code filter} keeps, labelled with the tokens.
     *
     * @param segments token type per position
     * @param high     value for the top of the colour scale
     */
    public static HeatmapData block(double[][] full, List<String> tokens, int[] segments, PairFilter filter,
                                    double high) {
        List<Integer> rows = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            if (filter.keepsQuery(segments[t])) rows.add(t);
            if (filter.keepsKey(segments[t])) cols.add(t);
        }
        double[][] values = new double[rows.size()][cols.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) values[r][c] = full[rows.get(r)][cols.get(c)];
        }
        return new HeatmapData(values, rows.stream().map(tokens::get).toList(), cols.stream().map(tokens::get).toList(),
                rows.stream().mapToInt(Integer::intValue).toArray(), cols.stream().mapToInt(Integer::intValue).toArray(),
                0, high, false);
    }

    public static double max(double[][] m) {
        double out = 0;
        for (double[] row : m) for (double v : row) out = Math.max(out, v);
        return out;
    }

    /** Mean |a − b| over all cells: how differently two layers attend. */
    public static double meanAbsoluteDifference(double[][] a, double[][] b) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                sum += Math.abs(a[i][j] - b[i][j]);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
