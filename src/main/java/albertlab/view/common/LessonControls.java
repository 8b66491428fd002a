package albertlab.view.common;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The pages' groups of controls that presenter mode may hide when a lesson step does not use them. A page marks
 * each group with {@link #tag} (one node: a row, a box) or {@link #tagTogether} (nodes that sit apart, such as a
 * heading and its combo box, or the four cells of a grid row); the group's nodes carry the style class
 * {@value #STYLE_CLASS}. A group stays shown when its own id or the id of anything inside it is among the ids the
 * step uses; groups inside a shown group are judged on their own, so a step that uses one slider shows its
 * section and that slider's row only.
 *
 * <p>Hiding sets visible and managed to false and remembers what they were; {@link #showAll} puts back exactly
 * that. A node whose visibility the page binds (a badge shown only for trained models) is never touched, so
 * pages tag groups whose visibility is theirs to decide by wrapping them.
 */
public final class LessonControls {

    public static final String STYLE_CLASS = "lesson-control";
    private static final String MEMBERS = "albertlab.lessonControl.members";
    private static final String WAS = "albertlab.lessonControl.was";

    private LessonControls() {
    }

    /** Marks one node as a group of controls. */
    public static <T extends Node> T tag(T node) {
        tagTogether(node);
        return node;
    }

    /** Marks nodes that sit apart as one group: they hide together, and any one's id keeps them all shown. */
    public static void tagTogether(Node... nodes) {
        List<Node> members = List.of(nodes);
        for (Node n : nodes) {
            if (!n.getStyleClass().contains(STYLE_CLASS)) n.getStyleClass().add(STYLE_CLASS);
            n.getProperties().put(MEMBERS, members);
        }
    }

    /** The groups under {@code root} (itself included), each once, as lists of their nodes. */
    public static List<List<Node>> groups(Node root) {
        Set<List<Node>> seen = new LinkedHashSet<>();
        walk(root, n -> {
            if (n.getStyleClass().contains(STYLE_CLASS)) seen.add(members(n));
        });
        return new ArrayList<>(seen);
    }

    /**
     * Shows the groups under {@code root} that {@code used} names (a group's id or an id inside it), hides the
     * others; an empty set shows every group. Returns the nodes hidden now, for {@link #showAll} later.
     */
    public static List<Node> showOnly(Node root, Set<String> used) {
        List<Node> hidden = new ArrayList<>();
        for (List<Node> group : groups(root)) {
            boolean keep = used.isEmpty() || group.stream().anyMatch(n -> namesAny(n, used));
            for (Node n : group) {
                if (keep) restore(n);
                else if (hide(n)) hidden.add(n);
            }
        }
        return hidden;
    }

    /** Puts back every node this class hid (on the page shown or not), as it was before. */
    public static void showAll(Collection<Node> hidden) {
        for (Node n : hidden) restore(n);
    }

    /** True when this group node is hidden by a lesson step now. */
    public static boolean isHidden(Node n) {
        return n.getProperties().containsKey(WAS);
    }

    @SuppressWarnings("unchecked") // only tagTogether stores it
    private static List<Node> members(Node n) {
        Object m = n.getProperties().get(MEMBERS);
        return m instanceof List<?> ? (List<Node>) m : List.of(n);
    }

    private static boolean hide(Node n) {
        if (n.visibleProperty().isBound() || n.managedProperty().isBound()) return false;
        if (isHidden(n)) return true;
        n.getProperties().put(WAS, new boolean[]{n.isVisible(), n.isManaged()});
        n.setVisible(false);
        n.setManaged(false);
        return true;
    }

    private static void restore(Node n) {
        Object was = n.getProperties().remove(WAS);
        if (was instanceof boolean[] b) {
            n.setVisible(b[0]);
            n.setManaged(b[1]);
        }
    }

    private static boolean namesAny(Node group, Set<String> ids) {
        boolean[] found = {false};
        walk(group, n -> {
            if (n.getId() != null && ids.contains(n.getId())) found[0] = true;
        });
        return found[0];
    }

    /**
     * Every node under {@code root}, including the contents of titled panes, scroll panes, split panes and every
     * tab (a control's skin puts those among its children only once it is shown).
     */
    static void walk(Node root, Consumer<Node> visit) {
        Map<Node, Boolean> done = new IdentityHashMap<>();
        List<Node> todo = new ArrayList<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            if (n == null || done.put(n, Boolean.TRUE) != null) continue;
            visit.accept(n);
            if (n instanceof TitledPane t) todo.add(t.getContent());
            if (n instanceof ScrollPane s) todo.add(s.getContent());
            if (n instanceof SplitPane s) todo.addAll(s.getItems());
            if (n instanceof TabPane t) for (Tab tab : t.getTabs()) todo.add(tab.getContent());
            if (n instanceof Parent p) {
                ObservableList<Node> children = p.getChildrenUnmodifiable();
                todo.addAll(children);
            }
        }
    }
}
