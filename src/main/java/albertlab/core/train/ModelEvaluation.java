package albertlab.core.train;

import albertlab.core.model.AlbertModel;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.LayerSchedule;
import albertlab.core.model.ModelInput;
import albertlab.core.model.TokenProbabilities;
import albertlab.core.tokenizer.EncodeOptions;
import albertlab.core.tokenizer.Encoding;
import albertlab.core.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How a trained model does on held-out text (the {@code evaluate} command):
 * <ul>
 *   <li>masked LM: in each line, 15% of the non-special tokens (seeded, at least 1) become [MASK]; top-1 and top-5
 *       accuracy and the mean cross-entropy at those positions, for all targets and for Han characters alone
 *       (a poem's punctuation is trivial to predict), next to the accuracy of always guessing the targets' most
 *       frequent token;</li>
 *   <li>sentence order: pairs of consecutive lines of one document (lines 1–2, 3–4, ...), half of them swapped;</li>
 *   <li>attention: for each (layer application, head), the mean attention mass a real query token puts on the
 *       previous token, the next one, [CLS], [SEP], itself and punctuation, over the sentence-order pairs.</li>
 * </ul>
 */
public final class ModelEvaluation {

    public static final String[] PATTERNS = {"previous", "next", "cls", "sep", "self", "punctuation"};

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

    public record Report(MlmScore mlm, MlmScore mlmHan, double sopAccuracy, int pairs, List<HeadPattern> heads,
                         long seed, int lines) {
    }

    private ModelEvaluation() {
    }

    /** @param documents lines per document, as in a corpus file */
    public static Report run(AlbertModel model, Tokenizer tokenizer, List<List<String>> documents, long seed) {
        SpecialTokens specials = SpecialTokens.of(tokenizer);
        // the same count as training's masking (15%, at least 1), without training's per-sequence cap
        MlmMasking allTargets = new MlmMasking(MaskingStrategy.TOKEN, specials, Integer.MAX_VALUE);
        int maxTokens = Math.min(model.config().maxPositionEmbeddings(), 512);
        SplittableRandom random = new SplittableRandom(seed);
        Counter all = new Counter();
        Counter han = new Counter();
        int lines = 0;
        ForwardOptions mlmOnly = new ForwardOptions(0, false, true);
        for (List<String> doc : documents) {
            for (String line : doc) {
                lines++;
                Encoding enc = tokenizer.encode(line, null, EncodeOptions.maxLength(maxTokens));
                int[] ids = enc.ids().clone();
                List<Integer> candidates = new ArrayList<>();
                for (int t = 0; t < ids.length; t++) if (!specials.isSpecial(ids[t])) candidates.add(t);
                if (candidates.isEmpty()) continue;
                int n = allTargets.targetsFor(candidates.size());
                for (int i = candidates.size() - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    Integer tmp = candidates.get(i);
                    candidates.set(i, candidates.get(j));
                    candidates.set(j, tmp);
                }
                int[] targets = new int[n];
                int[] positions = new int[n];
                for (int i = 0; i < n; i++) {
                    positions[i] = candidates.get(i);
                    targets[i] = ids[positions[i]];
                    ids[positions[i]] = specials.mask();
                }
                ForwardTrace trace = model.forward(new ModelInput(ids, enc.typeIds(), enc.attentionMask()), mlmOnly);
                for (int i = 0; i < n; i++) {
                    double[] p = TokenProbabilities.softmax(trace.mlmLogits()[positions[i]]);
                    int[] top = TokenProbabilities.topIds(p, 5);
                    all.add(targets[i], p, top);
                    if (isHan(tokenizer.idToToken(targets[i]))) han.add(targets[i], p, top);
                }
            }
        }
        // sentence order and attention, on consecutive-line pairs
        int pairs = 0;
        int right = 0;
        LayerSchedule schedule = LayerSchedule.of(model.config());
        int heads = model.config().numAttentionHeads();
        double[][][] mass = new double[schedule.size()][heads][PATTERNS.length];
        long queries = 0;
        for (List<String> doc : documents) {
            for (int k = 0; k + 1 < doc.size(); k += 2) {
                boolean swap = random.nextBoolean();
                String a = swap ? doc.get(k + 1) : doc.get(k);
                String b = swap ? doc.get(k) : doc.get(k + 1);
                Encoding enc = tokenizer.encode(a, b, EncodeOptions.maxLength(maxTokens));
                ForwardTrace trace = model.forward(new ModelInput(enc.ids(), enc.typeIds(), enc.attentionMask()),
                        new ForwardOptions(0, true, false));
                if (trace.sopLogits() != null) {
                    int guess = trace.sopLogits()[1] > trace.sopLogits()[0] ? 1 : 0;
                    if (guess == (swap ? 1 : 0)) right++;
                    pairs++;
                }
                queries += attention(trace, enc, tokenizer, specials, mass);
            }
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
                headPatterns, seed, lines);
    }

    /** Adds each head's pattern masses over the real query tokens; returns how many queries there were. */
    private static int attention(ForwardTrace trace, Encoding enc, Tokenizer tokenizer, SpecialTokens specials,
                                 double[][][] mass) {
        int s = enc.length();
        int[] ids = enc.ids();
        int[] mask = enc.attentionMask();
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
