package albertlab.view.common;

import albertlab.view.common.LabFonts;
import albertlab.viewmodel.common.HeatmapData;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.Locale;

/**
 * A matrix drawn on one Canvas (a 128 × 128 attention matrix would be 16,000 nodes otherwise): row labels on the
 * left, column labels on top, a colour legend on the right. Hovering a cell outlines its row and column and
 * publishes the cell in {@link #hoveredCellProperty()}. Labels thin out when cells get smaller than the text.
 */
public final class HeatmapView extends Region {

    /** A hovered cell, as row and column indices of the shown data. */
    public record Cell(int row, int col) {
    }

    public static final Color ACCENT = Color.web("#e66100");
    /** Labels and cell values relative to the page's text size: 12 and 13 px at the default 15 px. */
    private static final double LABEL_EM = 0.8;
    private static final double VALUE_EM = 13.0 / 15;
    /** Widest label strip and legend, in label heights (96 and 64 px at 12 px labels). */
    private static final double MAX_LABEL_EMS = 8;
    private static final double LEGEND_EMS = 64.0 / 12;
    private static final double PAD = 6;

    private final Canvas canvas = new Canvas();
    /** Never shown: the page's text size (Ctrl+= in the shell, presenter mode) and whether high contrast is on. */
    private final StyleProbe fontProbe = new StyleProbe();
    private final ObjectProperty<HeatmapData> data = new SimpleObjectProperty<>(this, "data");
    private final ReadOnlyObjectWrapper<Cell> hover = new ReadOnlyObjectWrapper<>(this, "hover");
    private final StringProperty rowAxis = new SimpleStringProperty(this, "rowAxis", "");
    private final StringProperty colAxis = new SimpleStringProperty(this, "colAxis", "");
    private final boolean decorated;
    private Geometry geometry;

    /** @param decorated labels, legend and hover; false for the thumbnails of the layer × head grid */
    public HeatmapView(boolean decorated) {
        this.decorated = decorated;
        getChildren().addAll(canvas, fontProbe);
        getStyleClass().add("heatmap");
        // a Canvas takes no CSS, so the labels follow the text size and the contrast through the probe
        fontProbe.textSizeProperty().addListener((o, a, b) -> redraw());
        fontProbe.highContrastProperty().addListener((o, a, b) -> redraw());
        data.addListener((o, a, b) -> redraw());
        hover.addListener((o, a, b) -> redraw());
        rowAxis.addListener((o, a, b) -> redraw());
        colAxis.addListener((o, a, b) -> redraw());
        if (decorated) {
            canvas.setOnMouseMoved(e -> hover.set(cellAt(e.getX(), e.getY())));
            canvas.setOnMouseExited(e -> hover.set(null));
        }
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return decorated ? 520 : 60;
    }

    @Override
    protected double computePrefHeight(double width) {
        return decorated ? 460 : 60;
    }

    @Override
    protected double computeMinWidth(double height) {
        return decorated ? 200 : 16;
    }

    @Override
    protected double computeMinHeight(double width) {
        return decorated ? 160 : 16;
    }

    private void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        geometry = draw(gc, canvas.getWidth(), canvas.getHeight(), hover.get(),
                fontProbe.highContrastProperty().get() ? Ink.ON_BLACK : Ink.ON_WHITE);
    }

    /**
     * The colours of everything but the cells: black text on the page's white, or (high contrast) white text,
     * light lines and a yellow hover on black. The cells keep their scale, which reads on both.
     */
    record Ink(Color text, Color axisNames, Color lines, Color accent) {
        static final Ink ON_WHITE = new Ink(Color.BLACK, Color.DIMGRAY, Color.gray(0.6), ACCENT);
        static final Ink ON_BLACK = new Ink(Color.WHITE, Color.gray(0.85), Color.gray(0.85), Color.YELLOW);
    }

    /** The colours the view draws with now (tests). */
    Ink ink() {
        return fontProbe.highContrastProperty().get() ? Ink.ON_BLACK : Ink.ON_WHITE;
    }

    /** Draws at twice the on-screen size into a new canvas, for a sharp PNG. */
    public Canvas renderForExport(double scale) {
        double w = Math.max(canvas.getWidth(), computePrefWidth(-1));
        double h = Math.max(canvas.getHeight(), computePrefHeight(-1));
        Canvas out = new Canvas(Math.ceil(w * scale), Math.ceil(h * scale));
        GraphicsContext gc = out.getGraphicsContext2D();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, out.getWidth(), out.getHeight());
        gc.scale(scale, scale);
        draw(gc, w, h, null, Ink.ON_WHITE); // a file for handouts: always on white
        return out;
    }

    /** Where things are, for hit-testing the mouse. */
    private record Geometry(double x0, double y0, double cell, int rows, int cols) {
    }

    private Geometry draw(GraphicsContext gc, double w, double h, Cell hovered, Ink ink) {
        gc.clearRect(0, 0, w, h);
        HeatmapData d = data.get();
        if (d == null || d.isEmpty() || w <= 0 || h <= 0) return null;
        int rows = d.rows();
        int cols = d.cols();
        double labelSize = labelFontSize();
        Font font = Font.font(LabFonts.family(), labelSize);
        Font bold = Font.font(LabFonts.family(), FontWeight.BOLD, labelSize);
        double maxLabel = MAX_LABEL_EMS * labelSize;

        double rowLabelW = decorated ? Math.min(maxLabel, widest(d.rowLabels(), bold) + 8) : 0;
        double colLabelH = decorated ? Math.min(maxLabel, widest(d.colLabels(), bold) + 8) : 0;
        // the corner names both axes; it must not run into the column labels
        rowLabelW = decorated ? Math.max(rowLabelW, Math.max(textWidth(colAxis.get() + " →", font),
                textWidth("↓ " + rowAxis.get(), font)) + 10) : 0;
        colLabelH = decorated ? Math.max(colLabelH, 2 * (labelSize + 4)) : 0;
        double legendW = decorated ? LEGEND_EMS * labelSize : 0;
        double pad = decorated ? PAD : 0;
        double availW = w - rowLabelW - legendW - 2 * pad;
        double availH = h - colLabelH - 2 * pad;
        double cell = Math.max(1, Math.min(availW / cols, availH / rows));
        if (!decorated) cell = Math.min(w / cols, h / rows);
        double x0 = pad + rowLabelW;
        double y0 = pad + colLabelH;
        ColorScale scale = d.diverging() ? ColorScale.DIVERGING : ColorScale.SEQUENTIAL;

        if (cell < 4) {
            // one pixel per cell, scaled up: fast for thumbnails and long inputs
            WritableImage image = new WritableImage(cols, rows);
            PixelWriter pw = image.getPixelWriter();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) pw.setColor(c, r, scale.color(d.value(r, c), d.low(), d.high()));
            }
            gc.setImageSmoothing(false);
            gc.drawImage(image, x0, y0, cols * cell, rows * cell);
        } else {
            for (int r = 0; r < rows; r++) {
                double top = Math.round(y0 + r * cell);
                double bottom = Math.round(y0 + (r + 1) * cell);
                for (int c = 0; c < cols; c++) {
                    double left = Math.round(x0 + c * cell);
                    gc.setFill(scale.color(d.value(r, c), d.low(), d.high()));
                    // whole pixels, edge to edge: no seams, which would show the black of high contrast
                    gc.fillRect(left, top, Math.round(x0 + (c + 1) * cell) - left, bottom - top);
                }
            }
        }
        if (!decorated) return new Geometry(x0, y0, cell, rows, cols);

        // values only where a two-decimal number fits in the cell at a readable size
        if (cell >= 34) drawValues(gc, d, scale, x0, y0, cell,
                Font.font(LabFonts.family(), Math.min(valueFontSize(), cell / 3.2)));

        // labels: every k-th one when cells are smaller than the text
        int step = (int) Math.ceil((labelSize + 2) / cell);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.RIGHT);
        for (int r = 0; r < rows; r++) {
            boolean hot = hovered != null && hovered.row() == r;
            if (r % step != 0 && !hot) continue;
            gc.setFont(hot ? bold : font);
            gc.setFill(hot ? ink.accent() : ink.text());
            gc.fillText(clip(d.rowLabels().get(r), rowLabelW - 8, font), x0 - 4, y0 + (r + 0.5) * cell);
        }
        gc.save();
        gc.setTextAlign(TextAlignment.LEFT);
        for (int c = 0; c < cols; c++) {
            boolean hot = hovered != null && hovered.col() == c;
            if (c % step != 0 && !hot) continue;
            String label = d.colLabels().get(c);
            gc.save();
            gc.setFont(hot ? bold : font);
            gc.setFill(hot ? ink.accent() : ink.text());
            if (textWidth(label, bold) <= cell) {
                // short labels (a Chinese character, a digit) read best upright
                gc.setTextAlign(TextAlignment.CENTER);
                gc.setTextBaseline(VPos.BOTTOM);
                gc.fillText(label, x0 + (c + 0.5) * cell, y0 - 3);
            } else {
                gc.translate(x0 + (c + 0.5) * cell, y0 - 4);
                gc.rotate(-90);
                gc.fillText(clip(label, colLabelH - 8, font), 0, 0);
            }
            gc.restore();
        }
        gc.restore();

        // axis names in the free corner: columns across, rows down
        gc.setFont(font);
        gc.setFill(ink.axisNames());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(colAxis.get() + " →", pad, pad);
        gc.fillText("↓ " + rowAxis.get(), pad, pad + labelSize + 4);

        gc.setStroke(ink.lines());
        gc.setLineWidth(1);
        gc.strokeRect(x0, y0, cols * cell, rows * cell);
        if (hovered != null && hovered.row() < rows && hovered.col() < cols) {
            gc.setStroke(ink.accent());
            gc.setLineWidth(1.5);
            gc.strokeRect(x0, y0 + hovered.row() * cell, cols * cell, cell);
            gc.strokeRect(x0 + hovered.col() * cell, y0, cell, rows * cell);
            gc.setLineWidth(3);
            gc.strokeRect(x0 + hovered.col() * cell, y0 + hovered.row() * cell, cell, cell);
        }
        drawLegend(gc, d, scale, x0 + cols * cell + 14, y0, Math.min(rows * cell, Math.max(120, availH)), font,
                ink);
        return new Geometry(x0, y0, cell, rows, cols);
    }

    /** The page's text size in pixels, as the CSS gives it (the default until the view is in a styled scene). */
    private double textSize() {
        return fontProbe.textSizeProperty().get();
    }

    /** Size of the token labels, axis names and legend numbers. */
    public double labelFontSize() {
        return LABEL_EM * textSize();
    }

    /** Largest size of the numbers written in the cells. */
    public double valueFontSize() {
        return VALUE_EM * textSize();
    }

    private static void drawValues(GraphicsContext gc, HeatmapData d, ColorScale scale, double x0, double y0,
                                   double cell, Font font) {
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < d.cols(); c++) {
                gc.setFill(ColorScale.textOn(scale.color(d.value(r, c), d.low(), d.high())));
                gc.fillText(format(d.value(r, c), 2), x0 + (c + 0.5) * cell, y0 + (r + 0.5) * cell);
            }
        }
    }

    private static void drawLegend(GraphicsContext gc, HeatmapData d, ColorScale scale, double x, double y,
                                   double height, Font font, Ink ink) {
        double barW = 14;
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            double v = d.high() - (d.high() - d.low()) * i / (steps - 1.0);
            gc.setFill(scale.color(v, d.low(), d.high()));
            gc.fillRect(x, y + height * i / steps, barW, height / steps + 1);
        }
        gc.setStroke(ink.lines());
        gc.setLineWidth(1);
        gc.strokeRect(x, y, barW, height);
        gc.setFont(font);
        gc.setFill(ink.text());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 4; i++) {
            double v = d.high() - (d.high() - d.low()) * i / 4.0;
            double ty = y + height * i / 4.0;
            gc.strokeLine(x + barW, ty, x + barW + 4, ty);
            gc.fillText(format(v, 2), x + barW + 6, ty);
        }
    }

    private Cell cellAt(double x, double y) {
        Geometry g = geometry;
        if (g == null) return null;
        int c = (int) Math.floor((x - g.x0()) / g.cell());
        int r = (int) Math.floor((y - g.y0()) / g.cell());
        if (r < 0 || c < 0 || r >= g.rows() || c >= g.cols()) return null;
        return new Cell(r, c);
    }

    /** Screen point (in this view's coordinates) at the centre of a cell; null before the first layout. */
    public javafx.geometry.Point2D cellCenter(int row, int col) {
        Geometry g = geometry;
        if (g == null) return null;
        return new javafx.geometry.Point2D(g.x0() + (col + 0.5) * g.cell(), g.y0() + (row + 0.5) * g.cell());
    }

    public static String format(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static double widest(java.util.List<String> labels, Font font) {
        double w = 0;
        for (String s : labels) w = Math.max(w, textWidth(s, font));
        return w;
    }

    private static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The label, cut with an ellipsis when wider than {@code max}. */
    private static String clip(String s, double max, Font font) {
        if (textWidth(s, font) <= max) return s;
        String cut = s;
        while (cut.length() > 1 && textWidth(cut + "…", font) > max) cut = cut.substring(0, cut.length() - 1);
        return cut + "…";
    }

    public ObjectProperty<HeatmapData> dataProperty() {
        return data;
    }

    public ReadOnlyObjectProperty<Cell> hoveredCellProperty() {
        return hover.getReadOnlyProperty();
    }

    public StringProperty rowAxisProperty() {
        return rowAxis;
    }

    public StringProperty colAxisProperty() {
        return colAxis;
    }

    public Canvas canvas() {
        return canvas;
    }
}
