package albertlab.viewmodel.live;

import albertlab.viewmodel.common.HeatmapData;
import albertlab.core.config.SharingMode;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ModelInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttentionViewModelTest {

    private static LiveResult result(SharingMode mode, String first, String second) {
        LiveModel m = KnownTraces.family(new AtomicInteger()).member(mode);
        return LiveComputation.compute(new LiveRequest(m, first, second, -1, 1));
    }

    @Test
    void showsTheChosenLayerAndHeadExactly() {
        AttentionViewModel vm = new AttentionViewModel();
        vm.resultProperty().set(result(SharingMode.ALL_SHARED, "the cat sat", ""));
        vm.layerProperty().set(2);
        vm.headProperty().set(1);
        HeatmapData d = vm.shownProperty().get();
        assertEquals(5, d.rows());
        assertEquals(List.of("[CLS]", "the", "cat", "sat", "[SEP]"), d.colLabels());
        for (int q = 0; q < 5; q++) {
            for (int k = 0; k < 5; k++) assertEquals(KnownTraces.probability(2, 1, q, k, 5), d.value(q, k), 0);
        }
    }

    @Test
    void meansAverageOverHeadsAndOverLayers() {
        AttentionViewModel vm = new AttentionViewModel();
        vm.resultProperty().set(result(SharingMode.ALL_SHARED, "the cat", ""));
        vm.layerProperty().set(1);
        vm.headProperty().set(AttentionMath.MEAN);
        double want = (KnownTraces.probability(1, 0, 2, 1, 4) + KnownTraces.probability(1, 1, 2, 1, 4)) / 2;
        assertEquals(want, vm.shownProperty().get().value(2, 1), 1e-7);

        vm.layerProperty().set(AttentionMath.MEAN);
        vm.headProperty().set(0);
        double sum = 0;
        for (int l = 0; l < KnownTraces.LAYERS; l++) sum += KnownTraces.probability(l, 0, 3, 0, 4);
        assertEquals(sum / KnownTraces.LAYERS, vm.shownProperty().get().value(3, 0), 1e-7);
    }

    @Test
    void pairFilterKeepsQueriesOfOneSegmentAndKeysOfTheOther() {
        AttentionViewModel vm = new AttentionViewModel();
        vm.resultProperty().set(result(SharingMode.ALL_SHARED, "the cat", "a dog ran"));
        vm.layerProperty().set(0);
        vm.headProperty().set(0);
        vm.filterProperty().set(PairFilter.A_TO_B);
        HeatmapData d = vm.shownProperty().get();
        // A = [CLS] the cat [SEP] (0..3), B = a dog ran [SEP] (4..7)
        assertArrayEquals(new int[]{0, 1, 2, 3}, d.rowPositions());
        assertArrayEquals(new int[]{4, 5, 6, 7}, d.colPositions());
        assertEquals(List.of("a", "dog", "ran", "[SEP]"), d.colLabels());
        assertEquals(KnownTraces.probability(0, 0, 2, 5, 8), d.value(2, 1), 0);

        vm.filterProperty().set(PairFilter.B_TO_B);
        assertArrayEquals(new int[]{4, 5, 6, 7}, vm.shownProperty().get().rowPositions());
    }

    @Test
    void aSingleSentenceFallsBackToAllTokens() {
        AttentionViewModel vm = new AttentionViewModel();
        vm.filterProperty().set(PairFilter.B_TO_A);
        vm.resultProperty().set(result(SharingMode.ALL_SHARED, "the cat", ""));
        assertEquals(PairFilter.ALL, vm.filterProperty().get());
        assertEquals(4, vm.shownProperty().get().rows());
    }

    @Test
    void comparisonTellsWhetherTwoLayersRunTheSameAttentionWeights() {
        AttentionViewModel vm = new AttentionViewModel();
        vm.resultProperty().set(result(SharingMode.SHARED_ATTENTION, "the cat sat", ""));
        vm.layerProperty().set(0);
        vm.compareLayerProperty().set(2);
        LayerComparison c = vm.comparisonProperty().get();
        assertTrue(c.sameWeights());
        assertEquals(0, c.firstSlot());
        assertTrue(c.meanAbsoluteDifference() > 0, "same weights, different attention");

        vm.resultProperty().set(result(SharingMode.SHARED_FFN, "the cat sat", ""));
        c = vm.comparisonProperty().get();
        assertFalse(c.sameWeights());
        assertEquals(2, c.secondSlot());
    }

    @Test
    void aLayerPastTheNewModelsDepthIsPulledBackInRange() {
        AttentionViewModel vm = new AttentionViewModel();
        vm.layerProperty().set(7);
        vm.headProperty().set(5);
        vm.resultProperty().set(result(SharingMode.ALL_SHARED, "the cat", ""));
        assertEquals(KnownTraces.LAYERS - 1, vm.layerProperty().get());
        assertEquals(KnownTraces.HEADS - 1, vm.headProperty().get());
    }

    @Test
    void rowsOfAHeadSumToOne() {
        var t = KnownTraces.trace(KnownTraces.config(SharingMode.ALL_SHARED), ModelInput.of(2, 5, 6, 3),
                ForwardOptions.DEFAULT);
        double[][] m = AttentionMath.matrix(t, 1, 0);
        for (double[] row : m) {
            double s = 0;
            for (double v : row) s += v;
            assertEquals(1.0, s, 1e-6);
        }
    }

    @Test
    void theGridIsBuiltOnlyWhileShownAndDroppedWhenStale() {
        AttentionViewModel vm = new AttentionViewModel();
        vm.resultProperty().set(result(SharingMode.ALL_SHARED, "the cat sat", ""));
        assertNull(vm.gridProperty().get(), "hidden: nothing built");
        vm.gridShownProperty().set(true);
        AttentionGrid grid = vm.gridProperty().get();
        assertEquals(KnownTraces.LAYERS, grid.applications());
        assertEquals(KnownTraces.HEADS, grid.heads());
        HeatmapData cell = grid.cell(2, 1);
        for (int q = 0; q < 5; q++) {
            for (int k = 0; k < 5; k++) assertEquals(KnownTraces.probability(2, 1, q, k, 5), cell.value(q, k), 0);
        }
        double mean = (KnownTraces.probability(1, 0, 2, 1, 5) + KnownTraces.probability(1, 1, 2, 1, 5)) / 2;
        assertEquals(mean, grid.cell(1, AttentionMath.MEAN).value(2, 1), 1e-7);
        vm.gridShownProperty().set(false);
        assertSame(grid, vm.gridProperty().get(), "hiding keeps a grid that is still current");
        vm.resultProperty().set(result(SharingMode.ALL_SHARED, "the dog", ""));
        assertNull(vm.gridProperty().get(), "a stale grid is dropped while hidden");
        vm.gridShownProperty().set(true);
        assertEquals(4, vm.gridProperty().get().cell(0, 0).rows());
    }

    @Test
    void aLongInputIsPooledToAtMost64CellsPerSideKeepingEachBlocksLargestValue() {
        int s = 130;
        double[][] values = new double[s][s];
        List<String> labels = new java.util.ArrayList<>();
        int[] positions = new int[s];
        for (int i = 0; i < s; i++) {
            labels.add("t" + i);
            positions[i] = i;
            for (int j = 0; j < s; j++) values[i][j] = i * 1000 + j;
        }
        HeatmapData pooled = AttentionGrid.pooled(new HeatmapData(values, labels, labels, positions, positions, 0, 1,
                false));
        // 130 cells in steps of 3: 44 pooled cells per side, the last covering positions 129 only
        assertEquals(44, pooled.rows());
        assertEquals(44, pooled.cols());
        assertEquals(2 * 1000 + 2, pooled.value(0, 0), 0);
        assertEquals(5 * 1000 + 128, pooled.value(1, 42), 0);
        assertEquals(129 * 1000 + 129, pooled.value(43, 43), 0);
        assertEquals("t3", pooled.rowLabels().get(1));
        assertEquals(129, pooled.colPositions()[43]);
    }
}
