package albertlab.core.ops;

import java.util.Optional;

/**
 * Picks the kernel once per JVM. {@code java -jar albert-lab.jar} starts without
 * {@code --add-modules jdk.incubator.vector}; then {@link VectorKernel} must not even be loaded (its bytecode names
 * the module's classes), so it is created by reflection only after checking the boot layer.
 */
public final class Kernels {

    private static final Kernel SCALAR = new ScalarKernel();
    private static final Kernel VECTOR = loadVector();
    private static final Kernel BEST = VECTOR != null ? VECTOR : SCALAR;

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

    private static Kernel loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return null;
        try {
            Class<?> vector = Class.forName(Kernels.class.getPackageName() + ".VectorKernel");
            return (Kernel) vector.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // a JVM whose Vector API is unusable runs the plain kernel
        }
    }
}
