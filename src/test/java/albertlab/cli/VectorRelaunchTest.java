package albertlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heavy commands relaunch with the Vector API; light ones run at once; the incubator warning never shows. */
class VectorRelaunchTest {

    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final VectorRelaunch.Jvm PLAIN_JDK = new VectorRelaunch.Jvm(false, true, false, false, JAVA,
            List.of("-Xmx2g", "-Dfile.encoding=UTF-8"), "/app/albert-lab.jar");

    @TempDir
    Path tmp;

    private static Optional<List<String>> plan(VectorRelaunch.Jvm jvm, String... args) {
        return VectorRelaunch.plan(List.of(args), jvm);
    }

    @Test
    void forwardOnAPlainJdkRelaunchesWithTheModuleTheOptionsAndTheSameArguments() {
        assertEquals(List.of("/jdk/bin/java", "--add-modules=jdk.incubator.vector", "-Dalbertlab.relaunched=true",
                        "-Xmx2g", "-Dfile.encoding=UTF-8", "-cp", "/app/albert-lab.jar", "albertlab.cli.Main",
                        "--debug", "forward", "--model", "m", "--ids", "2", "--runs", "10"),
                plan(PLAIN_JDK, "--debug", "forward", "--model", "m", "--ids", "2", "--runs", "10").orElseThrow());
    }

    @Test
    void everyHeavyCommandRelaunchesAndNoLightOneDoes() {
        for (String heavy : List.of("train", "evaluate", "card")) {
            assertTrue(plan(PLAIN_JDK, heavy, "--model", "m").isPresent(), heavy);
        }
        // fill-mask: a file of texts is many passes, one text is one short pass (faster on the plain kernel)
        assertTrue(plan(PLAIN_JDK, "fill-mask", "--model", "m", "--text-file", "f").isPresent());
        assertEquals(Optional.empty(), plan(PLAIN_JDK, "fill-mask", "--model", "m", "--text", "a [MASK]"));
        for (String[] light : new String[][]{{"params", "--preset", "albert-base-v2"}, {"presets"},
                {"tokenize", "--tokenizer", "t", "--text", "forward"}, {"help"}, {"help", "forward"}, {},
                {"forward", "--help"}, {"--debug"}, {"forward", "--runs", "10", "--help"}}) {
            assertEquals(Optional.empty(), plan(PLAIN_JDK, light), String.join(" ", light));
        }
    }

    @Test
    void aSingleForwardPassStaysInTheFirstJvmATimingRelaunches() {
        // one cold pass is faster on the plain kernel; from two passes on the Vector API kernel wins
        assertEquals(Optional.empty(), plan(PLAIN_JDK, "forward", "--model", "m", "--text", "Hello"));
        assertEquals(Optional.empty(), plan(PLAIN_JDK, "forward", "--model", "m", "--runs", "1"));
        assertEquals(Optional.empty(), plan(PLAIN_JDK, "forward", "--model", "m", "--runs", "many"));
        assertTrue(plan(PLAIN_JDK, "forward", "--model", "m", "--runs", "2").isPresent());
        assertTrue(plan(PLAIN_JDK, "forward", "--model", "m", "--runs=1_000").isPresent());
        assertTrue(plan(PLAIN_JDK, "forward", "--model", "m", "--warmup-runs", "1").isPresent());
        assertTrue(plan(PLAIN_JDK, "--debug", "forward", "--warmup-runs=3", "--model", "m").isPresent());
    }

    @Test
    void noRelaunchWhenTheModuleIsThereCannotBeAddedOrWasAlreadyTriedOrIsSwitchedOff() {
        VectorRelaunch.Jvm p = PLAIN_JDK;
        assertEquals(Optional.empty(), planForward(new VectorRelaunch.Jvm(true, true, false, false, JAVA, p.options(),
                p.classPath()), "forward"));
        assertEquals(Optional.empty(), planForward(new VectorRelaunch.Jvm(false, false, false, false, JAVA, p.options(),
                p.classPath()), "forward"));
        assertEquals(Optional.empty(), planForward(new VectorRelaunch.Jvm(false, true, true, false, JAVA, p.options(),
                p.classPath()), "forward"));
        assertEquals(Optional.empty(), planForward(new VectorRelaunch.Jvm(false, true, false, true, JAVA, p.options(),
                p.classPath()), "forward"));
        assertEquals(Optional.empty(), planForward(new VectorRelaunch.Jvm(false, true, false, false, null, p.options(),
                p.classPath()), "forward"));
    }

    private static Optional<List<String>> planForward(VectorRelaunch.Jvm jvm, String command) {
        return plan(jvm, command, "--runs", "5");
    }

    @Test
    void aDebuggerAgentAndTheClassPathPropertyAreNotPassedOn() {
        assertEquals(List.of("-Xmx1g", "-Duser.language=zh"), VectorRelaunch.keep(List.of(
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Xmx1g", "-Djava.class.path=/a.jar",
                "-Dalbertlab.relaunched=true", "-Duser.language=zh")));
    }

    private static String filtered(String stderr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorRelaunch.copyWithoutWarning(new ByteArrayInputStream(stderr.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theIncubatorWarningIsDroppedAndEverythingElsePassesUnchanged() {
        assertEquals("albert-lab forward: 模型/config.json: not found\n", filtered(
                "WARNING: Using incubator modules: jdk.incubator.vector\nalbert-lab forward: 模型/config.json: not found\n"));
        assertEquals("", filtered("WARNING: Using incubator modules: jdk.incubator.vector\n"));
        assertEquals("WARNING: something else\n", filtered("WARNING: something else\n"));
        assertEquals("WARN", filtered("WARN"));
        assertEquals("\rstep 1/10", filtered("\rstep 1/10"));
        // a later line that looks like the warning is the program's own output
        String later = "x\nWARNING: Using incubator modules: y\n";
        assertEquals(later, filtered(later));
    }

    private record Exit(int status, String out, String err) {
    }

    /** The real thing: a JVM without the module runs Main, which starts the second JVM. */
    private static Exit main(String... args) throws IOException, InterruptedException {
        return java(List.of(), args);
    }

    private static Exit java(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "albertlab.cli.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        byte[][] streams = new byte[2][];
        Thread errReader = new Thread(() -> streams[1] = readAll(p.getErrorStream()));
        errReader.start();
        streams[0] = readAll(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command line did not finish");
        errReader.join();
        return new Exit(p.exitValue(), new String(streams[0], StandardCharsets.UTF_8),
                new String(streams[1], StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path golden() throws IOException {
        Path golden = tmp.resolve("albert-tiny-a");
        if (Files.isDirectory(golden)) return golden;
        Files.createDirectories(golden);
        for (String name : new String[]{"config.json", "model.safetensors"}) {
            try (InputStream in = getClass().getResourceAsStream("/golden/albert-tiny-a/" + name)) {
                Files.copy(in, golden.resolve(name));
            }
        }
        return golden;
    }

    @Test
    void aTimingRunsOnTheVectorApiKernelAndASinglePassOnThePlainOne() throws Exception {
        // -verbose:class is passed on to the second JVM, which names every class it loads on stdout
        String model = golden().toString();
        Exit timing = java(List.of("-verbose:class"), "forward", "--model", model, "--ids", "2,15,9", "--runs", "2");
        assertEquals(0, timing.status(), timing.err());
        assertTrue(timing.out().contains("jdk.incubator.vector.FloatVector"), "no Vector API class was loaded");
        Exit single = java(List.of("-verbose:class"), "forward", "--model", model, "--ids", "2,15,9");
        assertEquals(0, single.status(), single.err());
        assertTrue(single.out().contains("albertlab.core.ops.ScalarKernel"), "the forward pass did not run");
        assertFalse(single.out().contains("jdk.incubator.vector.FloatVector"), "a single pass relaunched");
    }

    @Test
    void aRelaunchedCommandKeepsItsOutputItsOneLineErrorAndItsExitStatus() throws Exception {
        Path golden = golden();
        Exit ok = main("forward", "--model", golden.toString(), "--ids", "2,15,9", "--runs", "2", "--json", "--brief");
        assertEquals(0, ok.status(), ok.err());
        assertEquals("", ok.err());
        assertTrue(ok.out().startsWith("{") && ok.out().contains("\"layerSummaries\""), ok.out());

        Path missing = tmp.resolve("no-such-model");
        Exit bad = main("forward", "--model", missing.toString(), "--ids", "2", "--runs", "3");
        assertEquals(Main.BAD_INPUT, bad.status(), bad.err());
        assertEquals("albert-lab forward: no-such-model: no such folder" + System.lineSeparator(), bad.err());
        assertEquals("", bad.out());
    }
}
