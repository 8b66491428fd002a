package albertlab.app;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.util.Duration;

/** Runs an action once a page is no longer busy, or another one if it stays busy too long. FX thread only. */
final class WhenIdle {

    private WhenIdle() {
    }

    static void run(ObservableBooleanValue busy, Duration timeout, Runnable ready, Runnable timedOut) {
        boolean[] done = {false};
        PauseTransition limit = new PauseTransition(timeout);
        ChangeListener<Boolean> listener = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) finish(this);
            }

            private void finish(ChangeListener<Boolean> self) {
                if (done[0]) return;
                done[0] = true;
                busy.removeListener(self);
                limit.stop();
                Platform.runLater(ready); // one more pulse so the views draw the result first
            }
        };
        limit.setOnFinished(e -> {
            if (done[0]) return;
            done[0] = true;
            busy.removeListener(listener);
            timedOut.run();
        });
        busy.addListener(listener);
        if (!busy.get()) {
            listener.changed(busy, true, false);
        } else {
            limit.play();
        }
    }
}
