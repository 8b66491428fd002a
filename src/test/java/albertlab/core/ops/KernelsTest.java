package albertlab.core.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The tests run with the Vector API module, so the fast kernel is chosen and no fallback is reported. */
class KernelsTest {

    @Test
    void withTheVectorModuleTheVectorKernelRunsAndNoFallbackIsReported() {
        Kernel vector = Kernels.vector().orElseThrow(() -> new AssertionError("run tests with the Vector API module"));
        assertSame(vector, Kernels.best());
        assertFalse(Kernels.fallbackReason().isPresent());
        assertEquals(vector.name(), Kernels.description());
        assertFalse(Kernels.description().startsWith("scalar"), Kernels.description());
    }
}
