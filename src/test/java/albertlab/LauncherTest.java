package albertlab;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar albert-lab.jar ...}: which arguments open the window and which run the command line. */
class LauncherTest {

    @Test
    void aSessionFileOpensTheAppLikeNoArgumentsAndGuiOptions() {
        assertTrue(Launcher.opensTheApp(new String[]{"/home/student/week3.albertlab"}));
        assertTrue(Launcher.opensTheApp(new String[]{"C:\\Users\\Li\\第三周.ALBERTLAB"}));
        assertTrue(Launcher.opensTheApp(new String[]{}));
        assertTrue(Launcher.opensTheApp(new String[]{"--lang", "zh", "week3.albertlab"}));
    }

    @Test
    void commandsAndCommandLineFlagsRunTheCommandLine() {
        assertFalse(Launcher.opensTheApp(new String[]{"params", "--preset", "albert-base-v2"}));
        assertFalse(Launcher.opensTheApp(new String[]{"--help"}));
        assertFalse(Launcher.opensTheApp(new String[]{"forward", "session.albertlab"}));
    }
}
