package albertlab.view.common;

import albertlab.core.io.AtomicFiles;
import albertlab.core.io.CheckpointException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Exports for a teacher's slides: PNG at 2× (sharp on a projector) and CSV. Every file is written to a temporary
 * file beside the target and moved into place, so a failure never leaves half a file over a good one.
 */
public final class Exports {

    public static final double PNG_SCALE = 2.0;

    private Exports() {
    }

    /** A snapshot of a node at {@code scale}; call on the JavaFX thread. */
    public static void writeNodePng(Node node, Path target, double scale) throws IOException {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(p, null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        writeAtomically(target, out -> ImageIO.write(buffered, "png", out));
    }

    /** A chart drawn at width × height logical pixels and {@code scale}; safe off the JavaFX thread. */
    public static void writeChartPng(JFreeChart chart, int width, int height, double scale, Path target)
            throws IOException {
        int w = (int) Math.round(width * scale);
        int h = (int) Math.round(height * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        writeAtomically(target, out -> ImageIO.write(image, "png", out));
    }

    /** Rows of cells as CSV (RFC 4180 quoting), UTF-8 with a BOM so spreadsheet programs read Chinese right. */
    public static void writeCsv(List<List<String>> rows, Path target) throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFF");
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) sb.append(',');
                sb.append(csvCell(row.get(i)));
            }
            sb.append("\r\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        writeAtomically(target, out -> out.write(bytes));
    }

    /** Receives a streamed CSV's rows one at a time. */
    public interface CsvSink {
        void row(String... cells) throws IOException;
    }

    /** Produces a streamed CSV's rows. */
    public interface CsvRows {
        void writeTo(CsvSink sink) throws IOException;
    }

    /**
     * The same file as {@link #writeCsv}, but each row goes straight to a buffered stream instead of into one
     * string: every attention probability of albert-base at S = 512 is 37.7 M rows. Call it off the JavaFX thread.
     */
    public static void writeCsvStreamed(CsvRows rows, Path target) throws IOException {
        writeAtomically(target, out -> {
            java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                    1 << 16);
            w.write('\uFEFF');
            rows.writeTo(cells -> {
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) w.write(',');
                    w.write(csvCell(cells[i]));
                }
                w.write("\r\n");
            });
            w.flush(); // not close: AtomicFiles owns the stream
        });
    }

    static String csvCell(String s) {
        if (s == null) return "";
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Through AtomicFiles: flushed to disk, and readable as any new file is (not owner-only). */
    static void writeAtomically(Path target, Writer writer) throws IOException {
        try {
            AtomicFiles.write(target, writer::write);
        } catch (CheckpointException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
