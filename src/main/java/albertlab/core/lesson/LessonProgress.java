package albertlab.core.lesson;

import albertlab.core.io.AtomicFiles;
import albertlab.core.io.CheckpointException;
import albertlab.core.io.TextFiles;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far a student got in each lesson: the furthest step seen (1-based) and whether the last step was reached,
 * kept in a small JSON file between runs. Immutable; {@link #with} gives the next value.
 */
public final class LessonProgress {

    public record Entry(int furthestStep, boolean finished) {
    }

    private final Map<String, Entry> entries;

    private LessonProgress(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    public static LessonProgress empty() {
        return new LessonProgress(Map.of());
    }

    public Entry of(String lesson) {
        return entries.getOrDefault(lesson, new Entry(0, false));
    }

    /** Records that {@code step} of {@code steps} was shown; progress never goes back. */
    public LessonProgress with(String lesson, int step, int steps) {
        Entry old = of(lesson);
        Entry e = new Entry(Math.max(old.furthestStep(), step), old.finished() || step >= steps);
        if (e.equals(old)) return this;
        Map<String, Entry> m = new TreeMap<>(entries);
        m.put(lesson, e);
        return new LessonProgress(m);
    }

    public void write(Path file) throws CheckpointException {
        JsonObject root = new JsonObject();
        for (Map.Entry<String, Entry> e : new TreeMap<>(entries).entrySet()) {
            JsonObject o = new JsonObject();
            o.addProperty("furthestStep", e.getValue().furthestStep());
            o.addProperty("finished", e.getValue().finished());
            root.add(e.getKey(), o);
        }
        AtomicFiles.write(file, (root + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A missing file is no progress yet; a damaged one is reported (the caller starts afresh and says so). */
    public static LessonProgress read(Path file) throws CheckpointException {
        if (!Files.exists(file)) return empty();
        try {
            JsonElement root = JsonParser.parseString(TextFiles.readUtf8(file, 1_000_000, "lesson progress"));
            Map<String, Entry> m = new TreeMap<>();
            for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
                JsonObject o = e.getValue().getAsJsonObject();
                m.put(e.getKey(), new Entry(o.get("furthestStep").getAsInt(), o.get("finished").getAsBoolean()));
            }
            return new LessonProgress(m);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                 | NumberFormatException e) {
            throw new CheckpointException(file, "is not lesson progress (" + CheckpointException.firstLine(e) + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LessonProgress p && p.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }
}
