package albertlab.viewmodel.training;

import albertlab.core.model.TokenGuess;
import albertlab.viewmodel.common.HeatmapData;

import java.util.List;
import java.util.stream.IntStream;

/** What the probe panel draws from one lane's probe: one head's attention as a heatmap, one word's guesses. */
public final class ProbeDisplay {

    private ProbeDisplay() {
    }

    /** Head {@code head} of application {@code application} (both clamped to what the model has), [S][S]. */
    public static HeatmapData attention(ProbeView view, int application, int head) {
        if (view.applications() == 0 || view.heads() == 0) return null;
        int a = Math.max(0, Math.min(application, view.applications() - 1));
        int h = Math.max(0, Math.min(head, view.heads() - 1));
        float[][] p = view.attentions()[a][h];
        double[][] values = new double[p.length][];
        for (int r = 0; r < p.length; r++) {
            values[r] = new double[p[r].length];
            for (int c = 0; c < p[r].length; c++) values[r][c] = p[r][c];
        }
        int[] positions = IntStream.range(0, p.length).toArray();
        return new HeatmapData(values, view.tokens(), view.tokens(), positions, positions.clone(), 0, 1, false);
    }

    /** The guesses for the word at {@code position} when it alone is masked; empty at [CLS], [SEP] or out of range. */
    public static List<TokenGuess> guesses(ProbeView view, int position) {
        if (position < 0 || position >= view.guesses().size()) return List.of();
        List<TokenGuess> g = view.guesses().get(position);
        return g == null ? List.of() : g;
    }
}
