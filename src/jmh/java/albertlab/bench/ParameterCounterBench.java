package albertlab.bench;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.Presets;
import albertlab.core.params.HeadSelection;
import albertlab.core.params.ParameterBreakdown;
import albertlab.core.params.ParameterCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** The parameter explorer recounts on every slider move, on the FX thread: it must take microseconds. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParameterCounterBench {

    @Param({"albert-base-v2", "albert-large-v2", "albert-xlarge-v2", "albert-xxlarge-v2", "bert-base-uncased",
            "bert-large-uncased", "seed-example", "albert-chinese-tiny"})
    public String preset;

    private AlbertConfig config;

    @Setup
    public void setUp() {
        config = Presets.require(preset).config();
    }

    @Benchmark
    public ParameterBreakdown count() {
        return ParameterCounter.count(config, HeadSelection.NONE);
    }
}
