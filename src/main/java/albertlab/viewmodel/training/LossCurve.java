package albertlab.viewmodel.training;

import java.util.ArrayList;
import java.util.List;

/**
 * One lane's MLM and SOP loss by step, raw and smoothed, bounded in memory: past {@link #MAX_POINTS} points, each
 * two neighbours merge into their mean, so a run of any length keeps its whole history at a coarser grain.
 * Smoothing is TensorBoard's: an exponential moving average with weight {@link #SMOOTHING}, corrected for its
 * start at zero. Not thread-safe: the training thread owns it and hands out copies.
 */
public final class LossCurve {

    public static final int MAX_POINTS = 2_000;
    public static final double SMOOTHING = 0.95;

    /** @param step the step of this point (the last of the steps merged into it) */
    public record Point(long step, double mlm, double sop, double mlmSmoothed, double sopSmoothed) {
    }

    private final List<Point> points = new ArrayList<>();
    private double emaMlm;
    private double emaSop;
    private double weight;
    private long added;

    public void add(long step, double mlm, double sop) {
        emaMlm = SMOOTHING * emaMlm + (1 - SMOOTHING) * mlm;
        emaSop = SMOOTHING * emaSop + (1 - SMOOTHING) * sop;
        weight = SMOOTHING * weight + (1 - SMOOTHING);
        points.add(new Point(step, mlm, sop, emaMlm / weight, emaSop / weight));
        added++;
        if (points.size() > MAX_POINTS) halve();
    }

    private void halve() {
        List<Point> merged = new ArrayList<>(points.size() / 2 + 1);
        for (int i = 0; i + 1 < points.size(); i += 2) {
            Point a = points.get(i);
            Point b = points.get(i + 1);
            merged.add(new Point(b.step(), (a.mlm() + b.mlm()) / 2, (a.sop() + b.sop()) / 2, b.mlmSmoothed(),
                    b.sopSmoothed()));
        }
        if (points.size() % 2 == 1) merged.add(points.get(points.size() - 1));
        points.clear();
        points.addAll(merged);
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    /** Steps added in all (more than {@code points().size()} once merging began). */
    public long added() {
        return added;
    }

    /** The newest smoothed MLM loss, or NaN before the first step. */
    public double smoothedMlm() {
        return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).mlmSmoothed();
    }

    public double smoothedSop() {
        return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).sopSmoothed();
    }
}
