package albertlab.bench;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.InitialWeights;
import albertlab.core.model.PretrainingBatch;
import albertlab.core.model.PretrainingPass;
import albertlab.core.model.WeightArrays;
import albertlab.core.ops.Kernels;
import albertlab.core.train.MaskingStrategy;
import albertlab.core.train.MemoryEstimate;
import albertlab.core.train.OptimizerKind;
import albertlab.core.train.TrainingSettings;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Peak heap of training steps at the shapes of {@link TrainStepBench} (issue 12 §6), beside the estimate by kind
 * that {@code train} checks before it starts:
 * {@code java -Xmx12g --add-modules jdk.incubator.vector -cp target/benchmarks.jar albertlab.bench.TrainStepMemory base|mini}.
 */
public final class TrainStepMemory {

    public static void main(String[] args) {
        boolean base = args.length > 0 && args[0].equals("base");
        AlbertConfig config = base ? TrainStepBench.BASE : TrainStepBench.MINI;
        int sequences = base ? 8 : 16;
        TrainingSettings settings = new TrainingSettings(sequences, 128, 10, 0, 1e-3, 0, OptimizerKind.LAMB, 0.01,
                1.0, MaskingStrategy.TOKEN, 1, 2, 0, 0, 20);
        System.out.println("estimate: " + MemoryEstimate.of(config, settings, 0).describe());
        long activations = PretrainingPass.activationFloats(config, 0, sequences, 128) * 4;
        long n = sequences * 128L;
        long apps = config.layerApplications();
        long h = config.hiddenSize();
        long i = config.intermediateSize();
        System.out.printf(Locale.ROOT, "kept per application: input %d MB, q k v %d MB, probabilities %d MB, context %d MB, "
                        + "two residual sums %d MB, attended %d MB, FFN pre- and post-activation %d MB; x %d applications = %d MB%n",
                n * h * 4 >> 20, n * 3 * h * 4 >> 20, (long) sequences * config.numAttentionHeads() * 128 * 128 * 4 >> 20,
                n * h * 4 >> 20, 2 * n * h * 4 >> 20, n * h * 4 >> 20, 2 * n * i * 4 >> 20, apps, activations >> 20);
        AlbertWeights w = InitialWeights.draw(config, 1);
        AlbertWeights g = WeightArrays.zerosLike(w);
        PretrainingPass pass = new PretrainingPass(config, Kernels.best(), 0);
        PretrainingBatch batch = TrainStepBench.batch(config.vocabSize(), sequences, 128, 20);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (int step = 0; step < 3; step++) {
            long before = allocatedBytes(threads);
            WeightArrays.clear(g);
            pass.run(w, batch, g);
            allocated = allocatedBytes(threads) - before;
        }
        System.out.printf(Locale.ROOT, "allocated during one step (all threads; packed operands and scratch, which "
                + "the collector takes back): %d MB%n", allocated >> 20);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "peak heap in use over 3 steps, garbage included (-Xmx bounds it: run with a "
                + "small -Xmx to see what the steps need): %d MB%n", peak >> 20);
    }

    private static long allocatedBytes(com.sun.management.ThreadMXBean threads) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) sum += Math.max(0, threads.getThreadAllocatedBytes(id));
        return sum;
    }
}
