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
 *
 * <p>High contrast ({@code high-contrast.css}, View › High contrast) is one more stylesheet on the scene, always
 * the last one so that it wins over {@code lab.css}. Charts and heatmaps, which CSS cannot reach, learn of it
 * through a {@link StyleProbe}.
 */
public final class LabStyles {

    public static final double DEFAULT_SIZE = 15;
    public static final String LAB_CSS = LabStyles.class.getResource("lab.css").toExternalForm();
    public static final String HIGH_CONTRAST_CSS = LabStyles.class.getResource("high-contrast.css").toExternalForm();
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

    /** Installs (or replaces) the app's stylesheets on a scene, with text at {@code sizePx}; keeps high contrast. */
    public static void install(Scene scene, double sizePx) {
        boolean contrast = isHighContrast(scene);
        java.util.List<String> sheets = new java.util.ArrayList<>(scene.getStylesheets());
        sheets.removeIf(s -> s.startsWith(DATA_PREFIX) || s.equals(LAB_CSS) || s.equals(HIGH_CONTRAST_CSS));
        sheets.add(LAB_CSS);
        sheets.add(fontSheet(LabFonts.family(), sizePx));
        if (contrast) sheets.add(HIGH_CONTRAST_CSS);
        // one change, so that a listener never sees high contrast off half-way through
        scene.getStylesheets().setAll(sheets);
    }

    /** Turns the high-contrast look on or off for a scene (it stays the last stylesheet). */
    public static void setHighContrast(Scene scene, boolean on) {
        if (on == isHighContrast(scene)) return;
        if (on) scene.getStylesheets().add(HIGH_CONTRAST_CSS);
        else scene.getStylesheets().remove(HIGH_CONTRAST_CSS);
    }

    public static boolean isHighContrast(Scene scene) {
        return scene != null && scene.getStylesheets().contains(HIGH_CONTRAST_CSS);
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
