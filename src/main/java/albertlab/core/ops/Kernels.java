package albertlab.core.ops;

import java.util.Optional;

/**
 * Picks the kernel once per JVM. {@code java -jar albert-lab.jar} starts without
 * {@code --add-modules jdk.incubator.vector}; then {@link VectorKernel} must not even be loaded (its bytecode names
 * the module's classes), so it is created by reflection only after checking the boot layer.
 *
 * <p>The plain kernel is 3–5× slower, so a fallback is never silent: its reason is logged once (System.Logger, which
 * goes to java.util.logging and so to stderr by default) and {@link #description()} says which kernel runs and why.
 */
public final class Kernels {

    private static final System.Logger LOG = System.getLogger(Kernels.class.getName());

    private static final Kernel SCALAR = new ScalarKernel();
    private static String fallbackReason;
    private static final Kernel VECTOR = loadVector();
    private static final Kernel BEST = VECTOR != null ? VECTOR : SCALAR;

    static {
        if (fallbackReason != null) {
            LOG.log(System.Logger.Level.WARNING, "matrix kernel: " + SCALAR.name() + " (" + fallbackReason + ")");
        }
    }

    private Kernels() {
    }

    /** The fastest kernel this JVM can run. */
    public static Kernel best() {
        return BEST;
    }

    /** Plain Java loops, always available. */
    public static Kernel scalar() {
        return SCALAR;
    }

    /** The Vector API kernel, when the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    public static Optional<Kernel> vector() {
        return Optional.ofNullable(VECTOR);
    }

    /** Why the plain kernel runs instead of the Vector API one; empty when the Vector API kernel runs. */
    public static Optional<String> fallbackReason() {
        return Optional.ofNullable(fallbackReason);
    }

    /** "vector-256", or "scalar (reason)": the kernel that runs, for About and {@code forward --json}. */
    public static String description() {
        return fallbackReason == null ? BEST.name() : BEST.name() + " (" + fallbackReason + ")";
    }

    private static Kernel loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            fallbackReason = "the JVM was started without --add-modules jdk.incubator.vector";
            return null;
        }
        try {
            Class<?> vector = Class.forName(Kernels.class.getPackageName() + ".VectorKernel");
            return (Kernel) vector.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            // a JVM whose Vector API is unusable runs the plain kernel, but says so
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            fallbackReason = "the Vector API kernel failed to load: " + cause;
            return null;
        }
    }
}
