package albertlab.viewmodel.live;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.train.TrainedModelCard;

import java.util.Objects;
import java.util.function.Function;

/**
 * A model the live page can run: its shape, tokenizer and forward pass, plus how to get the same shape in another
 * sharing mode.
 *
 * @param nameKey          i18n key of the name shown in the picker ({0} = {@code nameArg})
 * @param nameArg          e.g. the folder name of a loaded checkpoint; may be empty
 * @param untrained        the weights are random (the built-in models): predictions mean nothing
 * @param sibling          the same shape in another sharing mode (for overlays and timing)
 * @param siblingsComparable true when comparing hidden-state curves with {@code sibling}'s not-shared and
 *                         all-shared models is fair: the built-in models (the same weights wherever the modes
 *                         share) and the trained ones (the twin trained on the same batches with the same budget);
 *                         false when siblings are random stand-ins of a loaded checkpoint's shape, fit only for
 *                         timing
 * @param card             the measured facts of a trained model that ships with the app, or null
 */
public record LiveModel(
        String nameKey,
        String nameArg,
        AlbertConfig config,
        Tokenizer tokenizer,
        ForwardFunction forward,
        boolean hasMlmHead,
        boolean hasSopHead,
        boolean untrained,
        Function<SharingMode, ForwardFunction> sibling,
        boolean siblingsComparable,
        TrainedModelCard card) {

    /** A model without a card: a built-in random one or an opened folder. */
    public LiveModel(String nameKey, String nameArg, AlbertConfig config, Tokenizer tokenizer, ForwardFunction forward,
                     boolean hasMlmHead, boolean hasSopHead, boolean untrained,
                     Function<SharingMode, ForwardFunction> sibling, boolean siblingsComparable) {
        this(nameKey, nameArg, config, tokenizer, forward, hasMlmHead, hasSopHead, untrained, sibling,
                siblingsComparable, null);
    }

    public LiveModel {
        Objects.requireNonNull(nameKey);
        nameArg = nameArg == null ? "" : nameArg;
        Objects.requireNonNull(config);
        Objects.requireNonNull(tokenizer);
        Objects.requireNonNull(forward);
        Objects.requireNonNull(sibling);
    }

    public SharingMode sharingMode() {
        return config.sharingMode();
    }

    /** Longest input the position embeddings allow (P). */
    public int maxTokens() {
        return config.maxPositionEmbeddings();
    }
}
