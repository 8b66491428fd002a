package albertlab.viewmodel.live;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ModelInput;
import albertlab.core.model.PassTimes;
import albertlab.core.params.HeadSelection;
import albertlab.core.params.ParameterCounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Times the same input through the same shape in all four sharing modes. Warm-up rounds come first (the JIT
 * compiles the kernels), then {@code runs} timed rounds, each running every mode once; the median is what the
 * student sees, since a single pass can be slowed by garbage collection or the other core's work. Runs on the
 * background thread.
 */
public final class SharingTimer {

    public static final int WARM_UP = 5;
    public static final int RUNS = 9;

    private SharingTimer() {
    }

    public static List<TimingRow> time(LiveModel model, ModelInput input, int runs) {
        return time(model, input, WARM_UP, runs, System::nanoTime);
    }

    static List<TimingRow> time(LiveModel model, ModelInput input, int warmUp, int runs, LongSupplier clock) {
        if (runs < 1) throw new IllegalArgumentException("runs must be at least 1");
        SharingMode[] modes = SharingMode.values();
        ForwardFunction[] f = new ForwardFunction[modes.length];
        for (int m = 0; m < modes.length; m++) {
            f[m] = modes[m] == model.sharingMode() ? model.forward() : model.sibling().apply(modes[m]);
        }
        // round-robin, so that JIT warm-up and the other core's load favour no mode over another
        for (int i = 0; i < warmUp; i++) {
            for (ForwardFunction fn : f) fn.forward(input, ForwardOptions.DEFAULT);
        }
        double[][] ms = new double[modes.length][runs];
        for (int i = 0; i < runs; i++) {
            for (int m = 0; m < modes.length; m++) {
                long start = clock.getAsLong();
                f[m].forward(input, ForwardOptions.DEFAULT);
                ms[m][i] = (clock.getAsLong() - start) / 1e6;
            }
        }
        HeadSelection heads = LiveComputation.heads(model.hasMlmHead(), model.hasSopHead());
        List<TimingRow> out = new ArrayList<>();
        for (int m = 0; m < modes.length; m++) {
            var breakdown = ParameterCounter.count(sibling(model.config(), modes[m]), heads, input.length());
            out.add(new TimingRow(modes[m], PassTimes.median(ms[m]), Arrays.stream(ms[m]).min().orElse(0),
                    Arrays.stream(ms[m]).max().orElse(0), runs, breakdown.total(), breakdown.flops().perSequence(),
                    modes[m] == model.sharingMode()));
        }
        return out;
    }

    /** The config in another sharing mode (one group for the shared modes, as the built-in models use). */
    public static AlbertConfig sibling(AlbertConfig config, SharingMode mode) {
        if (config.sharingMode() == mode) return config;
        return config.toBuilder().sharingMode(mode).numHiddenGroups(1).build();
    }
}
