package albertlab.viewmodel.live;

import albertlab.viewmodel.common.HeatmapData;
import albertlab.core.model.ForwardTrace;

import java.util.ArrayList;
import java.util.List;

/** The layer × layer cosine-similarity matrix of hidden states, as a heatmap. */
public final class HiddenStates {

    private HiddenStates() {
    }

    /**
     * [n+1][n+1] mean cosine between hidden states a and b (ForwardTrace.hiddenStateCosineMatrix). Label 0 is the
     * projected embedding, the input of the first layer; label t the output of application t.
     */
    public static HeatmapData cosineHeatmap(ForwardTrace trace) {
        double[][] m = trace.hiddenStateCosineMatrix();
        List<String> labels = new ArrayList<>(m.length);
        int[] positions = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            labels.add(Integer.toString(i));
            positions[i] = i;
        }
        return new HeatmapData(m, labels, labels, positions, positions, -1, 1, true);
    }
}
