package albertlab.view.common;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;

/**
 * A JFreeChart viewer for teaching: tooltips stay, but zooming, panning and the library's own (English-only)
 * context menu are off, so a stray scroll or drag on a projector never leaves a chart zoomed into nothing.
 */
public final class StaticChartViewer {

    private StaticChartViewer() {
    }

    public static ChartViewer of(JFreeChart chart) {
        ChartViewer viewer = new ChartViewer(chart, false);
        ChartCanvas canvas = viewer.getCanvas();
        canvas.setDomainZoomable(false);
        canvas.setRangeZoomable(false);
        for (String id : new String[]{"zoom", "pan", "scroll"}) {
            MouseHandlerFX h = canvas.getMouseHandler(id);
            if (h != null) {
                canvas.removeMouseHandler(h);
                canvas.removeAuxiliaryMouseHandler(h);
            }
        }
        viewer.setFocusTraversable(false);
        return viewer;
    }
}
