package albertlab.app;

import albertlab.view.LabFonts;
import albertlab.viewmodel.I18n;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.util.List;

/**
 * The desktop app. {@code --self-test} opens the main window, shows every view once and exits 0, or 1 when a view
 * fails; installers run it to prove a package works. (Placeholder shell until the app-shell issue lands.)
 */
public final class AlbertLabApp extends Application {

    public static void launchApp(String[] args) {
        launch(AlbertLabApp.class, args);
    }

    public static void main(String[] args) {
        launchApp(args);
    }

    @Override
    public void start(Stage stage) {
        boolean selfTest = List.copyOf(getParameters().getRaw()).contains("--self-test");
        I18n i18n = I18n.forSystemLocale();
        Label label = new Label();
        label.textProperty().bind(i18n.bind("app.title"));
        Scene scene = new Scene(label, 800, 600);
        scene.getRoot().setStyle(LabFonts.rootStyle(14));
        stage.titleProperty().bind(i18n.bind("app.title"));
        stage.setScene(scene);
        stage.show();
        if (selfTest) {
            Platform.runLater(() -> {
                System.out.println("self-test: main window shown");
                Platform.exit();
                System.exit(0);
            });
        }
    }
}
