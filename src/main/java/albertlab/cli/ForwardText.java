package albertlab.cli;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.LayerSchedule;
import albertlab.core.model.LayerSummary;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code forward} without {@code --json}: a short summary a person reads. */
final class ForwardText {

    private ForwardText() {
    }

    static void print(ForwardReport r, PrintStream out) {
        AlbertConfig c = r.config();
        ForwardTrace t = r.trace();
        int[] ids = t.input().ids();
        out.printf("model: %s  (V=%d E=%d H=%d L=%d A=%d G=%d inner=%d, sharing %s)%n", r.model(), c.vocabSize(),
                c.embeddingSize(), c.hiddenSize(), c.numHiddenLayers(), c.numAttentionHeads(), c.numHiddenGroups(),
                c.innerGroupNum(), c.sharingMode().cliName());
        List<String> shown = new ArrayList<>();
        for (int s = 0; s < ids.length; s++) {
            String piece = r.tokens() != null ? r.tokens().get(s) : "#" + ids[s];
            shown.add(t.input().mask()[s] == 0 ? "(" + piece + ")" : piece);
        }
        out.printf("tokens (S=%d%s): %s%n", ids.length, r.truncated() ? ", truncated" : "", String.join(" ", shown));
        out.println("   #  layer group inner   cos(in,out)   angle deg          L2");
        for (int a = 0; a < t.layerSummaries().size(); a++) {
            LayerSummary s = t.layerSummaries().get(a);
            LayerSchedule.Application app = t.schedule().get(a);
            out.printf("%4d %6d %5d %5d %13.4f %11.2f %11.4f%s%n", a + 1, app.layer(), app.group(), app.inner(),
                    s.cosine(), s.angleDegrees(), s.l2(), app.extra() ? "  (repeat)" : "");
        }
        if (t.pooledOutput() != null) {
            out.printf("pooled output: |p| = %.4f (H=%d)%n", r.pooledNorm(), t.pooledOutput().length);
        } else {
            out.println("pooled output: none (the checkpoint has no pooler)");
        }
        int[] top = r.mlmArgmax();
        if (top != null) {
            List<String> predictions = new ArrayList<>();
            for (int s = 0; s < top.length; s++) predictions.add(r.piece(top[s]));
            out.println("MLM top prediction per position: " + String.join(" ", predictions));
        }
        if (t.sopLogits() != null) {
            float[] sop = t.sopLogits();
            out.printf("SOP logits: [%.4f, %.4f] (%s)%n", sop[0], sop[1],
                    sop[0] >= sop[1] ? "in order" : "swapped");
        }
        out.printf("millis: %.3f%s%n", r.millis(), r.runs() > 1 ? " (median of " + r.runs() + " runs)" : "");
        out.printf("kernel: %s%n", r.kernel());
    }
}
