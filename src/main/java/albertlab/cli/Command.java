package albertlab.cli;

import java.io.PrintStream;
import java.util.Set;

/** One sub-command of {@code albert-lab}. Commands are thin: they parse, call the core and print. */
public interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    /** Full usage text. */
    String usage();

    /** Option names (without "--") that take a value. */
    Set<String> valuedOptions();

    /** Option names that take no value. */
    Set<String> switches();

    /** Option names that take one or more values (those up to the next option). */
    default Set<String> listOptions() {
        return Set.of();
    }

    /**
     * Runs the command; results go to {@code out}, warnings to {@code err} (so --json output stays pure JSON). Throw {@link UsageException} for a bad command line and
     * {@link albertlab.core.io.CheckpointException} for a bad file; both become one line on stderr.
     */
    void run(Arguments args, PrintStream out, PrintStream err) throws Exception;
}
