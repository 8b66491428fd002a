package albertlab.core.model;

import java.util.Arrays;

/**
 * The figure a timing reports: the median of several passes, since one pass can be slowed by garbage collection or
 * another program on the same core. Shared by {@code forward --runs} and the Live page's timing table.
 */
public final class PassTimes {

    private PassTimes() {
    }

    public static double median(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no times");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
