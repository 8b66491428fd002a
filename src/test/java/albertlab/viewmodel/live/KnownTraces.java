package albertlab.viewmodel.live;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.LayerSchedule;
import albertlab.core.model.LayerSummary;
import albertlab.core.model.ModelInput;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hand-built forward passes whose every number follows from a formula, so tests can assert what a view must
 * show. Not a transformer: attention weights are {@link #weight} normalised per row, layer summaries grow with
 * the application index, MLM logits favour id (position + 5) mod V, SOP logits favour "in order" when the first
 * word id is the smaller.
 */
public final class KnownTraces {

    public static final int LAYERS = 3;
    public static final int HEADS = 2;
    public static final int HIDDEN = 4;
    public static final int POSITIONS = 16;

    private KnownTraces() {
    }

    public static AlbertConfig config(SharingMode mode) {
        return AlbertConfig.builder().vocabSize(WordTokenizer.VOCAB.size()).embeddingSize(2).hiddenSize(HIDDEN)
                .intermediateSize(8).numHiddenLayers(LAYERS).numHiddenGroups(1).numAttentionHeads(HEADS)
                .maxPositionEmbeddings(POSITIONS).sharingMode(mode).build();
    }

    /** Unnormalised attention of application l, head a, query q, key k: 1 + (7l + 5a + 3q + k) mod 11. */
    public static double weight(int l, int a, int q, int k) {
        return 1 + ((7 * l + 5 * a + 3 * q + k) % 11);
    }

    /** The attention probability the trace holds: {@link #weight} divided by its row sum, in float. */
    public static float probability(int l, int a, int q, int k, int s) {
        double sum = 0;
        for (int j = 0; j < s; j++) sum += weight(l, a, q, j);
        return (float) (weight(l, a, q, k) / sum);
    }

    /** L2 of application t in a model of {@code mode}: distinct per mode so overlays can be told apart. */
    public static double l2(SharingMode mode, int t) {
        return (mode.ordinal() + 1) * 10 + t + 1;
    }

    public static ForwardTrace trace(AlbertConfig config, ModelInput input, ForwardOptions options) {
        return trace(config, input, options, true, true);
    }

    public static ForwardTrace trace(AlbertConfig config, ModelInput input, ForwardOptions options, boolean withMlm,
                                     boolean withSop) {
        int s = input.length();
        int v = config.vocabSize();
        LayerSchedule schedule = LayerSchedule.of(config, options.extraLayers());
        int n = schedule.size();
        List<float[][][]> attentions = new ArrayList<>();
        List<float[][]> hidden = new ArrayList<>();
        List<LayerSummary> summaries = new ArrayList<>();
        for (int t = 0; t <= n; t++) {
            float[][] h = new float[s][HIDDEN];
            for (int q = 0; q < s; q++) for (int i = 0; i < HIDDEN; i++) h[q][i] = (float) Math.cos(t + q + i);
            hidden.add(h);
        }
        for (int l = 0; l < n; l++) {
            if (options.keepAttentions()) {
                float[][][] att = new float[HEADS][s][s];
                for (int a = 0; a < HEADS; a++)
                    for (int q = 0; q < s; q++)
                        for (int k = 0; k < s; k++) att[a][q][k] = probability(l, a, q, k, s);
                attentions.add(att);
            }
            summaries.add(new LayerSummary(1.0 / (l + 2), 10.0 * (l + 1) + config.sharingMode().ordinal(),
                    l2(config.sharingMode(), l)));
        }
        float[][] mlm = null;
        if (options.computeMlm() && withMlm) {
            mlm = new float[s][v];
            for (int q = 0; q < s; q++) {
                if (!options.computesMlmRow(q, s)) {
                    mlm[q] = null; // like AlbertModel: rows nobody asked for are not computed
                    continue;
                }
                for (int id = 0; id < v; id++) mlm[q][id] = id == (q + 5) % v ? 3f : id == (q + 6) % v ? 2f : 0f;
            }
        }
        int firstWord = s > 1 ? input.ids()[1] : 0;
        int lastWord = s > 2 ? input.ids()[s - 2] : 0;
        float[] sop = {firstWord <= lastWord ? 2f : 0f, firstWord <= lastWord ? 0f : 2f};
        return new ForwardTrace(input, schedule.applications(), new float[s][2], hidden, attentions, summaries,
                new float[HIDDEN], mlm, withSop ? sop : null, 1.25);
    }

    /** A family of four known models sharing one tokenizer; {@code calls} counts forward passes. */
    public static ModelFamily family(AtomicInteger calls) {
        WordTokenizer tokenizer = new WordTokenizer();
        Map<SharingMode, LiveModel> members = new EnumMap<>(SharingMode.class);
        Map<SharingMode, ForwardFunction> forwards = new EnumMap<>(SharingMode.class);
        for (SharingMode mode : SharingMode.values()) {
            AlbertConfig c = config(mode);
            forwards.put(mode, (in, opt) -> {
                calls.incrementAndGet();
                return trace(c, in, opt);
            });
        }
        for (SharingMode mode : SharingMode.values()) {
            members.put(mode, new LiveModel("live.model.builtin.english", "", config(mode), tokenizer,
                    forwards.get(mode), true, true, true, forwards::get, true));
        }
        return new ModelFamily("live.model.builtin.english", "", members, SharingMode.ALL_SHARED);
    }

    /** A loaded checkpoint stand-in: one mode, optional heads. */
    public static LiveModel loaded(String name, boolean mlm, boolean sop) {
        AlbertConfig c = config(SharingMode.ALL_SHARED);
        ForwardFunction f = (in, opt) -> trace(c, in, opt, mlm, sop);
        return new LiveModel("live.model.folder", name, c, new WordTokenizer(), f, mlm, sop, false, m -> f, false);
    }
}
