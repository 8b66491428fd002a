package albertlab.core.io;

import java.nio.file.Path;

/**
 * Where the app keeps what it remembers between runs (lesson progress, recent sessions, the recovery file):
 * {@code $XDG_CONFIG_HOME/albert-lab}, else {@code ~/.config/albert-lab}. The system property
 * {@code albertlab.home} overrides both, so that tests and a classroom's shared machines can point it elsewhere.
 * The folder is created by whoever first writes into it ({@link AtomicFiles} creates parents).
 */
public final class AppHome {

    public static final String PROPERTY = "albertlab.home";

    private AppHome() {
    }

    public static Path folder() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) return Path.of(override);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("albert-lab");
    }

    public static Path file(String name) {
        return folder().resolve(name);
    }
}
