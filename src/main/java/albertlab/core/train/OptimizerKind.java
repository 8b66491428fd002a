package albertlab.core.train;

import java.util.Arrays;
import java.util.Locale;

/** The optimizers {@code train} offers. */
public enum OptimizerKind {
    /** Adam with decoupled weight decay (Loshchilov and Hutter), as BERT trained. */
    ADAMW("adamw"),
    /** Layer-wise adaptive moments (You et al.), what the ALBERT paper trained with. */
    LAMB("lamb"),
    /** w ← w − lr·∇w exactly: no momentum, no decay, no clipping (for exact checks). */
    SGD("sgd");

    private final String cliName;

    OptimizerKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static OptimizerKind fromCliName(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown optimizer '" + name
                        + "' (expected adamw, lamb or sgd)"));
    }
}
