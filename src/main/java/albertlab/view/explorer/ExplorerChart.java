package albertlab.view.explorer;

import albertlab.view.common.ChartStyle;
import albertlab.viewmodel.explorer.ExplorerResult;
import albertlab.viewmodel.explorer.ExplorerTopic;
import org.jfree.chart.JFreeChart;

/**
 * One chart of the Parameter Explorer. Built once; {@link #update} rewrites its datasets in place (one repaint
 * per change) and {@link #relabel} redoes every text after a language switch. Needs no JavaFX toolkit, so the
 * benchmark can time the update without a screen.
 */
public interface ExplorerChart {

    JFreeChart chart();

    void update(ExplorerResult result);

    /** Fonts, colours and strokes from a style (again after the text size changed). */
    void restyle(ChartStyle style);

    /** Titles, axis labels and series names in the current language. */
    void relabel();

    /** i18n key of the tab title. */
    String tabKey();

    ExplorerTopic topic();

    /** File name stem for exports: {@code albert-params-breakdown}. */
    String fileStem();
}
