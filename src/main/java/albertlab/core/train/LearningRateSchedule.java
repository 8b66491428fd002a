package albertlab.core.train;

/**
 * Linear warm-up to the peak rate over {@code warmup} steps, then linear decay to 0 at {@code total} steps (BERT's
 * and ALBERT's schedule). With no known total (a run bounded by minutes) the rate stays at the peak after warm-up,
 * so that the weights at any step do not depend on how fast the machine is.
 */
public record LearningRateSchedule(double peak, long warmup, long total) {

    public LearningRateSchedule {
        if (!(peak > 0) || Double.isInfinite(peak)) throw new IllegalArgumentException("learning rate must be > 0");
        if (warmup < 0) throw new IllegalArgumentException("warm-up must be >= 0 steps");
    }

    /** The rate for step {@code step}, counted from 1. */
    public double at(long step) {
        if (warmup > 0 && step <= warmup) return peak * step / warmup;
        if (total <= 0 || total <= warmup) return peak;
        return peak * Math.max(0, total - step + 1) / (double) (total - warmup);
    }
}
