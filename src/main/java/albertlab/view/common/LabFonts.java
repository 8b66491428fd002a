package albertlab.view.common;

import albertlab.view.common.BundledCjkFont;
import javafx.scene.text.Font;

import java.util.List;

/**
 * Chooses the UI font family. JavaFX 21 does not fall back to CFF-outline CJK fonts such as Noto Sans CJK
 * (JDK-8322251, fixed in JavaFX 23), so Chinese would show as boxes unless a CJK-capable family is named
 * explicitly, in the CSS and again in the JFreeChart theme (charts do not use the CSS).
 */
public final class LabFonts {

    /** In order of preference; the first one installed wins. */
    static final List<String> CJK_FAMILIES = List.of(
            "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
            "SimHei", "SimSun", "Droid Sans Fallback", "AR PL UMing CN", "Noto Sans CJK JP");

    private static volatile String family;

    private LabFonts() {
    }

    /**
     * A family that can draw both Latin and Chinese text: an installed one, else the bundled WenQuanYi Micro Hei,
     * else (its file missing) the system default.
     */
    public static String family() {
        String f = family;
        if (f == null) {
            List<String> installed = Font.getFamilies();
            f = CJK_FAMILIES.stream().filter(installed::contains).findFirst()
                    .or(BundledCjkFont::load) // no CJK font on this machine: the one in assets/fonts
                    .orElse(Font.getDefault().getFamily());
            family = f;
        }
        return f;
    }

    public static boolean hasCjkFamily() {
        return CJK_FAMILIES.contains(family());
    }

    /** The CSS rule to put on the scene root. */
    public static String rootStyle(double sizePx) {
        return "-fx-font-family: \"" + family() + "\"; -fx-font-size: " + sizePx + "px;";
    }

    /** The same family as an AWT font, for JFreeChart. */
    public static java.awt.Font awt(int style, float size) {
        return new java.awt.Font(family(), style, Math.round(size));
    }
}
