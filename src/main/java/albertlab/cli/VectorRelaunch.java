package albertlab.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs a heavy command ({@link HeavyCommands}) in a second JVM that has the Vector API, when this one lacks it.
 *
 * <p>Why a relaunch: {@code java -jar albert-lab.jar} cannot resolve {@code jdk.incubator.vector} by itself (a jar
 * manifest has no Add-Modules attribute, and an incubator module is never resolved by default), and without it the
 * matrix kernel is the plain-Java one, 2.5 times slower on a warm albert-base forward pass. A second JVM start
 * costs a few tenths of a second, which a timing or training repays; {@link HeavyCommands} says which command
 * lines do enough work, and the others never pay it.
 *
 * <p>The child's stderr passes through a filter that drops the JDK's "WARNING: Using incubator modules" line (the
 * JDK prints it at boot, with no switch to turn it off); everything else, real errors included, reaches stderr
 * unchanged. {@code -Dalbertlab.relaunch=false} runs every command in the first JVM.
 */
final class VectorRelaunch {

    static final String MODULE = "jdk.incubator.vector";
    static final String ADD_MODULE = "--add-modules=" + MODULE;
    /** Set on the child, so that it never relaunches again. */
    static final String RELAUNCHED = "albertlab.relaunched";
    static final String SWITCH = "albertlab.relaunch";
    static final String WARNING = "WARNING: Using incubator modules:";

    /** What decides a relaunch, read once from the running JVM (a record so tests can give their own). */
    record Jvm(boolean hasVector, boolean canAddVector, boolean relaunched, boolean disabled, Path java,
               List<String> options, String classPath) {

        static Jvm current() {
            return new Jvm(ModuleLayer.boot().findModule(MODULE).isPresent(),
                    ModuleFinder.ofSystem().find(MODULE).isPresent(),
                    Boolean.getBoolean(RELAUNCHED),
                    "false".equalsIgnoreCase(System.getProperty(SWITCH)),
                    javaExecutable(), jvmOptions(), System.getProperty("java.class.path", ""));
        }
    }

    private VectorRelaunch() {
    }

    /**
     * Runs the command in a JVM with the Vector API when that is worth it and possible.
     *
     * @return the child's exit status, or empty when the command should run in this JVM
     */
    static OptionalInt runIfHeavy(String[] args) {
        Optional<List<String>> command = plan(List.of(args), Jvm.current());
        if (command.isEmpty()) return OptionalInt.empty();
        try {
            return OptionalInt.of(run(command.get()));
        } catch (IOException e) {
            return OptionalInt.empty(); // the JDK's java could not be started: run here, on the plain kernel
        }
    }

    /** The child's command line, or empty when this JVM should run the command itself. */
    static Optional<List<String>> plan(List<String> args, Jvm jvm) {
        if (!HeavyCommands.isHeavy(args) || jvm.hasVector() || !jvm.canAddVector() || jvm.relaunched()
                || jvm.disabled() || jvm.java() == null || jvm.classPath().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(jvm.java().toString());
        command.add(ADD_MODULE);
        command.add("-D" + RELAUNCHED + "=true");
        command.addAll(jvm.options());
        command.add("-cp");
        command.add(jvm.classPath());
        command.add(Main.class.getName());
        command.addAll(args);
        return Optional.of(command);
    }

    private static int run(List<String> command) throws IOException {
        Process child = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        // Ctrl+C reaches both JVMs; a kill of this one alone must not leave the child running
        Thread stopChild = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stopChild);
        Thread copier = new Thread(() -> copyWithoutWarning(child.getErrorStream(),
                new FileOutputStream(FileDescriptor.err)), "stderr of the Vector API JVM");
        copier.setDaemon(true);
        copier.start();
        int status;
        try {
            status = child.waitFor();
            copier.join(5_000);
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            status = 130;
        }
        Runtime.getRuntime().removeShutdownHook(stopChild);
        return status;
    }

    /**
     * Copies {@code in} to {@code out}, leaving out leading lines that start with the incubator warning. Bytes are
     * passed on as soon as they can no longer be the warning, so a progress line without a newline is not held back.
     */
    static void copyWithoutWarning(InputStream in, OutputStream out) {
        byte[] warning = WARNING.getBytes(StandardCharsets.US_ASCII);
        try (in) {
            int matched = 0;
            boolean dropping = false; // inside a warning line, until its newline
            int b;
            while ((b = in.read()) >= 0) {
                if (dropping) {
                    if (b == '\n') {
                        dropping = false;
                        matched = 0;
                    }
                    continue;
                }
                if (b == warning[matched]) {
                    if (++matched == warning.length) dropping = true;
                    continue;
                }
                out.write(warning, 0, matched);
                out.write(b);
                out.flush();
                in.transferTo(out); // the warning only ever comes first
                out.flush();
                return;
            }
            out.write(warning, 0, dropping ? 0 : matched);
            out.flush();
        } catch (IOException e) {
            // our own stderr is gone: nothing left to tell
        }
    }

    private static Path javaExecutable() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        return Files.isExecutable(java) ? java : null;
    }

    /**
     * The first JVM's options (-Xmx, -D...), so that the child runs as the user asked. They can only be read
     * through java.management, which a full JDK has; a trimmed runtime without it passes on the text encoding.
     */
    private static List<String> jvmOptions() {
        if (ModuleLayer.boot().findModule("java.management").isPresent()) return keep(ManagementOptions.read());
        return List.of("-Dfile.encoding=" + System.getProperty("file.encoding", "UTF-8"));
    }

    /** Leaves out what the child gets otherwise, and a debugger agent, whose port the first JVM holds. */
    static List<String> keep(List<String> options) {
        List<String> kept = new ArrayList<>();
        for (String o : options) {
            if (o.startsWith("-Djava.class.path=") || o.startsWith("-D" + RELAUNCHED + "=")
                    || o.startsWith("-agentlib:jdwp") || o.startsWith("-Xrunjdwp")) {
                continue;
            }
            kept.add(o);
        }
        return kept;
    }

    /** Apart, so that a runtime without java.management never loads a class that names it. */
    private static final class ManagementOptions {
        static List<String> read() {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        }
    }
}
