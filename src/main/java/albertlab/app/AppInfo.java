package albertlab.app;

import java.util.List;

/**
 * What the About box says: the version and the libraries the app ships with, with their licences. A test checks
 * both against pom.xml, so a new runtime dependency cannot be forgotten here.
 */
public final class AppInfo {

    /** Kept equal to the pom's version by AppInfoTest. */
    public static final String VERSION = "0.1.0";

    /** One shipped library. {@code artifact} is groupId:artifactId as in the pom. */
    public record Library(String name, String artifact, String version, String license, String url) {
    }

    public static final List<Library> LIBRARIES = List.of(
            new Library("OpenJFX", "org.openjfx:javafx-controls", "21.0.12",
                    "GPL-2.0 with Classpath Exception", "https://openjfx.io"),
            new Library("EJML", "org.ejml:ejml-core", "0.46.1", "Apache-2.0", "https://ejml.org"),
            new Library("Gson", "com.google.code.gson:gson", "2.11.0", "Apache-2.0", "https://github.com/google/gson"),
            // Traditional to Simplified Chinese (corpus preparation), with OpenCC's dictionaries (Apache-2.0)
            new Library("opencc4j", "com.github.houbb:opencc4j", "1.14.0", "Apache-2.0",
                    "https://github.com/houbb/opencc4j"),
            new Library("heaven (for opencc4j)", "com.github.houbb:heaven", "0.13.0", "Apache-2.0",
                    "https://github.com/houbb/heaven"),
            new Library("nlp-common (for opencc4j)", "com.github.houbb:nlp-common", "0.0.5", "Apache-2.0",
                    "https://github.com/houbb/nlp-common"),
            new Library("JFreeChart", "org.jfree:jfreechart", "1.5.6", "LGPL-2.1-or-later",
                    "https://www.jfree.org/jfreechart/"),
            new Library("JFreeChart-FX", "org.jfree:org.jfree.chart.fx", "2.0.2", "LGPL-2.1-or-later",
                    "https://github.com/jfree/jfreechart-fx"),
            new Library("FXGraphics2D", "org.jfree:org.jfree.fxgraphics2d", "2.1.5", "BSD-3-Clause",
                    "https://github.com/jfree/fxgraphics2d"));

    private AppInfo() {
    }
}
