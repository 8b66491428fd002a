package albertlab.view.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
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

    /**
     * True while the page is still working on what it should show (loading a model, a forward pass). Screenshots
     * and the self-test wait for it, so they show and check the finished page. Pages without background work
     * are always idle.
     */
    default ObservableBooleanValue busyProperty() {
        return Idle.PROPERTY;
    }

    /**
     * What keeps the page from showing what it should (its models failed to load, its newest forward pass threw),
     * or null while all is well. A page can be idle and still failed: the self-test fails on this, not only on
     * exceptions, because a page that shows an error message has drawn without throwing.
     */
    default ObservableStringValue errorProperty() {
        return Idle.NO_ERROR;
    }

    /**
     * Work that closing the app would throw away, in the user's language ("12 minutes of training not saved"), or
     * null when there is none worth asking about.
     */
    default String unsavedWork() {
        return null;
    }

    /** The app is closing: stop background work (a training run) cleanly. */
    default void shutdown() {
    }

    /**
     * Puts this page's part of a state on screen (a lesson step, an opened session). A page not built yet keeps the
     * state and shows it when it is built: a lesson step on the Explorer does not load the Live page's models or
     * the Training page's corpus. The state is valid ({@code LabStateFile} checked it); a model it names that is
     * still loading is shown once it is there.
     */
    default void apply(albertlab.core.session.LabState state) {
    }

    /**
     * The state with this page's part replaced by what the page shows now; a page never built gives the part it
     * was last given, or leaves the state as is.
     */
    default albertlab.core.session.LabState capture(albertlab.core.session.LabState state) {
        return state;
    }

    /**
     * True while the page shows something a session file cannot name (the Live page on a Training snapshot, which
     * is in memory only): {@link #capture} then keeps the state's earlier part, and a save says so.
     */
    default boolean showsUnsavable() {
        return false;
    }

    /**
     * Fires when what the page shows changes through its inputs (a slider, a new model, a new result): a lesson's
     * numbers follow it. Null for a page never built.
     */
    default javafx.beans.Observable changes() {
        return null;
    }

    /** Lets a page show another one (the Training page's "Open in Live Model"); the shell calls it once. */
    default void attach(java.util.function.Consumer<String> showPage) {
    }

    /** The shared "never busy" and "never failed" values. */
    final class Idle {
        static final ReadOnlyBooleanProperty PROPERTY = new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
        static final ReadOnlyStringProperty NO_ERROR = new ReadOnlyStringWrapper(null).getReadOnlyProperty();

        private Idle() {
        }
    }
}
