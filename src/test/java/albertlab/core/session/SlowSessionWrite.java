package albertlab.core.session;

import albertlab.core.config.SharingMode;
import albertlab.core.io.AtomicFiles;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process of {@link SessionKillTest}: saves {@link #NEXT} over the session file in {@code args[0]} the
 * way the app does (atomically), but stops half-way through the bytes, says "half" on its output and waits to be
 * killed.
 */
public final class SlowSessionWrite {

    static final LabState NEXT = DefaultState.of("zh").withPage("live").withLive(LiveState.builtIn(LiveState.CHINESE,
            SharingMode.NOT_SHARED, "白日依山尽，黄河入海流。", "欲穷千里目，更上一层楼。", 4, 3));

    private SlowSessionWrite() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        // the bytes LabStateFile writes, produced in a folder of their own
        Path scratch = Files.createTempDirectory("slow-session");
        Path whole = scratch.resolve("next.albertlab");
        LabStateFile.write(whole, NEXT);
        byte[] bytes = Files.readAllBytes(whole);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AtomicFiles.write(target, o -> {
            o.write(bytes, 0, bytes.length / 2);
            o.flush(); // on disk in the temporary file
            out.println("half");
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            o.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        });
        out.println("done");
    }
}
