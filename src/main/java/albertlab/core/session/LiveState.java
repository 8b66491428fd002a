package albertlab.core.session;

import albertlab.core.config.SharingMode;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The live page's inputs, named as in {@code LiveModelViewModel}: which model (a built-in random model's
 * vocabulary, a trained model that ships with the app, or a checkpoint folder: exactly one of the three), its
 * sharing mode, sentences A and B, the masked token and the repeat factor.
 *
 * @param vocabulary     "english" or "chinese" for the built-in random mini ALBERT; null otherwise
 * @param modelFolder    a checkpoint folder; null otherwise
 * @param maskedPosition token index (0 = [CLS]) replaced by [MASK], or -1 for none
 * @param repeatFactor   how many times the layer stack is applied, 1 to {@link #MAX_REPEAT_FACTOR}
 * @param trainedModel   the folder name of a trained model in the app's {@code assets/models/}; null otherwise
 * @param tab            the tab shown: one of {@link #TABS}
 * @param application    the layer application whose attention is shown, 0-based; -1 for the mean over all
 * @param head           the attention head shown, 0-based; -1 for the mean over all
 */
public record LiveState(
        String vocabulary,
        Path modelFolder,
        SharingMode sharingMode,
        String sentenceA,
        String sentenceB,
        int maskedPosition,
        int repeatFactor,
        String trainedModel,
        String tab,
        int application,
        int head) {

    public static final String ENGLISH = "english";
    public static final String CHINESE = "chinese";
    public static final Set<String> VOCABULARIES = Set.of(ENGLISH, CHINESE);
    /** The live page's largest repeat factor (LiveRequest's, which a test keeps equal). */
    public static final int MAX_REPEAT_FACTOR = 4;
    /** The live page's tabs, in its order. */
    public static final java.util.List<String> TABS = java.util.List.of("attention", "grid", "dynamics", "predict",
            "compute");
    public static final String DEFAULT_TAB = "attention";

    /** A built-in random model ({@code vocabulary}) or a folder. */
    public LiveState(String vocabulary, Path modelFolder, SharingMode sharingMode, String sentenceA, String sentenceB,
                     int maskedPosition, int repeatFactor) {
        this(vocabulary, modelFolder, sharingMode, sentenceA, sentenceB, maskedPosition, repeatFactor, null);
    }

    /** The first tab, the first application's first head. */
    public LiveState(String vocabulary, Path modelFolder, SharingMode sharingMode, String sentenceA, String sentenceB,
                     int maskedPosition, int repeatFactor, String trainedModel) {
        this(vocabulary, modelFolder, sharingMode, sentenceA, sentenceB, maskedPosition, repeatFactor, trainedModel,
                DEFAULT_TAB, 0, 0);
    }

    public LiveState {
        int given = (vocabulary != null ? 1 : 0) + (modelFolder != null ? 1 : 0) + (trainedModel != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("exactly one of vocabulary, trainedModel and modelFolder must be given");
        }
        if (trainedModel != null && (trainedModel.isBlank() || trainedModel.contains("/")
                || trainedModel.contains("\\") || trainedModel.startsWith("."))) {
            throw new IllegalArgumentException("trainedModel must be a folder name, got \"" + trainedModel + "\"");
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
        if (!TABS.contains(tab)) {
            throw new IllegalArgumentException("tab must be one of " + String.join(", ", TABS) + ", got \"" + tab
                    + "\"");
        }
        // -1 is the attention view's "mean over all"
        if (application < -1) throw new IllegalArgumentException("application must be -1 (mean) or more, got "
                + application);
        if (head < -1) throw new IllegalArgumentException("head must be -1 (mean) or more, got " + head);
    }

    /** This state showing another tab, application and head. */
    public LiveState withView(String tab, int application, int head) {
        return new LiveState(vocabulary, modelFolder, sharingMode, sentenceA, sentenceB, maskedPosition, repeatFactor,
                trainedModel, tab, application, head);
    }

    public static LiveState builtIn(String vocabulary, SharingMode sharingMode, String sentenceA, String sentenceB,
                                    int maskedPosition, int repeatFactor) {
        return new LiveState(vocabulary, null, sharingMode, sentenceA, sentenceB, maskedPosition, repeatFactor);
    }

    public static LiveState trained(String trainedModel, SharingMode sharingMode, String sentenceA, String sentenceB,
                                    int maskedPosition, int repeatFactor) {
        return new LiveState(null, null, sharingMode, sentenceA, sentenceB, maskedPosition, repeatFactor,
                trainedModel);
    }
}
