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
        setLeft(column(setup, 330, 290));
        runPane = new RunPane(vm, i18n);
        javafx.scene.layout.VBox.setVgrow(runPane, javafx.scene.layout.Priority.ALWAYS);
        setCenter(new javafx.scene.layout.VBox(setup.runBar(), runPane));
        probe = new ProbePane(vm, i18n);
        setRight(column(probe, 340, 300));
    }

    /** A side column that scrolls down when the window is short, never sideways. */
    private static ScrollPane column(javafx.scene.Node content, double width, double minWidth) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        s.getStyleClass().add("controls-scroll");
        s.setPrefWidth(width);
        s.setMinWidth(minWidth);
        return s;
    }
}
