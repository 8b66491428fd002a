package albertlab.viewmodel.live;

import albertlab.viewmodel.common.HeatmapData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tables for CSV export: a heatmap with its token labels, the dynamics curves. */
public final class CsvTables {

    private CsvTables() {
    }

    /** First row: the corner label and the column labels; then one row per matrix row, labelled. */
    public static List<List<String>> heatmap(HeatmapData d, String corner) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(corner);
        for (int c = 0; c < d.cols(); c++) header.add(d.colPositions()[c] + ":" + d.colLabels().get(c));
        rows.add(header);
        for (int r = 0; r < d.rows(); r++) {
            List<String> row = new ArrayList<>();
            row.add(d.rowPositions()[r] + ":" + d.rowLabels().get(r));
            for (int c = 0; c < d.cols(); c++) row.add(number(d.value(r, c)));
            rows.add(row);
        }
        return rows;
    }

    /** One row per layer application: L2, angle and cosine of every curve. */
    public static List<List<String>> dynamics(List<DynamicsCurve> curves) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("application");
        for (DynamicsCurve c : curves) {
            String name = c.mode().cliName() + (c.current() ? "(current)" : "");
            header.add(name + " l2");
            header.add(name + " angle_degrees");
            header.add(name + " cosine");
        }
        rows.add(header);
        int n = curves.stream().mapToInt(DynamicsCurve::points).max().orElse(0);
        for (int t = 0; t < n; t++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(t + 1));
            for (DynamicsCurve c : curves) {
                boolean has = t < c.points();
                row.add(has ? number(c.l2()[t]) : "");
                row.add(has ? number(c.angleDegrees()[t]) : "");
                row.add(has ? number(c.cosine()[t]) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** Full float precision, locale-independent (a decimal point, never a comma). */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.8g", v);
    }
}
