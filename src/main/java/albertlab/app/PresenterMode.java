package albertlab.app;

import albertlab.view.common.LabStyles;
import albertlab.view.common.LessonControls;
import albertlab.view.common.StepNavigation;
import albertlab.viewmodel.common.I18n;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Presenter mode, for a teacher at a projector (F5 or View › Present): the window goes full screen and every text
 * grows by {@link #SCALE} (charts and heatmaps follow the text size), the controls the current lesson step does
 * not use are hidden, and a clicker drives the lesson. Esc, F5 again or leaving full screen any other way ends it
 * and puts back the text size, the window and every hidden control. With a second screen a
 * {@link PresenterWindow} opens there with the step's notes and the next step.
 *
 * <p>Keys while presenting (a clicker sends these):
 * <ul>
 *   <li>Page Down, Right, Space: forward; Page Up, Left: back. Forward and back are the lesson's next and previous
 *   step when a lesson is open ({@link AppShell#navigationProperty()}), else the next and previous page.</li>
 *   <li>B or {@code .}: blank the screen (black) and show it again. Forward or back on a blank screen only shows
 *   it again, so that no step passes unseen.</li>
 *   <li>Esc: stop presenting.</li>
 * </ul>
 * Page Down and Page Up always navigate. Right, Left and Space are left to a focused control that edits with them
 * (a text field, a slider, a spinner, a combo or choice box, a list), so the teacher can still type a sentence or
 * nudge a slider; B and {@code .} are left to a focused text field. With Ctrl, Alt or Cmd held no key is taken,
 * so the shell's shortcuts (Ctrl+Page Down) keep working.
 *
 * <p>High contrast (View › High contrast) is separate: it works with or without presenter mode.
 */
final class PresenterMode {

    /** Text size while presenting, relative to the size before (clamped to {@link AppShell#MAX_FONT}). */
    static final double SCALE = 1.3;

    private final AppShell shell;
    private final I18n i18n;
    private final ObjectProperty<StepNavigation> navigation;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper blanked = new ReadOnlyBooleanWrapper(this, "blanked");
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast");
    private final StackPane blank = new StackPane();
    private final Label blankHint = new Label();
    private final SequentialTransition hintFade;
    private final Set<Node> hidden = new LinkedHashSet<>();
    private final EventHandler<KeyEvent> keys = this::key;
    private final InvalidationListener controlsChanged = x -> applyHiding();
    private final ChangeListener<Boolean> fullScreenLeft = (o, was, now) -> {
        if (!now) leave();
    };
    private final InvalidationListener resizeBlank = x -> fitBlank();
    private ObservableValue<java.util.Set<String>> watched;
    private PresenterWindow window;
    private Stage stage;
    private double fontBefore;

    PresenterMode(AppShell shell, I18n i18n, ObjectProperty<StepNavigation> navigation) {
        this.shell = shell;
        this.i18n = i18n;
        this.navigation = navigation;

        blank.setId("presenter-blank");
        // black whatever the theme: the point is that the projector shows nothing
        blank.setStyle("-fx-background-color: black;");
        blank.setManaged(false);
        blankHint.setId("presenter-blank-hint");
        blankHint.textProperty().bind(i18n.bind("app.present.blankHint"));
        blankHint.setStyle("-fx-text-fill: #707070;");
        StackPane.setAlignment(blankHint, Pos.BOTTOM_CENTER);
        StackPane.setMargin(blankHint, new javafx.geometry.Insets(0, 0, 24, 0));
        blank.getChildren().add(blankHint);
        // the hint says how to come back, then fades, leaving the screen black
        PauseTransition hold = new PauseTransition(Duration.seconds(2.5));
        FadeTransition fade = new FadeTransition(Duration.seconds(1), blankHint);
        fade.setToValue(0);
        hintFade = new SequentialTransition(hold, fade);

        shell.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
                LabStyles.setHighContrast(scene, highContrast.get());
            }
        });
        highContrast.addListener((o, was, on) -> {
            if (shell.getScene() != null) LabStyles.setHighContrast(shell.getScene(), on);
            if (window != null) window.setHighContrast(on);
        });
        navigation.addListener((o, old, nav) -> {
            if (watched != null) watched.removeListener(controlsChanged);
            watched = nav == null ? null : nav.controlsUsed();
            if (watched != null) watched.addListener(controlsChanged);
            applyHiding();
        });
        shell.currentProperty().addListener(x -> applyHiding());
        active.addListener(x -> applyHiding());
    }

    /** Present, High contrast and Presenter window, for the View menu. */
    List<MenuItem> menuItems() {
        CheckMenuItem present = MenuItems.labelled(new CheckMenuItem(), i18n, "app.present.menu", "menu-present");
        present.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        // the item shows the state; a click or F5 toggles it (whatever the item did to its own check mark)
        present.setOnAction(e -> toggle());
        active.addListener((o, was, on) -> present.setSelected(on));

        CheckMenuItem contrast = MenuItems.labelled(new CheckMenuItem(), i18n, "app.present.highContrast",
                "menu-high-contrast");
        contrast.selectedProperty().bindBidirectional(highContrast);

        MenuItem presenterWindow = MenuItems.labelled(new MenuItem(), i18n, "app.present.window",
                "menu-presenter-window");
        presenterWindow.setOnAction(e -> openWindow(false));
        return List.of(present, contrast, presenterWindow);
    }

    ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty blankedProperty() {
        return blanked.getReadOnlyProperty();
    }

    BooleanProperty highContrastProperty() {
        return highContrast;
    }

    void toggle() {
        if (active.get()) leave();
        else enter();
    }

    /** Full screen, larger text, hidden controls; the presenter window on a second screen if there is one. */
    void enter() {
        if (active.get() || shell.getScene() == null) return;
        Window w = shell.getScene().getWindow();
        stage = w instanceof Stage s ? s : null;
        fontBefore = shell.fontSizeProperty().get();
        shell.fontSizeProperty().set(Math.min(AppShell.MAX_FONT, Math.round(fontBefore * SCALE * 2) / 2.0));
        active.set(true);
        if (stage != null) {
            // JavaFX would lay "Press ESC to exit full screen" over the lesson's first seconds
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
            stage.fullScreenProperty().addListener(fullScreenLeft);
        }
        if (javafx.stage.Screen.getScreens().size() > 1) openWindow(true);
    }

    /** Back to the window, text size and controls as they were before presenting. */
    void leave() {
        if (!active.get()) return;
        active.set(false); // first: leaving full screen below calls back here
        setBlank(false);
        if (stage != null) {
            stage.fullScreenProperty().removeListener(fullScreenLeft);
            if (stage.isFullScreen()) stage.setFullScreen(false);
            stage = null;
        }
        shell.fontSizeProperty().set(fontBefore);
        if (window != null) window.close();
    }

    /** The next step (or page); on a blank screen, only shows the screen again. */
    void forward() {
        if (blanked.get()) {
            setBlank(false);
            return;
        }
        StepNavigation nav = navigation.get();
        if (nav != null) nav.next();
        else shell.cycle(1);
    }

    /** The previous step (or page); on a blank screen, only shows the screen again. */
    void back() {
        if (blanked.get()) {
            setBlank(false);
            return;
        }
        StepNavigation nav = navigation.get();
        if (nav != null) nav.back();
        else shell.cycle(-1);
    }

    void toggleBlank() {
        setBlank(!blanked.get());
    }

    private void setBlank(boolean on) {
        if (on == blanked.get()) return;
        blanked.set(on);
        if (on) {
            // last child, so that it covers whatever was added to the shell since (a lesson panel)
            shell.getChildren().remove(blank);
            shell.getChildren().add(blank);
            fitBlank();
            shell.widthProperty().addListener(resizeBlank);
            shell.heightProperty().addListener(resizeBlank);
            blankHint.setOpacity(1);
            hintFade.playFromStart();
        } else {
            hintFade.stop();
            shell.widthProperty().removeListener(resizeBlank);
            shell.heightProperty().removeListener(resizeBlank);
            shell.getChildren().remove(blank);
        }
    }

    private void fitBlank() {
        blank.resizeRelocate(0, 0, shell.getWidth(), shell.getHeight());
    }

    /** The black cover while the screen is blanked (tests). */
    Node blankNode() {
        return blank;
    }

    /** Opens the presenter window: on the other screen when presenting with two, else on this one. */
    void openWindow(boolean otherScreen) {
        if (window == null) {
            window = new PresenterWindow(i18n, navigation, blanked.getReadOnlyProperty(), active.getReadOnlyProperty(),
                    shell.currentProperty(), this::nextPageTitle, keys);
            window.setHighContrast(highContrast.get());
            Window main = shell.getScene() == null ? null : shell.getScene().getWindow();
            if (main != null) {
                // a window of its own (not owned, so that it can stay on the lectern screen), closed with the app's
                main.showingProperty().addListener((o, was, showing) -> {
                    if (!showing && window != null) window.close();
                });
            }
        }
        window.show(shell.getScene() == null ? null : shell.getScene().getWindow(), otherScreen,
                shell.fontSizeProperty().get());
    }

    /** Without a lesson, forward shows the next page: its title, in the UI language. */
    private String nextPageTitle() {
        List<albertlab.view.common.LabPage> pages = shell.pages();
        int i = shell.currentProperty().get() == null ? 0 : pages.indexOf(shell.currentProperty().get());
        return i18n.get(pages.get(Math.floorMod(i + 1, pages.size())).titleKey());
    }

    /** The presenter window, or null if it was never opened (tests). */
    PresenterWindow window() {
        return window;
    }

    private void applyHiding() {
        StepNavigation nav = navigation.get();
        Set<String> used = active.get() && nav != null && nav.controlsUsed().getValue() != null
                ? nav.controlsUsed().getValue() : Set.of();
        if (used.isEmpty()) {
            LessonControls.showAll(hidden);
            hidden.clear();
        } else {
            hidden.addAll(LessonControls.showOnly(shell, used));
        }
    }

    private void key(KeyEvent e) {
        if (!active.get() || e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
        Scene scene = e.getSource() instanceof Scene s ? s : shell.getScene();
        Node focus = scene == null ? null : scene.getFocusOwner();
        boolean editing = editsWithArrows(focus);
        boolean typing = focus instanceof TextInputControl;
        KeyCode k = e.getCode();
        if (k == KeyCode.PAGE_DOWN || (!editing && (k == KeyCode.RIGHT || k == KeyCode.SPACE))) {
            forward();
        } else if (k == KeyCode.PAGE_UP || (!editing && k == KeyCode.LEFT)) {
            back();
        } else if (!typing && (k == KeyCode.B || k == KeyCode.PERIOD)) {
            toggleBlank();
        } else if (k == KeyCode.ESCAPE) {
            leave();
        } else {
            return;
        }
        e.consume();
    }

    /** A control that uses the arrow keys and Space itself, or something inside one. */
    static boolean editsWithArrows(Node focus) {
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof Slider || n instanceof Spinner<?>
                    || n instanceof ComboBoxBase<?> || n instanceof ChoiceBox<?> || n instanceof ListView<?>
                    || n instanceof TableView<?> || n instanceof TreeView<?>) {
                return true;
            }
        }
        return false;
    }
}
