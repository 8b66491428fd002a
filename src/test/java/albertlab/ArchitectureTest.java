package albertlab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies run one way: app → view → viewmodel → core; cli → core. The core and the command line import no
 * JavaFX and no chart library, so they run on a plain JDK and in tests without a toolkit. Every page (its
 * {@code LabPage}, view and view model) lives in the view layers; the app only lists the pages.
 */
class ArchitectureTest {

    /** The sources, found from the compiled tests (target/test-classes), so the working directory does not matter. */
    private static final Path MAIN = sources();
    private static final Pattern UI_IMPORT = Pattern.compile("^import\\s+(static\\s+)?(javafx|org\\.jfree|com\\.sun\\.javafx)\\.",
            Pattern.MULTILINE);

    private static Path sources() {
        try {
            Path classes = Path.of(ArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent().resolve("src/main/java/albertlab");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void coreAndCliImportNoJavaFx() throws IOException {
        List<String> offenders = offenders(List.of("core", "cli"), UI_IMPORT);
        assertEquals(List.of(), offenders, "these files import JavaFX or JFreeChart");
    }

    @Test
    void coreImportsNothingAboveIt() throws IOException {
        Pattern upward = Pattern.compile("^import\\s+(static\\s+)?albertlab\\.(app|view|viewmodel|cli)\\.",
                Pattern.MULTILINE);
        assertEquals(List.of(), offenders(List.of("core"), upward));
    }

    @Test
    void viewModelsDoNotReachIntoViews() throws IOException {
        Pattern upward = Pattern.compile("^import\\s+(static\\s+)?albertlab\\.(app|view)\\.", Pattern.MULTILINE);
        assertEquals(List.of(), offenders(List.of("viewmodel"), upward));
    }

    @Test
    void viewsDoNotReachIntoTheApp() throws IOException {
        Pattern upward = Pattern.compile("^import\\s+(static\\s+)?albertlab\\.app\\.", Pattern.MULTILINE);
        assertEquals(List.of(), offenders(List.of("view"), upward), "the app lists the pages; pages do not import it");
    }

    @Test
    void theChecksCanFail() throws IOException {
        // guards against a pattern that silently matches nothing, and a scan that silently reads no file
        assertFalse(UI_IMPORT.matcher("import javafx.scene.Scene;").results().findAny().isEmpty());
        assertFalse(offenders(List.of("view"), UI_IMPORT).isEmpty(), "the views import JavaFX");
    }

    private static List<String> offenders(List<String> packages, Pattern forbidden) throws IOException {
        List<String> out = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = MAIN.resolve(pkg);
            assertTrue(Files.isDirectory(dir), "no sources at " + dir);
            int scanned = 0;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    scanned++;
                    if (forbidden.matcher(Files.readString(f)).find()) out.add(MAIN.relativize(f).toString());
                }
            }
            assertTrue(scanned > 0, "no Java files under " + dir);
        }
        return out;
    }
}
