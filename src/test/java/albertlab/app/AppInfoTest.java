package albertlab.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The About box tells the truth: the pom's version, and every runtime library with the version the pom uses. */
class AppInfoTest {

    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*"
                    + "<version>([^<]+)</version>(.*?)</dependency>", Pattern.DOTALL);

    @Test
    void versionIsThePoms() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>albert-lab</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        m.find();
        assertEquals(m.group(1), AppInfo.VERSION);
    }

    @Test
    void everyRuntimeDependencyIsListedWithItsVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String main = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        List<String> problems = new ArrayList<>();
        Matcher m = DEPENDENCY.matcher(main);
        int runtime = 0;
        while (m.find()) {
            if (m.group(4).contains("<scope>test</scope>") || m.group(4).contains("<scope>provided</scope>")) continue;
            runtime++;
            String version = m.group(3);
            Matcher property = Pattern.compile("\\$\\{([^}]+)}").matcher(version);
            if (property.matches()) {
                Matcher value = Pattern.compile("<" + Pattern.quote(property.group(1)) + ">([^<]+)<").matcher(pom);
                value.find();
                version = value.group(1);
            }
            String artifact = m.group(1) + ":" + m.group(2);
            String v = version;
            boolean listed = AppInfo.LIBRARIES.stream().anyMatch(l -> l.version().equals(v)
                    && (l.artifact().equals(artifact) || sameProject(l.artifact(), artifact)));
            if (!listed) problems.add(artifact + " " + version);
        }
        assertEquals(List.of(), problems, "add these to AppInfo.LIBRARIES (name, version, licence)");
        assertEquals(true, runtime >= 5, "the pom parse found the dependencies");
    }

    /** javafx-controls and javafx-swing are one project (OpenJFX), as are ejml-core and ejml-fdense. */
    private static boolean sameProject(String listed, String artifact) {
        String g1 = listed.substring(0, listed.indexOf(':'));
        String g2 = artifact.substring(0, artifact.indexOf(':'));
        return g1.equals(g2) && (g1.equals("org.openjfx") || g1.equals("org.ejml"));
    }
}
