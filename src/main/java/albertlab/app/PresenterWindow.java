package albertlab.app;

import albertlab.view.common.LabPage;
import albertlab.view.common.LabStyles;
import albertlab.view.common.StepNavigation;
import albertlab.viewmodel.common.I18n;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the teacher sees on the lectern screen while the projector shows the lesson: where the lesson is, the
 * current step's notes and the next step, and whether the projector is blanked. Everything is bound to the
 * open lesson's {@link StepNavigation} and to the UI language; without a lesson it names the page and the page
 * that forward shows. The clicker's keys work here too.
 */
final class PresenterWindow {

    static final double WIDTH = 760;
    static final double HEIGHT = 560;

    private final I18n i18n;
    private final Stage stage = new Stage();
    private final Scene scene;
    private final Label position = new Label();
    private final Label status = new Label();
    private final Label notes = new Label();
    private final Label next = new Label();

    PresenterWindow(I18n i18n, ObservableValue<StepNavigation> navigation, ObservableBooleanValue blanked,
                    ObservableBooleanValue presenting, ObservableValue<LabPage> page, Supplier<String> nextPage,
                    EventHandler<KeyEvent> keys) {
        this.i18n = i18n;
        position.setId("presenter-position");
        position.getStyleClass().add("presenter-position");
        position.setWrapText(true);
        status.setId("presenter-status");
        status.getStyleClass().add("presenter-status");
        status.textProperty().bind(i18n.bind(() -> i18n.get(blanked.get() ? "app.present.blanked"
                : presenting.get() ? "app.present.on" : "app.present.off"), blanked, presenting));
        notes.setId("presenter-notes");
        notes.getStyleClass().add("presenter-notes");
        notes.setWrapText(true);
        next.setId("presenter-next");
        next.getStyleClass().add("presenter-next");
        next.setWrapText(true);
        Label keysHelp = new Label();
        keysHelp.getStyleClass().add("hint");
        keysHelp.setWrapText(true);
        keysHelp.textProperty().bind(i18n.bind("app.present.keys"));

        ScrollPane notesScroll = new ScrollPane(notes);
        notesScroll.setFitToWidth(true);
        notesScroll.getStyleClass().add("presenter-notes-scroll");
        VBox.setVgrow(notesScroll, Priority.ALWAYS);
        VBox root = new VBox(10, position, status, heading("app.present.notes"), notesScroll,
                heading("app.present.next"), next, keysHelp);
        root.setId("presenter-window");
        root.getStyleClass().add("presenter-window");
        root.getStylesheets().add(PresenterWindow.class.getResource("presenter.css").toExternalForm());

        Runnable rebind = () -> bind(navigation.getValue(), page, nextPage);
        navigation.addListener(x -> rebind.run());
        rebind.run();

        scene = new Scene(root, WIDTH, HEIGHT);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.bind("app.present.windowTitle"));
    }

    private void bind(StepNavigation nav, ObservableValue<LabPage> page, Supplier<String> nextPage) {
        if (nav == null) {
            position.textProperty().bind(i18n.bind(() -> page.getValue() == null ? ""
                    : i18n.get("app.present.page", i18n.get(page.getValue().titleKey())), page));
            notes.textProperty().bind(i18n.bind("app.present.noLesson"));
            next.textProperty().bind(i18n.bind(() -> i18n.get("app.present.nextPage", nextPage.get()), page));
        } else {
            position.textProperty().bind(nav.position());
            notes.textProperty().bind(i18n.bind(() -> orSay(nav.notes().getValue(), "app.present.noNotes"),
                    nav.notes()));
            next.textProperty().bind(i18n.bind(() -> orSay(nav.nextStep().getValue(), "app.present.last"),
                    nav.nextStep()));
        }
    }

    private String orSay(String text, String key) {
        return text == null || text.isBlank() ? i18n.get(key) : text;
    }

    private Label heading(String key) {
        Label l = new Label();
        l.getStyleClass().add("section-heading");
        l.textProperty().bind(i18n.bind(key));
        return l;
    }

    /**
     * Shows the window: filling a screen other than the main window's ({@code otherScreen}, when presenting with
     * two), or as a window of its own next to the main one.
     */
    void show(Window main, boolean otherScreen, double fontSize) {
        LabStyles.install(scene, fontSize);
        Screen here = main == null ? Screen.getPrimary() : screenOf(main);
        if (otherScreen) {
            Screen other = Screen.getScreens().stream().filter(s -> !s.equals(here)).findFirst().orElse(here);
            Rectangle2D b = other.getVisualBounds();
            stage.setX(b.getMinX());
            stage.setY(b.getMinY());
            stage.setWidth(b.getWidth());
            stage.setHeight(b.getHeight());
        } else if (!stage.isShowing()) {
            Rectangle2D b = here.getVisualBounds();
            double w = Math.min(WIDTH, b.getWidth());
            double h = Math.min(HEIGHT, b.getHeight());
            stage.setWidth(w);
            stage.setHeight(h);
            stage.setX(b.getMinX() + (b.getWidth() - w) / 2);
            stage.setY(b.getMinY() + (b.getHeight() - h) / 2);
        }
        stage.show();
        stage.toFront();
    }

    private static Screen screenOf(Window w) {
        List<Screen> s = Screen.getScreensForRectangle(w.getX(), w.getY(), Math.max(1, w.getWidth()),
                Math.max(1, w.getHeight()));
        return s.isEmpty() ? Screen.getPrimary() : s.get(0);
    }

    void setHighContrast(boolean on) {
        LabStyles.setHighContrast(scene, on);
    }

    void close() {
        stage.close();
    }

    boolean isShowing() {
        return stage.isShowing();
    }

    Stage stage() {
        return stage;
    }

    String positionText() {
        return position.getText();
    }

    String notesText() {
        return notes.getText();
    }

    String nextText() {
        return next.getText();
    }

    String statusText() {
        return status.getText();
    }
}
