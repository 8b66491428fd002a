package albertlab.view.training;

import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.training.TrainingViewModel;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;

import java.util.function.Supplier;

/** The Training page's layout: set-up and controls on the left, the run in the middle, the probe on the right. */
final class TrainingView extends BorderPane {

    private final SetupPane setup;
    private final RunPane runPane;
    private final ProbePane probe;

    TrainingView(TrainingViewModel vm, I18n i18n, Supplier<Window> owner) {
        getStyleClass().add("training-page");
        getStylesheets().add(TrainingView.class.getResource("training.css").toExternalForm());
        setup = new SetupPane(vm, i18n, owner);
        ScrollPane left = new ScrollPane(setup);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.getStyleClass().add("controls-scroll");
        left.setPrefWidth(330);
        left.setMinWidth(290);
        setLeft(left);
        runPane = new RunPane(vm, i18n);
        javafx.scene.layout.VBox.setVgrow(runPane, javafx.scene.layout.Priority.ALWAYS);
        setCenter(new javafx.scene.layout.VBox(setup.runBar(), runPane));
        probe = new ProbePane(vm, i18n);
        ScrollPane right = new ScrollPane(probe);
        right.setFitToWidth(true);
        right.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        right.getStyleClass().add("controls-scroll");
        right.setPrefWidth(340);
        right.setMinWidth(300);
        setRight(right);
    }
}
