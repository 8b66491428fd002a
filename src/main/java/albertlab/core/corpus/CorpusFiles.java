package albertlab.core.corpus;

import albertlab.core.io.AtomicFiles;
import albertlab.core.io.CheckpointException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The corpus file format that {@code train} reads: UTF-8, one sentence or poem line per line, documents separated
 * by one blank line, a line break after the last line. Every file is written atomically.
 */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    public static void write(Path file, List<CorpusDocument> docs) throws CheckpointException {
        AtomicFiles.write(file, out -> writeTo(out, docs));
    }

    /** The same text, gzipped (the header carries no time stamp, so the bytes depend on the text alone). */
    public static void writeGzip(Path file, List<CorpusDocument> docs) throws CheckpointException {
        AtomicFiles.write(file, out -> {
            GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
            writeTo(gz, docs);
            gz.finish();
        });
    }

    /** One line per id. */
    public static void writeIds(Path file, Collection<String> ids) throws CheckpointException {
        AtomicFiles.write(file, out -> {
            Writer w = writer(out);
            for (String id : ids) w.write(id + "\n");
            w.flush();
        });
    }

    private static void writeTo(OutputStream out, List<CorpusDocument> docs) throws IOException {
        Writer w = writer(out);
        boolean first = true;
        for (CorpusDocument d : docs) {
            if (!first) w.write('\n');
            first = false;
            for (String line : d.lines()) {
                w.write(line);
                w.write('\n');
            }
        }
        w.flush();
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** UTF-8 bytes a document takes in a corpus file, its separating blank line included. */
    static long bytes(CorpusDocument d) {
        long n = 1;
        for (String line : d.lines()) n += line.getBytes(StandardCharsets.UTF_8).length + 1;
        return n;
    }
}
