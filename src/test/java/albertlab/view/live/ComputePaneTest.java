package albertlab.view.live;

import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.KnownTraces;
import albertlab.viewmodel.live.LiveModelViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Once the four modes are timed, the pass line shows the current mode's median, not the single pass. */
@ExtendWith(ApplicationExtension.class)
class ComputePaneTest {

    private static final Executor NOW = Runnable::run;
    private LiveModelViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new LiveModelViewModel(NOW, NOW, f -> null);
        vm.addFamilies(List.of(KnownTraces.family(new AtomicInteger())));
        stage.setScene(new Scene(new ComputePane(vm, new I18n(I18n.ENGLISH)), 900, 600));
        stage.show();
        vm.firstProperty().set("the cat sat");
    }

    @Test
    void afterTimingTheLineShowsTheMedianOfTheTimedPasses(FxRobot robot) {
        Label last = robot.lookup("#last-forward").queryAs(Label.class);
        // KnownTraces' passes report 1.25 ms
        assertTrue(last.getText().startsWith("Last forward pass: 1.25 ms for 5 tokens"), last.getText());
        robot.interact(vm::timeSharingModes);
        assertTrue(last.getText().startsWith("Forward pass: "), last.getText());
        assertTrue(last.getText().contains("for 5 tokens") && last.getText().endsWith("timed passes"), last.getText());
        // a new sentence clears the timings: the single pass is shown again
        robot.interact(() -> vm.firstProperty().set("a dog"));
        assertTrue(last.getText().startsWith("Last forward pass: "), last.getText());
    }
}
