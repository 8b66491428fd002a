package albertlab.view.lesson;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Frames the control a step points at. The lookup waits for the next pulse, because applying a step may build the
 * page or switch its tab first; only one control is framed at a time.
 */
final class LessonHighlight {

    static final String STYLE_CLASS = "lesson-highlight";

    private Node framed;

    void show(Scene scene, String id) {
        clear();
        if (scene == null || id == null) return;
        Platform.runLater(() -> {
            clear();
            Node n = scene.lookup("#" + id);
            if (n != null) {
                n.getStyleClass().add(STYLE_CLASS);
                framed = n;
            }
        });
    }

    void clear() {
        if (framed != null) framed.getStyleClass().remove(STYLE_CLASS);
        framed = null;
    }

    /** The node framed now (tests), or null. */
    Node framed() {
        return framed;
    }
}
