package albertlab.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The commands whose time goes into matrix products, and that are therefore worth a second JVM start with the
 * Vector API ({@link VectorRelaunch}), each with a test of its command line: does it do enough work to repay the
 * fast kernel's cold start? A command that is not listed runs at once in the JVM it was started in: {@code params},
 * {@code presets}, {@code tokenize} and {@code help} answer in a few tens of milliseconds. Add a command here when
 * it runs forward or backward passes.
 *
 * <p>Why a test and not just the name: the Vector API kernel is fast only once C2 has compiled it. Measured on
 * albert-base, one pass at 128 tokens took 1.3 s on the plain kernel and 2.0 to 3.3 s on the Vector API kernel
 * (10 tokens: 0.6 to 0.8 s against 2.6 to 3.2 s); from the second pass on the Vector API kernel is 2.5 times faster
 * (370 against 950 ms). So a single forward pass, the README's first example, stays in the first JVM, and a
 * timing ({@code --runs}, {@code --warmup-runs}) or training gets the fast kernel.
 */
final class HeavyCommands {

    static final Map<String, Predicate<List<String>>> COMMANDS = Map.of(
            "forward", HeavyCommands::timesSeveralPasses,
            "train", args -> true,
            "evaluate", args -> true,
            "card", args -> true,
            // one text is one short pass, faster on the plain kernel; a file of texts is many
            "fill-mask", args -> args.contains("--text-file"));

    private HeavyCommands() {
    }

    /** The command word of a command line ({@code --debug} may come first), or null when there is none. */
    static String commandOf(List<String> args) {
        for (String a : args) {
            if (!a.equals("--debug")) return a;
        }
        return null;
    }

    /** True for a heavy command that will really run and do enough work: asking for its usage is instant anyway. */
    static boolean isHeavy(List<String> args) {
        Predicate<List<String>> worthIt = COMMANDS.get(String.valueOf(commandOf(args)));
        return worthIt != null && !args.contains("--help") && worthIt.test(args);
    }

    /** forward with {@code --runs} above 1 or any {@code --warmup-runs}: two passes or more. */
    static boolean timesSeveralPasses(List<String> args) {
        return (long) intOption(args, "runs", 1) + intOption(args, "warmup-runs", 0) >= 2;
    }

    /** {@code --name N} or {@code --name=N}; the fallback when absent or not a number (the command then says so). */
    static int intOption(List<String> args, String name, int fallback) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--" + name) && i + 1 < args.size()) value = args.get(i + 1);
            if (a.startsWith("--" + name + "=")) value = a.substring(name.length() + 3);
        }
        if (value == null) return fallback;
        try {
            return Integer.parseInt(value.trim().replace("_", "").replace(",", "")); // as Arguments reads it
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
