package albertlab.core.train;

import albertlab.core.io.CheckpointException;
import albertlab.core.io.TextFiles;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.GsonBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained model's {@code card.json} as the app reads it (written by {@link ModelCard}): what it was trained on,
 * for how long, how it scores on held-out text, which heads have a measured behaviour, and example sentences.
 */
public record TrainedModelCard(String name, String language, String sharing, String twinOf, String corpus,
                               String corpusZh, long parameters, String weightsSha256, long trainingSteps,
                               long trainingTokens, double trainingMinutes, long seed, String command,
                               HeldOut heldOut, List<NamedHead> namedHeads, List<CardExamples.Example> examples,
                               List<HiddenStateStep> hiddenStates) {

    /**
     * The paper's Figure 1 measured on held-out text: how far the hidden state moves in one layer application, as
     * the L2 distance and the angle between its input and output embeddings, averaged over tokens and sequences.
     * A card written before these were measured has none.
     */
    public record HiddenStateStep(int application, double l2, double angleDegrees) {
    }

    public List<HiddenStateStep> hiddenStates() {
        return hiddenStates == null ? List.of() : hiddenStates;
    }

    /** The held-out scores; mlmTop1 counts Han characters only when mlmCounted says so. */
    public record HeldOut(String text, int sequences, int maxSeqLength, String mlmCounted, double mlmTop1,
                          double mlmTop5, double mlmLoss, int maskedTokens, double mostFrequentBaseline,
                          double mlmTop1AllTokens, double sopAccuracy, int pairs) {
    }

    /** A (layer application, head) whose attention mass on one pattern is at least {@link ModelCard#NAMED_HEAD_MASS}. */
    public record NamedHead(int application, int head, String pattern, double mass) {
    }

    private static final Gson GSON = new GsonBuilder().setStrictness(Strictness.STRICT).create();

    public static TrainedModelCard read(Path folder) throws CheckpointException {
        Path file = folder.resolve(ModelCard.JSON);
        if (!Files.isRegularFile(file)) throw new CheckpointException(file, "file not found");
        TrainedModelCard card;
        try {
            card = GSON.fromJson(TextFiles.readUtf8(file, 1L << 20, "model card"), TrainedModelCard.class);
        } catch (JsonParseException e) {
            throw new CheckpointException(file, "is not a valid model card (" + CheckpointException.firstLine(e) + ")", e);
        }
        if (card == null || card.name() == null || card.language() == null || card.sharing() == null
                || card.corpus() == null || card.corpusZh() == null || card.heldOut() == null
                || card.namedHeads() == null || card.examples() == null) {
            throw new CheckpointException(file, "is not a complete model card (name, language, sharing, corpus, "
                    + "corpusZh, heldOut, namedHeads and examples are required)");
        }
        if (!card.language().equals("en") && !card.language().equals("zh")) {
            throw new CheckpointException(file, "names the language \"" + card.language() + "\"; en or zh expected");
        }
        return card;
    }

    public boolean chinese() {
        return language.equals("zh");
    }
}
