package albertlab.view.common;

import javafx.scene.Scene;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Puts the app's look on a scene: {@code lab.css}, plus a small generated stylesheet that names the CJK-capable
 * family and the base size. It is a stylesheet rather than an inline style on the root because menus, tooltips
 * and combo-box lists live in popup windows that do not inherit the root's inline style, and Chinese there would
 * otherwise show as boxes (see {@link LabFonts}).
 */
public final class LabStyles {

    public static final double DEFAULT_SIZE = 15;
    public static final String LAB_CSS = LabStyles.class.getResource("lab.css").toExternalForm();
    private static final String DATA_PREFIX = "data:text/css;base64,";

    private LabStyles() {
    }

    /**
     * A text size for a window of this height: 15 px up to laptop screens, larger on full-HD and bigger screens,
     * which are often projectors seen from the back of a room. Ctrl+plus/minus adjusts from there.
     */
    public static double sizeFor(double windowHeight) {
        return windowHeight >= 1400 ? 20 : windowHeight >= 1000 ? 17 : DEFAULT_SIZE;
    }

    /** Installs (or replaces) the app's stylesheets on a scene, with text at {@code sizePx}. */
    public static void install(Scene scene, double sizePx) {
        scene.getStylesheets().removeIf(s -> s.startsWith(DATA_PREFIX) || s.equals(LAB_CSS));
        scene.getStylesheets().add(LAB_CSS);
        scene.getStylesheets().add(fontSheet(LabFonts.family(), sizePx));
    }

    /** Gives a dialog the same look as its owner's scene (dialogs have scenes of their own). */
    public static void style(javafx.scene.control.DialogPane pane, Scene owner) {
        if (owner != null) pane.getStylesheets().setAll(owner.getStylesheets());
    }

    static String fontSheet(String family, double sizePx) {
        String css = String.format(Locale.ROOT,
                ".root, .tooltip, .context-menu, .menu-bar, .menu-item, .combo-box-popup, .list-cell, .dialog-pane "
                        + "{ -fx-font-family: \"%s\"; -fx-font-size: %.1fpx; }%n", family.replace("\"", ""), sizePx);
        return DATA_PREFIX + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
