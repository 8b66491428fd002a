package albertlab.viewmodel.live;

import albertlab.viewmodel.common.HeatmapData;
import albertlab.core.model.ForwardTrace;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole-model grid's thumbnails: one small heatmap per layer application and head, plus the means over heads
 * (last column) and over layers (last row). A thumbnail is at most 150 px wide, so a matrix longer than
 * {@link #MAX_SIDE} tokens is pooled down to at most that many cells per side: L·A full [S][S] matrices of
 * albert-base at S = 512 would be about 300 MB. Built off the JavaFX thread.
 *
 * @param cells [applications + 1][heads + 1]; index {@code applications} (or {@code heads}) holds the mean
 */
public record AttentionGrid(HeatmapData[][] cells, int applications, int heads) {

    /** Cells per side of a thumbnail at most; a pooled cell shows the largest probability it covers. */
    public static final int MAX_SIDE = 64;

    /** The thumbnail of one application and head; {@link AttentionMath#MEAN} for either picks the mean. */
    public HeatmapData cell(int application, int head) {
        return cells[application == AttentionMath.MEAN ? applications : application][head == AttentionMath.MEAN
                ? heads : head];
    }

    /** Every thumbnail of {@code r}'s pass, each on a scale 0..its own max (or 0..1). */
    public static AttentionGrid of(LiveResult r, PairFilter filter, boolean fullScale) {
        ForwardTrace trace = r.trace();
        int n = trace.applications();
        int heads = AttentionMath.heads(trace);
        HeatmapData[][] cells = new HeatmapData[n + 1][heads + 1];
        for (int l = 0; l <= n; l++) {
            for (int h = 0; h <= heads; h++) {
                double[][] m = AttentionMath.matrix(trace, l == n ? AttentionMath.MEAN : l,
                        h == heads ? AttentionMath.MEAN : h);
                HeatmapData block = AttentionMath.block(m, r.input().tokens(), trace.input().typeIds(), filter,
                        fullScale ? 1.0 : Math.max(1e-6, AttentionMath.max(m)));
                cells[l][h] = pooled(block);
            }
        }
        return new AttentionGrid(cells, n, heads);
    }

    /**
     * At most MAX_SIDE × MAX_SIDE cells; each keeps the largest value of the block it covers, so that a sharp
     * pattern (every query on [SEP], a diagonal) stays visible in a thumbnail instead of being averaged away.
     */
    static HeatmapData pooled(HeatmapData d) {
        if (d.rows() <= MAX_SIDE && d.cols() <= MAX_SIDE) return d;
        int rowStep = (d.rows() + MAX_SIDE - 1) / MAX_SIDE;
        int colStep = (d.cols() + MAX_SIDE - 1) / MAX_SIDE;
        int rows = (d.rows() + rowStep - 1) / rowStep;
        int cols = (d.cols() + colStep - 1) / colStep;
        double[][] values = new double[rows][cols];
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < d.cols(); c++) {
                double[] row = values[r / rowStep];
                row[c / colStep] = Math.max(row[c / colStep], d.value(r, c));
            }
        }
        return new HeatmapData(values, every(d.rowLabels(), rowStep), every(d.colLabels(), colStep),
                every(d.rowPositions(), rowStep), every(d.colPositions(), colStep), d.low(), d.high(), d.diverging());
    }

    private static List<String> every(List<String> labels, int step) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i += step) out.add(labels.get(i));
        return out;
    }

    private static int[] every(int[] positions, int step) {
        int[] out = new int[(positions.length + step - 1) / step];
        for (int i = 0; i < out.length; i++) out[i] = positions[i * step];
        return out;
    }
}
