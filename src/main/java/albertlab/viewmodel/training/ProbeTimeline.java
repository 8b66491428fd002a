package albertlab.viewmodel.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The probe snapshots of a run, bounded: at most {@link #MAX_SNAPSHOTS}. When full, every other one is dropped and
 * the interval between snapshots doubles, so the timeline always spans the whole run, from the first step to now.
 * Not thread-safe: the training thread owns it and hands out copies.
 */
public final class ProbeTimeline {

    public static final int MAX_SNAPSHOTS = 120;

    private final List<ProbeSnapshot> snapshots = new ArrayList<>();
    private long interval;

    /** @param interval rounds between snapshots at the start */
    public ProbeTimeline(long interval) {
        if (interval < 1) throw new IllegalArgumentException("interval must be at least 1");
        this.interval = interval;
    }

    /** True when a snapshot is due after {@code round} rounds. */
    public boolean due(long round) {
        return round % interval == 0;
    }

    public void add(ProbeSnapshot s) {
        // a probe edited or retaken at the same step replaces the older picture of that step
        if (!snapshots.isEmpty() && snapshots.get(snapshots.size() - 1).step() == s.step()) {
            snapshots.remove(snapshots.size() - 1);
        }
        snapshots.add(s);
        if (snapshots.size() > MAX_SNAPSHOTS) {
            List<ProbeSnapshot> kept = new ArrayList<>(MAX_SNAPSHOTS / 2 + 1);
            for (int i = 0; i < snapshots.size() - 1; i += 2) kept.add(snapshots.get(i));
            kept.add(snapshots.get(snapshots.size() - 1));
            snapshots.clear();
            snapshots.addAll(kept);
            interval *= 2;
        }
    }

    /** Drops the snapshots of another sentence (the probe was edited). */
    public void clear() {
        snapshots.clear();
    }

    public List<ProbeSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    public long interval() {
        return interval;
    }
}
