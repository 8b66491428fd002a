package albertlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop app. (Placeholder until the app-shell issue lands.) */
public final class AlbertLabApp extends Application {

    public static void launchApp(String[] args) {
        launch(AlbertLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("ALBERT Lab");
        stage.setScene(new Scene(new Label("ALBERT Lab"), 800, 600));
        stage.show();
    }
}
