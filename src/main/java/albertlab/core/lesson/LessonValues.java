package albertlab.core.lesson;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.params.ParameterBreakdown;
import albertlab.core.params.ParameterCounter;
import albertlab.core.session.LabState;
import albertlab.core.train.TrainedModelCard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static albertlab.core.lesson.LessonValue.Kind.COUNT;
import static albertlab.core.lesson.LessonValue.Kind.DECIMAL;
import static albertlab.core.lesson.LessonValue.Kind.DEGREES;
import static albertlab.core.lesson.LessonValue.Kind.FLOPS;
import static albertlab.core.lesson.LessonValue.Kind.TENTHS;
import static albertlab.core.lesson.LessonValue.Kind.PERCENT;
import static albertlab.core.lesson.LessonValue.Kind.RATIO;

/**
 * The numbers a lesson's placeholders name, computed from what the app shows: the Parameter Explorer's sizes (by the
 * same {@link ParameterCounter} as its readouts: the encoder without pre-training heads, as the paper counts) and the trained models' cards (measured on held-out text). A
 * teacher who changes a size gets the numbers of the new size. {@link #NAMES} lists every name; README.md in
 * {@code lessons/} explains them.
 */
public final class LessonValues {

    /** How many layer applications a card's hidden-state figures have at most (the shipped models have 6). */
    public static final int CARD_APPLICATIONS = 6;
    private static final String[] CARDS = {"card", "twin"};

    /** Every placeholder name a lesson may use. */
    public static final Set<String> NAMES = names();

    private LessonValues() {
    }

    /**
     * @param card the trained model shown on the Live page (or the state's trained model), or null
     * @param twin its not-shared (BERT-style) twin, or null
     */
    public static Map<String, LessonValue> of(LabState state, TrainedModelCard card, TrainedModelCard twin) {
        Map<String, LessonValue> v = new LinkedHashMap<>();
        AlbertConfig c;
        try {
            c = state.explorer().config();
        } catch (IllegalArgumentException e) {
            c = null;
        }
        if (c != null && c.fatalProblems().isEmpty()) explorer(v, c);
        if (card != null) card(v, "card", card);
        if (twin != null) card(v, "twin", twin);
        return v;
    }

    private static void explorer(Map<String, LessonValue> v, AlbertConfig c) {
        v.put("V", count(c.vocabSize()));
        v.put("E", count(c.embeddingSize()));
        v.put("H", count(c.hiddenSize()));
        v.put("L", count(c.numHiddenLayers()));
        v.put("A", count(c.numAttentionHeads()));
        v.put("I", count(c.intermediateSize()));
        v.put("G", count(c.numHiddenGroups()));
        ParameterBreakdown b = ParameterCounter.count(c);
        long vh = (long) c.vocabSize() * c.hiddenSize();
        long factorized = (long) c.vocabSize() * c.embeddingSize() + (long) c.embeddingSize() * c.hiddenSize();
        v.put("embedding.unfactorized", count(vh));
        v.put("embedding.factorized", count(factorized));
        v.put("embedding.saving", new LessonValue((double) vh / factorized, RATIO));
        v.put("params.embeddings", count(b.embeddings() + b.projection()));
        v.put("params.attention", count(b.attentionPerLayer()));
        v.put("params.ffn", count(b.ffnPerLayer()));
        v.put("params.layer", count(b.attentionPerLayer() + b.ffnPerLayer()));
        v.put("params.layers", count(b.encoder()));
        v.put("params.pooler", count(b.pooler()));
        v.put("params.total", count(b.total()));
        v.put("params.unshared", count(b.unsharedEquivalent()));
        v.put("params.sharingSaving", new LessonValue((double) b.unsharedEquivalent() / b.total(), RATIO));
        v.put("params.embeddingShare", new LessonValue((double) (b.embeddings() + b.projection()) / b.total(), PERCENT));
        v.put("params.layersShare", new LessonValue((double) b.encoder() / b.total(), PERCENT));
        ParameterCounter.Flops f = b.flops();
        v.put("flops.perToken", new LessonValue(f.perToken(), FLOPS));
        v.put("flops.perSequence", new LessonValue(f.perSequence(), FLOPS));
        v.put("flops.sequenceLength", count(f.sequenceLength()));
        for (SharingMode m : SharingMode.values()) {
            ParameterBreakdown other = ParameterCounter.count(c.toBuilder().sharingMode(m).build());
            v.put("params.total." + m.cliName(), count(other.total()));
            v.put("flops.perToken." + m.cliName(), new LessonValue(other.flops().perToken(), FLOPS));
        }
    }

    private static void card(Map<String, LessonValue> v, String prefix, TrainedModelCard card) {
        TrainedModelCard.HeldOut h = card.heldOut();
        v.put(prefix + ".params", count(card.parameters()));
        v.put(prefix + ".steps", count(card.trainingSteps()));
        v.put(prefix + ".tokens", count(card.trainingTokens()));
        v.put(prefix + ".minutes", new LessonValue(card.trainingMinutes(), TENTHS));
        v.put(prefix + ".top1", new LessonValue(h.mlmTop1(), PERCENT));
        v.put(prefix + ".top5", new LessonValue(h.mlmTop5(), PERCENT));
        v.put(prefix + ".baseline", new LessonValue(h.mostFrequentBaseline(), PERCENT));
        v.put(prefix + ".sop", new LessonValue(h.sopAccuracy(), PERCENT));
        v.put(prefix + ".sequences", count(h.sequences()));
        v.put(prefix + ".pairs", count(h.pairs()));
        v.put(prefix + ".namedHeads", count(card.namedHeads().size()));
        List<TrainedModelCard.HiddenStateStep> hs = card.hiddenStates();
        for (TrainedModelCard.HiddenStateStep s : hs) {
            if (s.application() >= CARD_APPLICATIONS) continue;
            v.put(prefix + ".l2." + (s.application() + 1), new LessonValue(s.l2(), DECIMAL));
            v.put(prefix + ".angle." + (s.application() + 1), new LessonValue(s.angleDegrees(), DEGREES));
        }
    }

    private static LessonValue count(long n) {
        return new LessonValue(n, COUNT);
    }

    private static Set<String> names() {
        Set<String> n = new TreeSet<>(List.of("V", "E", "H", "L", "A", "I", "G", "embedding.unfactorized",
                "embedding.factorized", "embedding.saving", "params.embeddings", "params.attention", "params.ffn",
                "params.layer", "params.layers", "params.pooler", "params.total", "params.unshared",
                "params.sharingSaving", "params.embeddingShare", "params.layersShare", "flops.perToken",
                "flops.perSequence", "flops.sequenceLength"));
        for (SharingMode m : SharingMode.values()) {
            n.add("params.total." + m.cliName());
            n.add("flops.perToken." + m.cliName());
        }
        for (String p : CARDS) {
            for (String s : List.of("params", "steps", "tokens", "minutes", "top1", "top5", "baseline", "sop",
                    "sequences", "pairs", "namedHeads")) {
                n.add(p + "." + s);
            }
            for (int a = 1; a <= CARD_APPLICATIONS; a++) {
                n.add(p + ".l2." + a);
                n.add(p + ".angle." + a);
            }
        }
        return java.util.Collections.unmodifiableSet(n);
    }
}
