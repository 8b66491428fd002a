package albertlab.viewmodel.live;

import albertlab.core.config.SharingMode;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.LayerSummary;

import java.util.List;

/**
 * How much each layer application moved the hidden states, as in the ALBERT paper's Figure 1: point t (1-based)
 * compares the input and output of application t, averaged over real tokens.
 *
 * @param current true for the model the student picked, false for an overlay
 * @param layers  L of the model: applications past it are the repeats
 */
public record DynamicsCurve(SharingMode mode, boolean current, double[] l2, double[] angleDegrees,
                            double[] cosine, int layers) {

    public static DynamicsCurve of(SharingMode mode, boolean current, ForwardTrace trace, int layers) {
        List<LayerSummary> s = trace.layerSummaries();
        double[] l2 = new double[s.size()];
        double[] angle = new double[s.size()];
        double[] cos = new double[s.size()];
        for (int t = 0; t < s.size(); t++) {
            l2[t] = s.get(t).l2();
            angle[t] = s.get(t).angleDegrees();
            cos[t] = s.get(t).cosine();
        }
        return new DynamicsCurve(mode, current, l2, angle, cos, layers);
    }

    /** The current model's curve first, then the overlays in {@link LiveComputation#OVERLAY_MODES} order. */
    public static List<DynamicsCurve> of(LiveResult r) {
        int layers = r.model().config().layerApplications();
        java.util.ArrayList<DynamicsCurve> out = new java.util.ArrayList<>();
        out.add(of(r.model().sharingMode(), true, r.dynamics(), layers));
        for (SharingMode m : LiveComputation.OVERLAY_MODES) {
            ForwardTrace t = r.overlays().get(m);
            if (t != null) out.add(of(m, false, t, layers));
        }
        return out;
    }

    public int points() {
        return l2.length;
    }
}
