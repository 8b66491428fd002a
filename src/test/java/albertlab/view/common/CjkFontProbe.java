package albertlab.view.common;

import albertlab.viewmodel.common.I18n;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: run by {@link BundledCjkFontTest} in a JVM whose fontconfig may hide the system's CJK fonts. Prints
 * {@code key=value} lines: which CJK family the system has, whether two different Chinese characters come out as
 * different pictures (boxes all look alike) with the default font and with the app's font, and that family.
 */
public final class CjkFontProbe {

    private CjkFontProbe() {
    }

    public static void main(String[] args) throws Exception {
        Platform.startup(() -> {
        });
        CompletableFuture<String> report = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                report.complete(probe());
            } catch (Throwable t) {
                report.completeExceptionally(t);
            }
        });
        System.out.println(report.get(60, TimeUnit.SECONDS));
        Platform.exit();
    }

    private static String probe() {
        List<String> installed = Font.getFamilies();
        String systemCjk = LabFonts.CJK_FAMILIES.stream().filter(installed::contains).findFirst().orElse("none");
        // before LabFonts.family(): what the system alone draws
        boolean defaultDistinct = distinct(null, "中", "国");
        String family = LabFonts.family();
        // the app's way: its stylesheets on a scene, a real string of the Chinese UI
        String uiText = new I18n(I18n.CHINESE).get("live.tab.dynamics");
        return "system-cjk=" + systemCjk + "\n"
                + "default-distinct=" + defaultDistinct + "\n"
                + "family=" + family + "\n"
                + "app-distinct=" + distinct(family, "中", "国") + "\n"
                + "ui-text=" + uiText + "\n"
                + "ui-distinct=" + distinct(family, uiText.substring(0, 1), uiText.substring(1, 2)) + "\n"
                + "ui-ink=" + ink(render(family, uiText));
    }

    /** Two texts drawn alike are boxes (or nothing); real glyphs of different characters differ. */
    private static boolean distinct(String family, String a, String b) {
        WritableImage x = render(family, a);
        WritableImage y = render(family, b);
        if (ink(x) == 0 || ink(y) == 0) return false;
        PixelReader px = x.getPixelReader();
        PixelReader py = y.getPixelReader();
        int w = (int) Math.min(x.getWidth(), y.getWidth());
        int h = (int) Math.min(x.getHeight(), y.getHeight());
        for (int i = 0; i < w; i++) {
            for (int j = 0; j < h; j++) {
                if (px.getArgb(i, j) != py.getArgb(i, j)) return true;
            }
        }
        return x.getWidth() != y.getWidth() || x.getHeight() != y.getHeight();
    }

    /** A label in a scene with the app's stylesheets (family == null: without them, the toolkit's default). */
    private static WritableImage render(String family, String text) {
        Label label = new Label(text);
        StackPane root = new StackPane(label);
        root.setStyle("-fx-background-color: white; -fx-padding: 8;");
        Scene scene = new Scene(root);
        if (family != null) {
            LabStyles.install(scene, 40);
        } else {
            label.setStyle("-fx-font-size: 40px;");
        }
        return scene.snapshot(null);
    }

    private static int ink(WritableImage image) {
        int dark = 0;
        PixelReader r = image.getPixelReader();
        for (int i = 0; i < image.getWidth(); i++) {
            for (int j = 0; j < image.getHeight(); j++) {
                if ((r.getArgb(i, j) & 0xFF) < 128) dark++;
            }
        }
        return dark;
    }
}
