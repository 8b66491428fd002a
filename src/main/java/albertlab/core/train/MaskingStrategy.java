package albertlab.core.train;

import java.util.Arrays;
import java.util.Locale;

/** How masked-LM targets are chosen. */
public enum MaskingStrategy {
    /** Single tokens, as BERT does. */
    TOKEN("token"),
    /** Spans of up to 3 tokens, length n with probability ∝ 1/n (the ALBERT paper, section 4.1). */
    NGRAM("ngram");

    private final String cliName;

    MaskingStrategy(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static MaskingStrategy fromCliName(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown masking '" + name
                        + "' (expected token or ngram)"));
    }
}
