package albertlab.core.session;

import albertlab.core.config.SharingMode;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The live page's inputs, named as in {@code LiveModelViewModel}: which model (a built-in vocabulary or a
 * checkpoint folder, exactly one of the two), its sharing mode, sentences A and B, the masked token and the repeat
 * factor.
 *
 * @param vocabulary     "english" or "chinese" for the built-in mini ALBERT; null when a folder is used
 * @param modelFolder    a checkpoint folder; null for the built-in model
 * @param maskedPosition token index (0 = [CLS]) replaced by [MASK], or -1 for none
 * @param repeatFactor   how many times the layer stack is applied, 1 to {@link #MAX_REPEAT_FACTOR}
 */
public record LiveState(
        String vocabulary,
        Path modelFolder,
        SharingMode sharingMode,
        String sentenceA,
        String sentenceB,
        int maskedPosition,
        int repeatFactor) {

    public static final String ENGLISH = "english";
    public static final String CHINESE = "chinese";
    public static final Set<String> VOCABULARIES = Set.of(ENGLISH, CHINESE);
    /** The live page's largest repeat factor (LiveRequest's, which a test keeps equal). */
    public static final int MAX_REPEAT_FACTOR = 4;

    public LiveState {
        if ((vocabulary == null) == (modelFolder == null)) {
            throw new IllegalArgumentException("exactly one of vocabulary and modelFolder must be given");
        }
        if (vocabulary != null && !VOCABULARIES.contains(vocabulary)) {
            throw new IllegalArgumentException("vocabulary must be \"english\" or \"chinese\", got \""
                    + vocabulary + "\"");
        }
        Objects.requireNonNull(sharingMode, "sharingMode");
        Objects.requireNonNull(sentenceA, "sentenceA");
        Objects.requireNonNull(sentenceB, "sentenceB");
        if (maskedPosition < -1) {
            throw new IllegalArgumentException("maskedPosition must be -1 (none) or a token index, got "
                    + maskedPosition);
        }
        if (repeatFactor < 1 || repeatFactor > MAX_REPEAT_FACTOR) {
            throw new IllegalArgumentException("repeatFactor must be between 1 and " + MAX_REPEAT_FACTOR + ", got "
                    + repeatFactor);
        }
    }

    public static LiveState builtIn(String vocabulary, SharingMode sharingMode, String sentenceA, String sentenceB,
                                    int maskedPosition, int repeatFactor) {
        return new LiveState(vocabulary, null, sharingMode, sentenceA, sentenceB, maskedPosition, repeatFactor);
    }
}
