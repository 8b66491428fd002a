package albertlab.viewmodel.live;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ModelInput;
import albertlab.core.params.HeadSelection;
import albertlab.core.params.ParameterCounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Times the same input through the same shape in all four sharing modes. Each mode gets warm-up passes (the JIT
 * compiles the kernels) and then {@code runs} timed passes; the median is what the student sees, since a single
 * pass can be slowed by garbage collection or the other core's work. Runs on the background thread.
 */
public final class SharingTimer {

    public static final int WARM_UP = 3;
    public static final int RUNS = 7;

    private SharingTimer() {
    }

    public static List<TimingRow> time(LiveModel model, ModelInput input, int runs) {
        return time(model, input, WARM_UP, runs, System::nanoTime);
    }

    static List<TimingRow> time(LiveModel model, ModelInput input, int warmUp, int runs, LongSupplier clock) {
        if (runs < 1) throw new IllegalArgumentException("runs must be at least 1");
        HeadSelection heads = LiveComputation.heads(model.hasMlmHead(), model.hasSopHead());
        List<TimingRow> out = new ArrayList<>();
        for (SharingMode mode : SharingMode.values()) {
            ForwardFunction f = mode == model.sharingMode() ? model.forward() : model.sibling().apply(mode);
            for (int i = 0; i < warmUp; i++) f.forward(input, ForwardOptions.DEFAULT);
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = clock.getAsLong();
                f.forward(input, ForwardOptions.DEFAULT);
                ms[i] = (clock.getAsLong() - start) / 1e6;
            }
            AlbertConfig c = sibling(model.config(), mode);
            var breakdown = ParameterCounter.count(c, heads, input.length());
            out.add(new TimingRow(mode, median(ms), Arrays.stream(ms).min().orElse(0),
                    Arrays.stream(ms).max().orElse(0), runs, breakdown.total(), breakdown.flops().perSequence(),
                    mode == model.sharingMode()));
        }
        return out;
    }

    /** The config in another sharing mode (one group for the shared modes, as the built-in models use). */
    public static AlbertConfig sibling(AlbertConfig config, SharingMode mode) {
        if (config.sharingMode() == mode) return config;
        return config.toBuilder().sharingMode(mode).numHiddenGroups(1).build();
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
