package albertlab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Dependencies run one way: view → viewmodel → lesson → core; cli → core. The core, the lessons and the command
 * line import no JavaFX and no chart library, so they run on a plain JDK and in tests without a toolkit.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/albertlab");
    private static final Pattern UI_IMPORT = Pattern.compile("^import\\s+(static\\s+)?(javafx|org\\.jfree|com\\.sun\\.javafx)\\.",
            Pattern.MULTILINE);

    @Test
    void coreLessonAndCliImportNoJavaFx() throws IOException {
        List<String> offenders = offenders(List.of("core", "lesson", "cli"), UI_IMPORT);
        assertEquals(List.of(), offenders, "these files import JavaFX or JFreeChart");
    }

    @Test
    void coreImportsNothingAboveIt() throws IOException {
        Pattern upward = Pattern.compile("^import\\s+(static\\s+)?albertlab\\.(app|view|viewmodel|lesson|cli)\\.",
                Pattern.MULTILINE);
        assertEquals(List.of(), offenders(List.of("core"), upward));
    }

    @Test
    void viewModelsDoNotReachIntoViews() throws IOException {
        Pattern upward = Pattern.compile("^import\\s+(static\\s+)?albertlab\\.(app|view)\\.", Pattern.MULTILINE);
        assertEquals(List.of(), offenders(List.of("viewmodel", "lesson"), upward));
    }

    @Test
    void theCheckCanFail() {
        // guards against a pattern that silently matches nothing
        assertFalse(UI_IMPORT.matcher("import javafx.scene.Scene;").results().findAny().isEmpty());
    }

    private static List<String> offenders(List<String> packages, Pattern forbidden) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (String pkg : packages) {
            Path dir = MAIN.resolve(pkg);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (forbidden.matcher(Files.readString(f)).find()) out.add(f.toString());
                }
            }
        }
        return out;
    }
}
