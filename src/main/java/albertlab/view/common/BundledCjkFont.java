package albertlab.view.common;

import albertlab.core.io.AppResources;
import javafx.scene.text.Font;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CJK font that ships in {@code assets/fonts/} (WenQuanYi Micro Hei, Apache-2.0; provenance in its README),
 * for machines that have none: without it the Chinese UI shows boxes. {@link LabFonts} loads it only
 * when no CJK family is installed, so a system font always wins and the 5 MB are not read for nothing.
 */
public final class BundledCjkFont {

    public static final String FILE = "fonts/wqy-microhei.ttc";
    public static final String FAMILY = "WenQuanYi Micro Hei";

    private BundledCjkFont() {
    }

    /** Loads the font from the app's assets folder; the family to name in CSS and charts, or empty. */
    public static Optional<String> load() {
        return load(AppResources.assets().resolve(FILE));
    }

    /**
     * Registers the font with JavaFX (the UI) and with AWT (JFreeChart measures and lays out its text through AWT
     * fonts of the same family name).
     *
     * @return its family, or empty when the file is missing or not a font
     */
    public static Optional<String> load(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        Font[] faces;
        try (InputStream in = Files.newInputStream(file)) {
            faces = Font.loadFonts(in, 12); // a .ttc holds two faces: Micro Hei and Micro Hei Mono
        } catch (IOException e) {
            return Optional.empty();
        }
        if (faces == null || faces.length == 0) return Optional.empty();
        registerWithAwt(file);
        for (Font face : faces) {
            if (face.getFamily().equals(FAMILY)) return Optional.of(FAMILY);
        }
        return Optional.of(faces[0].getFamily());
    }

    private static void registerWithAwt(Path file) {
        try {
            java.awt.GraphicsEnvironment env = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment();
            for (java.awt.Font f : java.awt.Font.createFonts(file.toFile())) env.registerFont(f);
        } catch (IOException | java.awt.FontFormatException | RuntimeException | LinkageError e) {
            // charts then measure with AWT's default font; JavaFX still draws the glyphs
        }
    }
}
