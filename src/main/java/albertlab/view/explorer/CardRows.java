package albertlab.view.explorer;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Readout cards in pairs, side by side while there is room and one under the other when there is not (a narrow
 * window, or large text on a projector), so no number is ever cut short with "...". "Room" is measured in ems,
 * so it follows the text size.
 */
final class CardRows extends VBox {

    /** Two cards; the first takes {@code percent} of the width when side by side. */
    record Pair(Region first, Region second, double percent) {
    }

    private final List<Pair> pairs;
    private final double minEms;
    private final ObservableDoubleValue fontSize;
    private Boolean wide;

    /**
     * @param minEms   the width, in ems of {@code fontSize}, below which cards stack
     * @param fontSize the current text size in pixels
     */
    CardRows(List<Pair> pairs, double minEms, ObservableDoubleValue fontSize) {
        super(10);
        this.pairs = List.copyOf(pairs);
        this.minEms = minEms;
        this.fontSize = fontSize;
        for (Pair p : pairs) {
            for (Region r : new Region[]{p.first(), p.second()}) {
                r.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                r.setMinWidth(0);
            }
        }
        widthProperty().addListener(x -> arrange());
        fontSize.addListener(x -> arrange());
        arrange();
    }

    private void arrange() {
        double w = getWidth();
        boolean fits = w <= 0 || w >= minEms * fontSize.get();
        if (wide != null && wide == fits) return;
        wide = fits;
        getChildren().clear();
        for (Pair p : pairs) {
            if (fits) {
                GridPane grid = new GridPane();
                grid.setHgap(10);
                ColumnConstraints a = new ColumnConstraints();
                a.setPercentWidth(p.percent());
                ColumnConstraints b = new ColumnConstraints();
                b.setPercentWidth(100 - p.percent());
                grid.getColumnConstraints().addAll(a, b);
                grid.addRow(0, p.first(), p.second());
                getChildren().add(grid);
            } else {
                getChildren().addAll(p.first(), p.second());
            }
        }
    }
}
