package albertlab.cli;

import albertlab.core.config.AlbertConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How Main sorts what a command throws: the user's mistakes are usage or input errors, anything else a bug. */
class MainTest {

    private interface Body {
        void run() throws Exception;
    }

    private record Run(int status, String err) {
    }

    private static Run run(Body body, boolean debug) {
        Command c = new Command() {
            public String name() {
                return "probe";
            }

            public String summary() {
                return "";
            }

            public String usage() {
                return "usage: probe";
            }

            public Set<String> valuedOptions() {
                return Set.of();
            }

            public Set<String> switches() {
                return Set.of();
            }

            public void run(Arguments args, PrintStream out, PrintStream err) throws Exception {
                body.run();
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(c, List.of(), debug, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anIllegalArgumentFromInsideTheCoreIsABugNotAUsageError() {
        Run r = run(() -> {
            throw new IllegalArgumentException("rows 3 and 4 differ");
        }, false);
        assertEquals(Main.INTERNAL, r.status());
        assertTrue(r.err().startsWith("albert-lab probe: internal error, please report it: "
                + "java.lang.IllegalArgumentException: rows 3 and 4 differ (run with --debug"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
        assertFalse(r.err().contains("usage"), r.err());
    }

    @Test
    void debugShowsTheBugsStackTrace() {
        Run r = run(() -> {
            throw new NullPointerException("x");
        }, true);
        assertEquals(Main.INTERNAL, r.status());
        assertTrue(r.err().contains("\tat albertlab.cli.MainTest"), r.err());
    }

    @Test
    void impossibleSizesAreAUsageErrorWithTheConfigsMessage() {
        Run r = run(() -> AlbertConfig.builder().hiddenSize(10).numAttentionHeads(3).build().requireValid(), false);
        assertEquals(Main.USAGE, r.status());
        assertTrue(r.err().startsWith("albert-lab probe: "), r.err());
        assertFalse(r.err().contains("internal"), r.err());
    }

    @Test
    void aUsageExceptionKeepsItsMessageAndPointsToHelp() {
        Run r = run(() -> {
            throw new UsageException("--steps must be at least 1");
        }, false);
        assertEquals(Main.USAGE, r.status());
        assertEquals(List.of("albert-lab probe: --steps must be at least 1", "(see: albert-lab probe --help)"),
                r.err().lines().toList());
    }
}
