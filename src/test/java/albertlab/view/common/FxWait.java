package albertlab.view.common;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waits, pumping JavaFX events, until background work (a forward pass, a model load) has shown its result. */
public final class FxWait {

    private FxWait() {
    }

    public static void until(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
