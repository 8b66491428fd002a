package albertlab.app;

import albertlab.view.common.LabPage;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * {@code --self-test}: shows every page once (select, lay out, snapshot), one line per page, then exits 0, or 1
 * when any page threw while being built, shown or drawn (including on the JavaFX thread in between), reports an
 * error once its work is done ({@link LabPage#errorProperty()}: a forward pass that threw is shown as a message,
 * not thrown), or draws nothing but one colour.
 */
final class SelfTest {

    /** How long a page may take for its first result (a cold JVM, a loaded CI machine). */
    static final Duration BUSY_LIMIT = Duration.seconds(60);

    private final AppShell shell;
    private final Scene scene;
    private final PrintStream out;
    private final IntConsumer exit;
    private final List<String> failures = new ArrayList<>();

    SelfTest(AppShell shell, Scene scene, PrintStream out, IntConsumer exit) {
        this.shell = shell;
        this.scene = scene;
        this.out = out;
        this.exit = exit;
    }

    void start() {
        Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            failures.add("uncaught on " + t.getName() + ": " + e);
            out.println("self-test: uncaught exception: " + e);
            if (previous != null) previous.uncaughtException(t, e);
        });
        step(0);
    }

    private void step(int index) {
        List<LabPage> pages = shell.pages();
        if (index == pages.size()) {
            Platform.runLater(this::finish); // one more pulse, so errors from the last page's drawing surface
            return;
        }
        LabPage page = pages.get(index);
        try {
            shell.show(page.id());
        } catch (Throwable e) {
            fail(page, e);
            Platform.runLater(() -> step(index + 1));
            return;
        }
        // a page with background work (the live model's first forward pass) must finish it, or it fails
        WhenIdle.run(page.busyProperty(), BUSY_LIMIT, () -> {
            try {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                WritableImage image = scene.snapshot(null);
                int w = (int) image.getWidth();
                int h = (int) image.getHeight();
                String error = page.errorProperty().get();
                int drawn = colours(shell.pageContent().snapshot(null, null));
                if (error != null) {
                    fail(page, "its work failed: " + error);
                } else if (drawn < 2) {
                    fail(page, "it drew nothing (one colour)");
                } else {
                    out.printf("self-test: page %s ok (%dx%d, %d colours sampled)%n", page.id(), w, h, drawn);
                }
            } catch (Throwable e) {
                fail(page, e);
            }
            Platform.runLater(() -> step(index + 1));
        }, () -> {
            fail(page, new IllegalStateException("still busy after " + BUSY_LIMIT.toSeconds() + " s"));
            Platform.runLater(() -> step(index + 1));
        });
    }

    private void fail(LabPage page, Throwable e) {
        fail(page, e.toString());
    }

    private void fail(LabPage page, String why) {
        failures.add(page.id() + ": " + why);
        out.println("self-test: page " + page.id() + " FAILED: " + why);
    }

    private void finish() {
        out.println(failures.isEmpty()
                ? "self-test: ok, " + shell.pages().size() + " page(s)"
                : "self-test: FAILED, " + failures.size() + " problem(s)");
        out.flush();
        exit.accept(failures.isEmpty() ? 0 : 1);
    }

    /** Distinct colours on a grid of about 100 × 100 points (every pixel of a small page): a blank page has one. */
    static int colours(WritableImage image) {
        PixelReader r = image.getPixelReader();
        int step = (int) Math.max(1, Math.min(image.getWidth(), image.getHeight()) / 100);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) seen.add(r.getArgb(x, y));
        }
        return seen.size();
    }
}
