package albertlab.viewmodel.live;

import albertlab.viewmodel.common.HeatmapData;
import albertlab.core.config.SharingMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTablesTest {

    @Test
    void heatmapRowsAreLabelledWithPositionAndToken() {
        HeatmapData d = new HeatmapData(new double[][]{{0.25, 0.75}, {1, 0}}, List.of("[CLS]", "巴黎"),
                List.of("[CLS]", "巴黎"), new int[]{0, 1}, new int[]{0, 1}, 0, 1, false);
        List<List<String>> rows = CsvTables.heatmap(d, "query\\key");
        assertEquals(List.of("query\\key", "0:[CLS]", "1:巴黎"), rows.get(0));
        assertEquals(List.of("0:[CLS]", "0.25000000", "0.75000000"), rows.get(1));
        assertEquals(3, rows.size());
    }

    @Test
    void dynamicsHaveOneRowPerApplicationAndBlanksWhereACurveIsShorter() {
        DynamicsCurve a = new DynamicsCurve(SharingMode.ALL_SHARED, true, new double[]{1, 2}, new double[]{3, 4},
                new double[]{0.5, 0.6}, 2);
        DynamicsCurve b = new DynamicsCurve(SharingMode.NOT_SHARED, false, new double[]{5}, new double[]{6},
                new double[]{0.7}, 2);
        List<List<String>> rows = CsvTables.dynamics(List.of(a, b));
        assertEquals(List.of("application", "all(current) l2", "all(current) angle_degrees", "all(current) cosine",
                "none l2", "none angle_degrees", "none cosine"), rows.get(0));
        assertEquals(List.of("2", "2.0000000", "4.0000000", "0.60000000", "", "", ""), rows.get(2));
    }
}
