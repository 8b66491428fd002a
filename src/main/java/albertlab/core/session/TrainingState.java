package albertlab.core.session;

import albertlab.core.config.SharingMode;

import java.util.List;
import java.util.Objects;

/**
 * The Training page's settings, named as in {@code TrainingViewModel}: the model's sizes, the sharing modes that
 * race, the optimizer's settings, the probe sentence and what of it is watched. The corpus is the shipped slice of
 * the state's language; a text file the user opened is not part of a state.
 *
 * @param modes        the modes ticked, at least one, no repeats
 * @param probe        the probe sentence; null keeps the corpus's own example
 * @param watched      the mode whose probe is shown
 * @param application  the layer application of the probe's heatmap, 0-based
 * @param head         the head of the probe's heatmap, 0-based
 */
public record TrainingState(
        int embedding,
        int hidden,
        int layers,
        int heads,
        int intermediate,
        List<SharingMode> modes,
        double learningRate,
        int batchSize,
        int sequenceLength,
        int seed,
        String probe,
        SharingMode watched,
        int application,
        int head) {

    /** The page as it opens: Tiny (E 16, H 64, L 4, A 2, I 256), all-shared alone, 1e-3, 16 × 32, seed 42. */
    public static final TrainingState DEFAULT = new TrainingState(16, 64, 4, 2, 256, List.of(SharingMode.ALL_SHARED),
            1e-3, 16, 32, 42, null, SharingMode.ALL_SHARED, 0, 0);

    public TrainingState {
        modes = List.copyOf(modes);
        if (modes.isEmpty()) throw new IllegalArgumentException("modes must name at least one sharing mode");
        if (modes.stream().distinct().count() != modes.size()) {
            throw new IllegalArgumentException("modes must not repeat a sharing mode");
        }
        Objects.requireNonNull(watched, "watched");
        positive("embedding", embedding);
        positive("hidden", hidden);
        positive("layers", layers);
        positive("heads", heads);
        positive("intermediate", intermediate);
        positive("batchSize", batchSize);
        positive("sequenceLength", sequenceLength);
        positive("seed", seed);
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learningRate must be between 0 and 1, got " + learningRate);
        }
        if (application < 0) throw new IllegalArgumentException("application must be 0 or more, got " + application);
        if (head < 0) throw new IllegalArgumentException("head must be 0 or more, got " + head);
    }

    private static void positive(String name, int v) {
        if (v < 1) throw new IllegalArgumentException(name + " must be at least 1, got " + v);
    }
}
