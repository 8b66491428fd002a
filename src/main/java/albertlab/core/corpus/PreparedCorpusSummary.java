package albertlab.core.corpus;

import albertlab.core.io.CheckpointException;
import albertlab.core.io.TextFiles;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The provenance part of a prepared corpus's {@code corpus.json} (written by {@link CorpusPreparation}): which
 * package, version and integrity hash the text came from, and its licence. The About box lists these.
 */
public record PreparedCorpusSummary(String source, String language, String packageName, String version,
                                    String integrity, String licence, Path folder) {

    public static PreparedCorpusSummary read(Path folder) throws CheckpointException {
        Path file = folder.resolve(CorpusPreparation.SUMMARY);
        if (!Files.isRegularFile(file)) throw new CheckpointException(file, "file not found");
        String text = TextFiles.readUtf8(file, 1L << 20, "corpus summary");
        try {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            String source = string(o, "source");
            String pkg = string(o, "package");
            String version = string(o, "version");
            String licence = string(o, "licence");
            if (source == null || pkg == null || version == null || licence == null) {
                throw new CheckpointException(file, "lacks source, package, version or licence");
            }
            return new PreparedCorpusSummary(source, string(o, "language"), pkg, version, string(o, "integrity"),
                    licence, folder);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new CheckpointException(file, "is not a valid corpus summary (" + CheckpointException.firstLine(e) + ")", e);
        }
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    /** Every prepared corpus under {@code corporaDir} that reads; the others are left out. */
    public static List<PreparedCorpusSummary> all(Path corporaDir) {
        List<PreparedCorpusSummary> out = new ArrayList<>();
        if (!Files.isDirectory(corporaDir)) return out;
        try (Stream<Path> s = Files.list(corporaDir)) {
            for (Path p : s.sorted().toList()) {
                try {
                    out.add(read(p));
                } catch (CheckpointException e) {
                    // a folder without a summary is not a prepared corpus
                }
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }
}
