package albertlab.core.ops;

import java.util.List;

/** TEST ONLY: both kernels for tests outside this package. */
public final class KernelTestAccess {

    private KernelTestAccess() {
    }

    public static List<Kernel> kernels() {
        return KernelTest.kernels();
    }
}
