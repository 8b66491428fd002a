package albertlab.cli;

import albertlab.core.io.CheckpointException;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar albert-lab.jar COMMAND [options]}. Exit status: 0 success, 2 usage error, 3 bad model or input
 * file. Errors are one line on stderr; {@code --debug} adds the stack trace.
 */
public final class Main {

    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        register(new ParamsCommand());
        register(new PresetsCommand());
        register(new ForwardCommand());
        register(new TokenizeCommand());
        register(new TrainCommand());
        register(new FillMaskCommand());
        register(new EvaluateCommand());
        register(new CorpusCommand());
        register(new CardCommand());
    }

    private Main() {
    }

    private static void register(Command c) {
        COMMANDS.put(c.name(), c);
    }

    public static void main(String[] args) {
        java.util.OptionalInt relaunched = VectorRelaunch.runIfHeavy(args); // forward & co. on the fast kernel
        if (relaunched.isPresent()) System.exit(relaunched.getAsInt());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs a command and returns its exit status; never throws. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        boolean debug = args.remove("--debug");
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            if (args.size() > 1 && COMMANDS.containsKey(args.get(1))) {
                out.println(COMMANDS.get(args.get(1)).usage());
            } else {
                out.println(overview());
            }
            return args.isEmpty() ? USAGE : OK;
        }
        Command command = COMMANDS.get(args.get(0));
        if (command == null) {
            err.println("albert-lab: unknown command '" + args.get(0) + "' (commands: "
                    + String.join(", ", COMMANDS.keySet()) + ")");
            return USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help")) {
            out.println(command.usage());
            return OK;
        }
        try {
            command.run(Arguments.parse(rest, command.valuedOptions(), command.switches(), command.listOptions()), out,
                    err);
            return OK;
        } catch (UsageException e) {
            err.println("albert-lab " + command.name() + ": " + e.getMessage());
            err.println("(see: albert-lab " + command.name() + " --help)");
            trace(debug, e, err);
            return USAGE;
        } catch (CheckpointException | albertlab.core.train.TrainingException e) {
            err.println("albert-lab " + command.name() + ": " + e.getMessage());
            trace(debug, e, err);
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            // the core refuses impossible values (H not divisible by heads, ...): a usage problem
            err.println("albert-lab " + command.name() + ": " + e.getMessage());
            trace(debug, e, err);
            return USAGE;
        } catch (Exception | OutOfMemoryError e) {
            err.println("albert-lab " + command.name() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (debug ? "" : " (run with --debug for details)"));
            trace(debug, e, err);
            return BAD_INPUT;
        }
    }

    private static void trace(boolean debug, Throwable e, PrintStream err) {
        if (debug) e.printStackTrace(err);
    }

    static String overview() {
        StringBuilder sb = new StringBuilder("usage: albert-lab COMMAND [options]   (--help after a command for its options)\n\ncommands:\n");
        COMMANDS.values().forEach(c -> sb.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        sb.append("\nexit status: 0 success, 2 usage error, 3 bad model or input file; --debug shows stack traces");
        return sb.toString();
    }
}
