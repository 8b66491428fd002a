package albertlab.app;

import javafx.scene.Node;

/**
 * One view of the main window (Parameter Explorer, Live Model, later Training and Lessons). The shell lists the
 * pages, shows their translated titles in its navigation and builds a page's content the first time it is shown.
 */
public interface LabPage {

    /** Stable id, used by --self-test, saved sessions and lessons: "explorer", "live", ... */
    String id();

    /** i18n key of the page title. */
    String titleKey();

    /** The page's content; called once, on the JavaFX thread. */
    Node content();

    /** Called each time the page becomes visible. */
    default void onShow() {
    }
}
