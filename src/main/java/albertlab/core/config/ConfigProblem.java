package albertlab.core.config;

/**
 * One thing wrong with a configuration. The kind lets a view show a translated explanation; the message is the
 * English one-liner the command line prints.
 */
public record ConfigProblem(Kind kind, String message) {

    public enum Kind {
        /** a size that must be at least 1 is not */
        NOT_POSITIVE(true),
        /** H is not a multiple of the number of heads A */
        HIDDEN_NOT_DIVISIBLE_BY_HEADS(true),
        /** L is not a multiple of the number of groups G */
        LAYERS_NOT_DIVISIBLE_BY_GROUPS(true),
        /** more groups than layers */
        MORE_GROUPS_THAN_LAYERS(true),
        /** E > H: the factorization would add parameters instead of saving them */
        EMBEDDING_LARGER_THAN_HIDDEN(false),
        /** a size beyond what this app will build or count */
        TOO_LARGE(true);

        private final boolean fatal;

        Kind(boolean fatal) {
            this.fatal = fatal;
        }

        /** A fatal problem makes the model impossible to build; a non-fatal one is worth a warning only. */
        public boolean fatal() {
            return fatal;
        }
    }
}
