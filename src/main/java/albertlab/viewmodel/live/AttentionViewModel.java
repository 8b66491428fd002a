package albertlab.viewmodel.live;

import albertlab.core.model.ForwardTrace;
import albertlab.core.model.LayerSchedule;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;

/**
 * What the attention views show: one layer application and head (or a mean over either), an optional second
 * layer to compare with, and a pair filter. Recomputes its matrices whenever the result or a choice changes.
 */
public final class AttentionViewModel {

    private final ObjectProperty<LiveResult> result = new SimpleObjectProperty<>(this, "result");
    private final IntegerProperty layer = new SimpleIntegerProperty(this, "layer", 0);
    private final IntegerProperty head = new SimpleIntegerProperty(this, "head", 0);
    private final IntegerProperty compareLayer = new SimpleIntegerProperty(this, "compareLayer", 1);
    private final ObjectProperty<PairFilter> filter = new SimpleObjectProperty<>(this, "filter", PairFilter.ALL);
    /** Colour scale from 0 to 1 instead of 0 to the largest value shown. */
    private final BooleanProperty fullScale = new SimpleBooleanProperty(this, "fullScale", false);

    private final ReadOnlyObjectWrapper<HeatmapData> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<HeatmapData> compared = new ReadOnlyObjectWrapper<>(this, "compared");
    private final ReadOnlyObjectWrapper<LayerComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");

    public AttentionViewModel() {
        result.addListener((o, a, b) -> update());
        layer.addListener((o, a, b) -> update());
        head.addListener((o, a, b) -> update());
        compareLayer.addListener((o, a, b) -> update());
        filter.addListener((o, a, b) -> update());
        fullScale.addListener((o, a, b) -> update());
    }

    private void update() {
        LiveResult r = result.get();
        if (r == null || r.trace().attentions().isEmpty()) {
            shown.set(null);
            compared.set(null);
            comparison.set(null);
            return;
        }
        ForwardTrace trace = r.trace();
        int n = trace.applications();
        int heads = AttentionMath.heads(trace);
        // a new model may have fewer layers or heads than the last one: keep the choice in range
        if (layer.get() >= n) layer.set(n - 1);
        if (head.get() >= heads) head.set(heads - 1);
        if (compareLayer.get() >= n) compareLayer.set(n - 1);
        if (!r.input().pair() && filter.get() != PairFilter.ALL) filter.set(PairFilter.ALL);

        List<String> tokens = r.input().tokens();
        int[] segments = trace.input().typeIds();
        double[][] main = AttentionMath.matrix(trace, layer.get(), head.get());
        double[][] other = AttentionMath.matrix(trace, Math.max(0, compareLayer.get()), head.get());
        double high = fullScale.get() ? 1.0 : Math.max(1e-6, Math.max(AttentionMath.max(main), AttentionMath.max(other)));
        shown.set(AttentionMath.block(main, tokens, segments, filter.get(), high));
        compared.set(AttentionMath.block(other, tokens, segments, filter.get(), high));
        if (layer.get() >= 0 && compareLayer.get() >= 0) {
            List<LayerSchedule.Application> schedule = trace.schedule();
            int a = layer.get();
            int b = compareLayer.get();
            int slotA = schedule.get(a).attentionSlot();
            int slotB = schedule.get(b).attentionSlot();
            comparison.set(new LayerComparison(a, b, slotA, slotB, slotA == slotB,
                    AttentionMath.meanAbsoluteDifference(main, other)));
        } else {
            comparison.set(null);
        }
    }

    /** A small [S][S] heatmap of one application and head, for the whole-model grid; scale 0..its own max. */
    public HeatmapData cell(int application, int headIndex) {
        LiveResult r = result.get();
        double[][] m = AttentionMath.matrix(r.trace(), application, headIndex);
        return AttentionMath.block(m, r.input().tokens(), r.trace().input().typeIds(), filter.get(),
                fullScale.get() ? 1.0 : Math.max(1e-6, AttentionMath.max(m)));
    }

    /** Opens one grid cell large: selects its layer and head. */
    public void select(int application, int headIndex) {
        layer.set(application);
        head.set(headIndex);
    }

    public ObjectProperty<LiveResult> resultProperty() {
        return result;
    }

    public IntegerProperty layerProperty() {
        return layer;
    }

    public IntegerProperty headProperty() {
        return head;
    }

    public IntegerProperty compareLayerProperty() {
        return compareLayer;
    }

    public ObjectProperty<PairFilter> filterProperty() {
        return filter;
    }

    public BooleanProperty fullScaleProperty() {
        return fullScale;
    }

    public ReadOnlyObjectProperty<HeatmapData> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HeatmapData> comparedProperty() {
        return compared.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LayerComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }
}
