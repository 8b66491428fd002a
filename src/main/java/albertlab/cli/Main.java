package albertlab.cli;

import albertlab.core.config.InvalidConfigException;
import albertlab.core.io.CheckpointException;
import albertlab.core.train.TrainingException;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar albert-lab.jar COMMAND [options]}. Exit status: 0 success, 1 internal error (a bug), 2 usage
 * error, 3 bad model or input file. Errors are one line on stderr; {@code --debug} adds the stack trace.
 *
 * <p>A user's mistake arrives as a typed exception: {@link UsageException} for options and values,
 * {@link InvalidConfigException} for impossible model sizes, {@link CheckpointException} and
 * {@link TrainingException} for files. Anything else, an {@code IllegalArgumentException} from deep inside the core
 * included, is a bug and is reported as one rather than blamed on the user.
 */
public final class Main {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
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
        register(new ConvertCommand());
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
        return run(command, args.subList(1, args.size()), debug, out, err);
    }

    /** Runs one command on its arguments (after the command name, without --debug); never throws. */
    static int run(Command command, List<String> rest, boolean debug, PrintStream out, PrintStream err) {
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
        } catch (InvalidConfigException e) {
            // sizes the user gave that no model can have (H not divisible by heads, ...)
            err.println("albert-lab " + command.name() + ": " + e.getMessage());
            err.println("(see: albert-lab " + command.name() + " --help)");
            trace(debug, e, err);
            return USAGE;
        } catch (CheckpointException | TrainingException e) {
            err.println("albert-lab " + command.name() + ": " + e.getMessage());
            trace(debug, e, err);
            return BAD_INPUT;
        } catch (java.io.IOException e) {
            // a file that cannot be read or written: the message names it
            err.println("albert-lab " + command.name() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            trace(debug, e, err);
            return BAD_INPUT;
        } catch (OutOfMemoryError e) {
            err.println("albert-lab " + command.name() + ": out of memory (" + e.getMessage()
                    + "); give Java more with -Xmx, or use a smaller model or input");
            trace(debug, e, err);
            return BAD_INPUT;
        } catch (Exception e) {
            err.println("albert-lab " + command.name() + ": internal error, please report it: " + e
                    + (debug ? "" : " (run with --debug for the stack trace)"));
            trace(debug, e, err);
            return INTERNAL;
        }
    }

    private static void trace(boolean debug, Throwable e, PrintStream err) {
        if (debug) e.printStackTrace(err);
    }

    static String overview() {
        StringBuilder sb = new StringBuilder("usage: albert-lab COMMAND [options]   (--help after a command for its options)\n\ncommands:\n");
        COMMANDS.values().forEach(c -> sb.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        sb.append("\nexit status: 0 success, 1 internal error, 2 usage error, 3 bad model or input file; --debug shows stack traces");
        return sb.toString();
    }
}
