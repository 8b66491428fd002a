package albertlab.core.config;

/**
 * Whether the E→H projection exists when E = H. The two codebases disagree, and the count differs by H×H + H.
 */
public enum ProjectionConvention {
    /** Hugging Face ALBERT always has {@code embedding_hidden_mapping_in}, even when E = H. */
    HUGGING_FACE_ALWAYS,
    /** The original ALBERT code (and BERT) project only when E differs from H. */
    ORIGINAL_ONLY_WHEN_FACTORIZED;

    public boolean hasProjection(int embeddingSize, int hiddenSize) {
        return this == HUGGING_FACE_ALWAYS || embeddingSize != hiddenSize;
    }
}
