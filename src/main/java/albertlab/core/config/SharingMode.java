package albertlab.core.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which half of a transformer layer is reused across layer applications (ALBERT paper, section 3.1).
 *
 * <p>A shared half follows Hugging Face's groups: outer layer {@code i} uses group
 * {@code g = floor(i / (L / G))}, so with G = 1 one set of weights serves all L layers. An unshared half has
 * its own weights for every layer application. Hugging Face can express only {@link #ALL_SHARED} (any G) and
 * {@link #NOT_SHARED} (G = L); the two partial modes are ALBERT Lab's own, as in the paper's Table 4.
 */
public enum SharingMode {
    NOT_SHARED("none", false, false),
    ALL_SHARED("all", true, true),
    SHARED_ATTENTION("attention", true, false),
    SHARED_FFN("ffn", false, true);

    private final String cliName;
    private final boolean attentionShared;
    private final boolean ffnShared;

    SharingMode(String cliName, boolean attentionShared, boolean ffnShared) {
        this.cliName = cliName;
        this.attentionShared = attentionShared;
        this.ffnShared = ffnShared;
    }

    /** The word used on the command line and in config.json's {@code albert_lab_sharing}. */
    public String cliName() {
        return cliName;
    }

    public boolean attentionShared() {
        return attentionShared;
    }

    public boolean ffnShared() {
        return ffnShared;
    }

    public static SharingMode fromCliName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.cliName.equals(wanted) || m.name().equalsIgnoreCase(wanted.replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown sharing mode '" + name + "' (expected none, all, attention or ffn)"));
    }
}
