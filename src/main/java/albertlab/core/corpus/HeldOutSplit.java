package albertlab.core.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Which documents are held out for evaluation: {@code round(n × fraction)} of them (at least one when the fraction
 * is positive), drawn by a Fisher-Yates shuffle driven by {@code java.util.Random(seed)}. Random's sequence is fixed
 * by its specification and the shuffle is written out here, so every JDK draws the same documents for a seed.
 */
public final class HeldOutSplit {

    public static final double DEFAULT_FRACTION = 0.05;
    public static final long DEFAULT_SEED = 13;

    private HeldOutSplit() {
    }

    /** The held-out ids, a subset of {@code ids} (which must be distinct). */
    public static Set<String> choose(List<String> ids, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("--held-out must be at least 0 and less than 1, got " + fraction);
        }
        int n = ids.size();
        int count = (int) Math.round(n * fraction);
        if (fraction > 0 && n > 1) count = Math.max(1, count);
        if (count >= n) count = n - 1;
        List<String> order = new ArrayList<>(ids);
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        Set<String> out = new HashSet<>(order.subList(0, Math.max(0, count)));
        if (out.size() != Math.max(0, count)) throw new IllegalArgumentException("document ids are not distinct");
        return out;
    }
}
