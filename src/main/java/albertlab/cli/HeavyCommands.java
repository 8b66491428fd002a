package albertlab.cli;

import java.util.List;
import java.util.Set;

/**
 * The commands whose time goes into matrix products, and that are therefore worth a second JVM start with the
 * Vector API ({@link VectorRelaunch}). A command that is not listed runs at once in the JVM it was started in:
 * {@code params}, {@code presets}, {@code tokenize} and {@code help} answer in a few tens of milliseconds, and a
 * relaunch would double that for nothing. Add a new command here when it runs forward or backward passes.
 */
final class HeavyCommands {

    static final Set<String> NAMES = Set.of("forward", "train", "fill-mask", "evaluate");

    private HeavyCommands() {
    }

    /** The command word of a command line ({@code --debug} may come first), or null when there is none. */
    static String commandOf(List<String> args) {
        for (String a : args) {
            if (!a.equals("--debug")) return a;
        }
        return null;
    }

    /** True for a heavy command that will really run: asking for its usage is instant anyway. */
    static boolean isHeavy(List<String> args) {
        String command = commandOf(args);
        return command != null && NAMES.contains(command) && !args.contains("--help");
    }
}
