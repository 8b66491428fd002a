package albertlab.core.train;

import albertlab.core.model.AlbertModel;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.LayerSchedule;
import albertlab.core.model.ModelInput;
import albertlab.core.model.TokenProbabilities;
import albertlab.core.model.PretrainingBatch;
import albertlab.core.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a trained model does on held-out documents (the {@code evaluate} command and the model cards). The text is
 * cut into sequences exactly as training cuts its corpus ({@link PretrainingBatches}: [CLS] A [SEP] B [SEP], A and
 * B consecutive stretches of lines of one document, swapped with probability 0.5), so that the model is judged on
 * the kind of input it learned from:
 * <ul>
 *   <li>masked LM: 15% of each sequence's non-special tokens (seeded, as in training) become targets, and every
 *       target becomes [MASK]; top-1 and top-5 accuracy and the mean cross-entropy at those positions, for all
 *       targets and for Han characters alone (a poem's punctuation is trivial to predict), next to the accuracy of
 *       always guessing the targets' most frequent token;</li>
 *   <li>sentence order: whether the SOP head tells the swapped sequences from the others, on the unmasked text;</li>
 *   <li>attention: for each (layer application, head), the mean attention mass a real query token puts on the
 *       previous token, the next one, [CLS], [SEP], itself and punctuation, on the unmasked text.</li>
 * </ul>
 */
public final class ModelEvaluation {

    public static final String[] PATTERNS = {"previous", "next", "cls", "sep", "self", "punctuation"};
    /** Sequences scored unless told otherwise: about 19,000 masked tokens and 1,000 pairs at S = 128. */
    public static final int DEFAULT_SEQUENCES = 1000;

    /** What is scored: how many held-out sequences, how long, and the seed that draws and masks them. */
    public record Protocol(int sequences, int maxSeqLength, long seed) {
        public Protocol {
            if (sequences < 1) throw new IllegalArgumentException("--sequences must be at least 1, got " + sequences);
            if (maxSeqLength < 5) {
                throw new IllegalArgumentException("--max-seq-length must be at least 5, got " + maxSeqLength);
            }
        }
    }

    /** Top-1, top-5, loss and count over one kind of target. */
    public record MlmScore(double top1, double top5, double loss, int maskedTokens, double mostFrequentBaseline) {
    }

    /** The mean mass of one head on each of {@link #PATTERNS}. */
    public record HeadPattern(int application, int layer, int head, double[] mass) {
        public double mass(String pattern) {
            for (int i = 0; i < PATTERNS.length; i++) if (PATTERNS[i].equals(pattern)) return mass[i];
            throw new IllegalArgumentException(pattern);
        }
    }

    /**
     * The paper's Figure 1 for one layer application, averaged over the held-out sequences: the L2 distance and
     * the angle (degrees) between its input and output embeddings, each the mean over a sequence's tokens.
     */
    public record Transition(int application, double l2, double angleDegrees) {
    }

    /** @param transitions one per layer application, in order */
    public record Report(MlmScore mlm, MlmScore mlmHan, double sopAccuracy, int pairs, List<HeadPattern> heads,
                         List<Transition> transitions, Protocol protocol) {
    }

    private ModelEvaluation() {
    }

    public static Report run(AlbertModel model, Tokenizer tokenizer, TrainingCorpus heldOut, Protocol protocol) {
        SpecialTokens specials = SpecialTokens.of(tokenizer);
        int length = Math.min(protocol.maxSeqLength(), model.config().maxPositionEmbeddings());
        MlmMasking masking = MlmMasking.forEvaluation(MaskingStrategy.TOKEN, specials,
                TrainingSettings.defaultMaxPredictions(length));
        PretrainingBatches sequences = new PretrainingBatches(heldOut, specials, masking, 1, length, protocol.seed());
        Counter all = new Counter();
        Counter han = new Counter();
        int pairs = 0;
        int right = 0;
        LayerSchedule schedule = LayerSchedule.of(model.config());
        int heads = model.config().numAttentionHeads();
        double[][][] mass = new double[schedule.size()][heads][PATTERNS.length];
        long queries = 0;
        double[] l2 = new double[schedule.size()];
        double[] angle = new double[schedule.size()];
        ForwardOptions patterns = new ForwardOptions(0, true, false);
        for (int i = 0; i < protocol.sequences(); i++) {
            PretrainingBatch b = sequences.batch(i);
            int real = 0;
            while (real < length && b.attentionMask()[0][real] == 1) real++;
            int[] masked = Arrays.copyOf(b.inputIds()[0], real);
            int[] labels = Arrays.copyOf(b.labels()[0], real);
            int[] types = Arrays.copyOf(b.tokenTypeIds()[0], real);
            int[] ones = new int[real];
            Arrays.fill(ones, 1);
            int[] text = masked.clone();
            int n = 0;
            for (int t = 0; t < real; t++) {
                if (labels[t] == PretrainingBatch.IGNORED) continue;
                text[t] = labels[t];
                n++;
            }
            int[] rows = new int[n];
            for (int t = 0, k = 0; t < real; t++) if (labels[t] != PretrainingBatch.IGNORED) rows[k++] = t;
            if (n > 0) {
                ForwardTrace trace = model.forward(new ModelInput(masked, types, ones),
                        new ForwardOptions(0, false, true).withMlmRows(rows));
                for (int row : rows) {
                    double[] p = TokenProbabilities.softmax(trace.mlmLogits()[row]);
                    int[] top = TokenProbabilities.topIds(p, 5);
                    all.add(labels[row], p, top);
                    if (isHan(tokenizer.idToToken(labels[row]))) han.add(labels[row], p, top);
                }
            }
            ForwardTrace trace = model.forward(new ModelInput(text, types, ones), patterns);
            if (trace.sopLogits() != null) {
                int guess = trace.sopLogits()[1] > trace.sopLogits()[0] ? 1 : 0;
                if (guess == b.sentenceOrderLabel()[0]) right++;
                pairs++;
            }
            queries += attention(trace, text, ones, tokenizer, specials, mass);
            for (int t = 0; t < schedule.size(); t++) {
                l2[t] += trace.layerSummaries().get(t).l2();
                angle[t] += trace.layerSummaries().get(t).angleDegrees();
            }
        }
        List<Transition> transitions = new ArrayList<>();
        for (int t = 0; t < schedule.size(); t++) {
            int n = Math.max(1, protocol.sequences());
            transitions.add(new Transition(t, l2[t] / n, angle[t] / n));
        }
        List<HeadPattern> headPatterns = new ArrayList<>();
        for (int t = 0; t < schedule.size(); t++) {
            for (int h = 0; h < heads; h++) {
                double[] m = mass[t][h].clone();
                for (int i = 0; i < m.length; i++) m[i] = queries == 0 ? 0 : m[i] / queries;
                headPatterns.add(new HeadPattern(t, schedule.get(t).layer(), h, m));
            }
        }
        return new Report(all.score(), han.score(), pairs == 0 ? Double.NaN : (double) right / pairs, pairs,
                headPatterns, List.copyOf(transitions), protocol);
    }

    /** Adds each head's pattern masses over the real query tokens; returns how many queries there were. */
    private static int attention(ForwardTrace trace, int[] ids, int[] mask, Tokenizer tokenizer,
                                 SpecialTokens specials, double[][][] mass) {
        int s = ids.length;
        boolean[] punctuation = new boolean[s];
        for (int j = 0; j < s; j++) punctuation[j] = !specials.isSpecial(ids[j]) && isPunctuation(tokenizer.idToToken(ids[j]));
        int real = 0;
        for (int i = 0; i < s; i++) if (mask[i] == 1) real++;
        for (int t = 0; t < trace.attentions().size(); t++) {
            float[][][] att = trace.attentions().get(t);
            for (int h = 0; h < att.length; h++) {
                double[] m = mass[t][h];
                for (int i = 0; i < s; i++) {
                    if (mask[i] == 0) continue;
                    float[] row = att[h][i];
                    if (i > 0) m[0] += row[i - 1];
                    if (i + 1 < s) m[1] += row[i + 1];
                    m[2] += row[0];
                    for (int j = 0; j < s; j++) {
                        if (ids[j] == specials.sep()) m[3] += row[j];
                        if (punctuation[j]) m[5] += row[j];
                    }
                    m[4] += row[i];
                }
            }
        }
        return real;
    }

    /** A piece made only of punctuation (after SentencePiece's ▁ and WordPiece's ##). */
    static boolean isPunctuation(String piece) {
        String p = piece.replace("\u2581", "").replace("##", "");
        if (p.isEmpty()) return false;
        return p.codePoints().allMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                    || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                    || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                    || type == Character.OTHER_PUNCTUATION;
        });
    }

    /** A piece that is one Han character (Chinese WordPiece pieces are single characters). */
    static boolean isHan(String piece) {
        String p = piece.replace("##", "");
        return p.codePointCount(0, p.length()) == 1
                && Character.UnicodeScript.of(p.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    private static final class Counter {
        int n;
        int top1;
        int top5;
        double loss;
        final Map<Integer, Integer> frequency = new HashMap<>();

        void add(int target, double[] p, int[] top) {
            n++;
            if (top[0] == target) top1++;
            for (int id : top) if (id == target) top5++;
            loss -= Math.log(Math.max(p[target], 1e-300));
            frequency.merge(target, 1, Integer::sum);
        }

        MlmScore score() {
            int most = frequency.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            return new MlmScore(n == 0 ? Double.NaN : (double) top1 / n, n == 0 ? Double.NaN : (double) top5 / n,
                    n == 0 ? Double.NaN : loss / n, n, n == 0 ? Double.NaN : (double) most / n);
        }
    }
}
