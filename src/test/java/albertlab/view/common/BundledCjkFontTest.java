package albertlab.view.common;

import albertlab.view.common.BundledCjkFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On a machine without CJK fonts the Chinese UI draws real glyphs from the bundled font. The machine is imitated
 * by a fontconfig that sees only DejaVu (Latin), in a JVM of its own, because fontconfig is read once at start.
 */
class BundledCjkFontTest {

    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");

    @TempDir
    Path tmp;

    @Test
    void theBundledFontIsSmallEnoughAndShipsWithItsLicenceAndProvenance() throws IOException {
        Path fonts = Path.of("assets", "fonts");
        long bytes = Files.size(fonts.resolve("wqy-microhei.ttc"));
        assertTrue(bytes <= 8L * 1024 * 1024, bytes + " bytes");
        assertTrue(Files.readString(fonts.resolve("LICENSE-Apache-2.0.txt")).contains("Apache License"));
        assertTrue(Files.readString(fonts.resolve("COPYRIGHT-wqy-microhei.txt")).contains("WenQuanYi"));
        assertTrue(Files.readString(fonts.resolve("README.md"))
                .contains("2420e8078af796b19a3f6ef13de527a1a91c1e7171eea115926c614ced1009b3"));
        assertEquals("fonts/wqy-microhei.ttc", BundledCjkFont.FILE);
    }

    private Map<String, String> probe(Path fontconfig) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), CjkFontProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("FONTCONFIG_FILE", fontconfig.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            if (line.matches("[a-z-]+=.*")) values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        values.put("output", out);
        return values;
    }

    @Test
    void withTheSystemsCjkFontsHiddenTheChineseUiDrawsRealGlyphs() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && Files.isDirectory(DEJAVU),
                "needs fontconfig and DejaVu to imitate a machine without CJK fonts");
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path conf = tmp.resolve("fonts.conf");
        Files.writeString(conf, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(DEJAVU, cache));
        Map<String, String> r = probe(conf);
        String out = r.get("output");
        // the imitation holds: no CJK family, and the toolkit alone draws two characters as the same box
        assertEquals("none", r.get("system-cjk"), out);
        assertEquals("false", r.get("default-distinct"), out);
        // the app falls back on its own font, and draws them as two different glyphs
        assertEquals(BundledCjkFont.FAMILY, r.get("family"), out);
        assertEquals("true", r.get("app-distinct"), out);
        assertEquals("隐藏状态", r.get("ui-text"), out);
        assertEquals("true", r.get("ui-distinct"), out);
        assertTrue(Integer.parseInt(r.get("ui-ink")) > 200, out);
    }
}
