package albertlab.core.session;

import albertlab.core.io.AtomicFiles;
import albertlab.core.io.CheckpointException;
import albertlab.core.io.TextFiles;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The session files opened or saved last, newest first, at most {@link #MAX}, each once: the File › Open Recent
 * list. Stored as {@code {"formatVersion": 1, "files": ["/abs/a.albertlab", ...]}}, written atomically. Paths are
 * kept absolute, so a list read in another working directory names the same files.
 */
public final class RecentSessions {

    public static final int MAX = 8;
    public static final int FORMAT_VERSION = 1;
    private static final long MAX_BYTES = 100_000;

    private RecentSessions() {
    }

    /** {@code list} with {@code file} at the front: an entry for the same file moves there, the oldest beyond MAX go. */
    public static List<Path> add(List<Path> list, Path file) {
        Path f = normal(file);
        List<Path> out = new ArrayList<>(MAX);
        out.add(f);
        for (Path p : list) {
            if (out.size() == MAX) break;
            if (!normal(p).equals(f)) out.add(normal(p));
        }
        return List.copyOf(out);
    }

    /** {@code list} without {@code file}. */
    public static List<Path> remove(List<Path> list, Path file) {
        Path f = normal(file);
        return list.stream().map(RecentSessions::normal).filter(p -> !p.equals(f)).toList();
    }

    public static List<Path> read(Path file) throws CheckpointException {
        JsonObject root = TextFiles.readJsonObject(file, MAX_BYTES, "a list of recent sessions");
        JsonElement version = root.get("formatVersion");
        if (!(version instanceof JsonPrimitive v && v.isNumber())) {
            throw new CheckpointException(file, "formatVersion is missing or not a number");
        }
        if (v.getAsInt() > FORMAT_VERSION) {
            throw new CheckpointException(file, "was written by a newer ALBERT Lab (formatVersion " + v.getAsInt()
                    + "; this one reads up to " + FORMAT_VERSION + ")");
        }
        JsonElement files = root.get("files");
        if (files == null || !files.isJsonArray()) throw new CheckpointException(file, "files must be a list of paths");
        List<Path> out = new ArrayList<>();
        for (JsonElement e : files.getAsJsonArray()) {
            if (!(e instanceof JsonPrimitive p && p.isString())) {
                throw new CheckpointException(file, "files must hold only strings, got " + e);
            }
            try {
                out.add(Path.of(p.getAsString()));
            } catch (InvalidPathException x) {
                throw new CheckpointException(file, "files holds an unusable path (" + x.getReason() + ")");
            }
        }
        // a hand-edited list may repeat or overflow: the same rules as add
        List<Path> list = List.of();
        for (int i = out.size() - 1; i >= 0; i--) list = add(list, out.get(i));
        return list;
    }

    public static void write(Path file, List<Path> list) throws CheckpointException {
        JsonObject root = new JsonObject();
        root.addProperty("formatVersion", FORMAT_VERSION);
        JsonArray files = new JsonArray();
        for (Path p : list) files.add(normal(p).toString());
        root.add("files", files);
        AtomicFiles.write(file, (root + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
