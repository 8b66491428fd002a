package albertlab.viewmodel.live;

import albertlab.viewmodel.common.HeatmapData;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.LayerSchedule;
import albertlab.core.train.TrainedModelCard;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import albertlab.viewmodel.common.LatestOnlyRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the attention views show: one layer application and head (or a mean over either), an optional second
 * layer to compare with, and a pair filter. Recomputes its matrices whenever the result or a choice changes.
 * The whole-model grid ({@link #gridProperty()}) is built on the background executor, and only while
 * {@link #gridShownProperty()} is true: a hidden grid costs nothing.
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
    private final BooleanProperty gridShown = new SimpleBooleanProperty(this, "gridShown", false);
    private final ReadOnlyObjectWrapper<AttentionGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ReadOnlyBooleanWrapper gridComputing = new ReadOnlyBooleanWrapper(this, "gridComputing");
    private final LatestOnlyRunner gridRunner;
    /** The current model's heads with a measured behaviour (from its card); empty for untrained or opened models. */
    private final ReadOnlyObjectWrapper<List<TrainedModelCard.NamedHead>> namedHeads =
            new ReadOnlyObjectWrapper<>(this, "namedHeads", List.of());
    /** The shown (application, head) when it is one of {@link #namedHeads}, else null. */
    private final ReadOnlyObjectWrapper<TrainedModelCard.NamedHead> namedHead =
            new ReadOnlyObjectWrapper<>(this, "namedHead");

    /** Everything on the caller's thread (tests). */
    public AttentionViewModel() {
        this(Runnable::run, Runnable::run);
    }

    /**
     * @param background where the grid's thumbnails are computed
     * @param uiThread   where they are applied
     */
    public AttentionViewModel(Executor background, Executor uiThread) {
        gridRunner = new LatestOnlyRunner(background, uiThread);
        result.addListener((o, a, b) -> updateGrid());
        filter.addListener((o, a, b) -> updateGrid());
        fullScale.addListener((o, a, b) -> updateGrid());
        gridShown.addListener((o, a, b) -> updateGrid());
        result.addListener((o, a, b) -> update());
        layer.addListener((o, a, b) -> update());
        head.addListener((o, a, b) -> update());
        compareLayer.addListener((o, a, b) -> update());
        filter.addListener((o, a, b) -> update());
        fullScale.addListener((o, a, b) -> update());
    }

    private void updateNamedHeads() {
        LiveResult r = result.get();
        TrainedModelCard card = r == null ? null : r.model().card();
        List<TrainedModelCard.NamedHead> all = card == null ? List.of() : card.namedHeads();
        if (!all.equals(namedHeads.get())) namedHeads.set(all);
        TrainedModelCard.NamedHead match = null;
        for (TrainedModelCard.NamedHead h : all) {
            if (h.application() == layer.get() && h.head() == head.get()) match = h;
        }
        namedHead.set(match);
    }

    private void update() {
        updateNamedHeads();
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
        int[] wanted = requested;
        if (wanted != null && wanted[0] < n && wanted[1] < heads) {
            requested = null;
            layer.set(wanted[0]);
            head.set(wanted[1]);
        }
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

    /**
     * A new result or scale makes the grid stale: drop it (its memory too) and, when it is shown, build the new one
     * in the background. A hidden grid is built when it is next shown.
     */
    private void updateGrid() {
        LiveResult r = result.get();
        if (grid.get() != null && !gridStale(r)) return; // shown again, nothing changed since
        gridRunner.cancelPending();
        grid.set(null);
        builtFor = null;
        gridComputing.set(false);
        if (!gridShown.get() || r == null || r.trace().attentions().isEmpty()) return;
        PairFilter f = filter.get();
        boolean full = fullScale.get();
        gridComputing.set(true);
        gridRunner.submit(() -> new Built(r, f, full, AttentionGrid.of(r, f, full)), built -> {
            gridComputing.set(false);
            builtFor = built;
            grid.set(built.grid());
        }, e -> gridComputing.set(false));
    }

    /** What the current grid was built from, so that showing the tab again does not rebuild an unchanged grid. */
    private record Built(LiveResult result, PairFilter filter, boolean fullScale, AttentionGrid grid) {
    }

    private Built builtFor;

    private boolean gridStale(LiveResult r) {
        return builtFor == null || builtFor.result() != r || builtFor.filter() != filter.get()
                || builtFor.fullScale() != fullScale.get();
    }

    /** Opens one grid cell large: selects its layer and head. */
    public void select(int application, int headIndex) {
        // kept until a result has that many applications and heads: a state applied while the previous
        // (smaller) model's result is still shown would otherwise be clamped to it
        requested = new int[]{application, headIndex};
        layer.set(application);
        head.set(headIndex);
    }

    private int[] requested;

    public ReadOnlyObjectProperty<List<TrainedModelCard.NamedHead>> namedHeadsProperty() {
        return namedHeads.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainedModelCard.NamedHead> namedHeadProperty() {
        return namedHead.getReadOnlyProperty();
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

    /** True while the grid's tab is on screen; the view binds it to the tab's selection. */
    public BooleanProperty gridShownProperty() {
        return gridShown;
    }

    /** The thumbnails of the current result, or null (not shown yet, or being built). */
    public ReadOnlyObjectProperty<AttentionGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty gridComputingProperty() {
        return gridComputing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LayerComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }
}
