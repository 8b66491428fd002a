package albertlab.bench;

import albertlab.core.config.AlbertConfig;
import albertlab.view.explorer.BreakdownChart;
import albertlab.view.common.ChartStyle;
import albertlab.view.explorer.ComputeChart;
import albertlab.view.explorer.ExplorerChart;
import albertlab.view.explorer.LayerSweepChart;
import albertlab.viewmodel.explorer.ExplorerResult;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.explorer.LayerSweep;
import albertlab.viewmodel.explorer.ParameterExplorerViewModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one slider step of the Parameter Explorer costs, without a screen: the recount (exact counts of the
 * configuration and its BERT twin, the five-model comparison, and the L sweep of 48 configurations × 4 sharing
 * modes), the view model's whole reaction to a slider value, the in-place dataset updates of the three charts,
 * and drawing the three charts with Java2D at 1000 × 560 (a stand-in for the JavaFX canvas repaint). A frame at
 * 60 Hz is 16,667 µs.
 *
 * <pre>
 * ./mvnw -Pbench -DskipTests package
 * java -Djava.awt.headless=true -jar target/benchmarks.jar ExplorerBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class ExplorerBenchmark {

    /** Slider steps of H through ALBERT-like sizes, so each call counts a different configuration. */
    private static final int[] HIDDEN = {512, 576, 640, 704, 768, 832, 896, 960, 1024};

    private AlbertConfig[] configs;
    private ParameterExplorerViewModel vm;
    private List<ExplorerChart> charts;
    private ExplorerResult result;
    private BufferedImage canvas;
    private Graphics2D g;
    private int step;

    @Setup
    public void setUp() {
        configs = new AlbertConfig[HIDDEN.length];
        for (int i = 0; i < HIDDEN.length; i++) {
            configs[i] = AlbertConfig.builder().hiddenSize(HIDDEN[i]).numAttentionHeads(HIDDEN[i] / 64)
                    .intermediateSize(4 * HIDDEN[i]).build();
        }
        I18n i18n = new I18n(I18n.ENGLISH);
        vm = new ParameterExplorerViewModel(i18n);
        vm.heads().set(8); // divides every H above
        ChartStyle style = new ChartStyle("Dialog", 15);
        charts = List.of(new BreakdownChart(i18n, style), new LayerSweepChart(i18n, style),
                new ComputeChart(i18n, style));
        result = ExplorerResult.of(configs[0]);
        charts.forEach(c -> c.update(result));
        canvas = new BufferedImage(1000, 560, BufferedImage.TYPE_INT_ARGB);
        g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    @TearDown
    public void tearDown() {
        g.dispose();
    }

    private AlbertConfig next() {
        step = (step + 1) % configs.length;
        return configs[step];
    }

    /** The whole recount of one change: ~200 exact counts. */
    @Benchmark
    public ExplorerResult recount() {
        return ExplorerResult.of(next());
    }

    /** Only the L sweep: 48 layers × 4 sharing modes. */
    @Benchmark
    public LayerSweep layerSweep() {
        return LayerSweep.of(next());
    }

    /** A slider value arriving at the view model: validation, recount, readout invalidation. */
    @Benchmark
    public ExplorerResult viewModelSliderStep() {
        step = (step + 1) % HIDDEN.length;
        vm.hidden().set(HIDDEN[step]);
        return vm.result();
    }

    /** Recount plus rewriting the three charts' datasets in place (no drawing). */
    @Benchmark
    public ExplorerResult recountAndUpdateDatasets() {
        ExplorerResult r = ExplorerResult.of(next());
        for (ExplorerChart c : charts) c.update(r);
        return r;
    }

    /** Drawing all three charts once at 1000 × 560 with Java2D. */
    @Benchmark
    public BufferedImage drawCharts() {
        for (ExplorerChart c : charts) c.chart().draw(g, new Rectangle2D.Double(0, 0, 1000, 560));
        return canvas;
    }
}
