package albertlab.core.session;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ConfigProblem;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.io.AtomicFiles;
import albertlab.core.io.CheckpointException;
import albertlab.core.io.TextFiles;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@link LabState} as a JSON text file (a saved {@code .albertlab} session, a lesson step). Field names are fixed
 * here, not derived from Java names, so renaming a record component never changes the format. Unknown fields are
 * ignored, so an older reader can open a file that only adds fields; a newer {@code formatVersion} is refused.
 * Every problem is one line naming the file and the field.
 */
public final class LabStateFile {

    public static final String EXTENSION = ".albertlab";
    private static final long MAX_BYTES = 1_000_000;
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,10}");

    private LabStateFile() {
    }

    /** Writes atomically; refuses a state that {@link #read} would refuse (an impossible explorer model). */
    public static void write(Path file, LabState state) throws CheckpointException {
        checkModel(file, state.explorer());
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonWriter json = new JsonWriter(w);
            json.setIndent("  ");
            write(json, state);
            json.flush();
            w.write('\n');
            w.flush();
        });
    }

    public static LabState read(Path file) throws CheckpointException {
        return parse(file, TextFiles.readUtf8(file, MAX_BYTES, "a session"));
    }

    /** @param file named in error messages */
    public static LabState parse(Path file, String text) throws CheckpointException {
        return fromJson(file, object(file, text));
    }

    /** The state as this file format's JSON object (a lesson step changes fields of it by these names). */
    public static JsonObject toJson(LabState state) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(new JsonWriter(out), state);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return JsonParser.parseString(out.toString()).getAsJsonObject();
    }

    /** @param file named in error messages */
    public static LabState fromJson(Path file, JsonObject root) throws CheckpointException {
        Fields top = new Fields(file, "", root);
        int version = top.integer("formatVersion");
        if (version > LabState.FORMAT_VERSION) {
            throw new CheckpointException(file, "was written by a newer ALBERT Lab (formatVersion " + version
                    + "; this one reads up to " + LabState.FORMAT_VERSION + ")");
        }
        if (version < 1) throw new CheckpointException(file, "formatVersion must be at least 1, got " + version);
        try {
            LabState state = new LabState(version, top.string("page"), top.string("language"),
                    explorer(top.object("explorer")), live(top.object("live")),
                    top.has("training") ? training(top.object("training")) : TrainingState.DEFAULT,
                    top.has("lesson") ? lesson(top.object("lesson")) : null);
            checkModel(file, state.explorer());
            return state;
        } catch (IllegalArgumentException e) {
            // LabState and its parts refuse impossible values with a message naming the field; a
            // NullPointerException here would be a bug of ours, so it is not dressed up as a bad file
            throw new CheckpointException(file, CheckpointException.firstLine(e));
        }
    }

    private static ExplorerState explorer(Fields f) throws CheckpointException {
        return new ExplorerState(f.integer("vocab"), f.integer("embedding"), f.integer("hidden"),
                f.integer("layers"), f.integer("heads"), f.integer("intermediate"), f.bool("ffnLockedTo4H"),
                f.sharing("sharing"), f.integer("groups"), f.projection("projection"), f.optionalString("preset"),
                f.has("chart") ? f.string("chart") : ExplorerState.CHARTS.get(0));
    }

    private static TrainingState training(Fields f) throws CheckpointException {
        List<SharingMode> modes = new java.util.ArrayList<>();
        for (String m : f.strings("modes")) modes.add(f.sharingNamed("modes", m));
        return new TrainingState(f.integer("embedding"), f.integer("hidden"), f.integer("layers"), f.integer("heads"),
                f.integer("intermediate"), modes, f.number("learningRate"), f.integer("batchSize"),
                f.integer("sequenceLength"), f.integer("seed"), f.optionalString("probe"), f.sharing("watched"),
                f.integer("application"), f.integer("head"));
    }

    private static LessonPosition lesson(Fields f) throws CheckpointException {
        return new LessonPosition(f.string("name"), f.integer("step"));
    }

    private static LiveState live(Fields f) throws CheckpointException {
        String folder = f.optionalString("modelFolder");
        Path modelFolder;
        try {
            modelFolder = folder == null ? null : Path.of(folder);
        } catch (InvalidPathException e) {
            throw f.problem("modelFolder", "is not a usable path (" + e.getReason() + ")");
        }
        return new LiveState(f.optionalString("vocabulary"), modelFolder, f.sharing("sharingMode"),
                f.string("sentenceA"), f.string("sentenceB"), f.integer("maskedPosition"),
                f.integer("repeatFactor"), f.optionalString("trainedModel"),
                f.has("tab") ? f.string("tab") : LiveState.DEFAULT_TAB,
                f.has("application") ? f.integer("application") : 0, f.has("head") ? f.integer("head") : 0);
    }

    /** The explorer's inputs must describe a model: the same fatal problems the explorer itself reports. */
    private static void checkModel(Path file, ExplorerState e) throws CheckpointException {
        AlbertConfig c;
        try {
            c = e.config();
        } catch (IllegalArgumentException x) {
            throw new CheckpointException(file, "explorer.preset: " + x.getMessage());
        }
        List<ConfigProblem> fatal = c.fatalProblems();
        if (!fatal.isEmpty()) throw new CheckpointException(file, "explorer: " + fatal.get(0).message());
        if (e.ffnLockedTo4H() && e.intermediate() != 4 * e.hidden()) {
            throw new CheckpointException(file, "explorer: ffnLockedTo4H is true but intermediate " + e.intermediate()
                    + " is not 4 × hidden " + e.hidden());
        }
    }

    // --- writing ---

    private static void write(JsonWriter json, LabState s) throws IOException {
        json.beginObject();
        json.name("formatVersion").value(s.formatVersion());
        json.name("page").value(s.page());
        json.name("language").value(s.language());
        ExplorerState e = s.explorer();
        json.name("explorer").beginObject();
        json.name("vocab").value(e.vocab());
        json.name("embedding").value(e.embedding());
        json.name("hidden").value(e.hidden());
        json.name("layers").value(e.layers());
        json.name("heads").value(e.heads());
        json.name("intermediate").value(e.intermediate());
        json.name("ffnLockedTo4H").value(e.ffnLockedTo4H());
        json.name("sharing").value(e.sharing().cliName());
        json.name("groups").value(e.groups());
        json.name("projection").value(projectionName(e.projection()));
        json.name("preset").value(e.preset());
        json.name("chart").value(e.chart());
        json.endObject();
        LiveState l = s.live();
        json.name("live").beginObject();
        json.name("vocabulary").value(l.vocabulary());
        json.name("modelFolder").value(l.modelFolder() == null ? null : l.modelFolder().toString());
        json.name("trainedModel").value(l.trainedModel());
        json.name("sharingMode").value(l.sharingMode().cliName());
        json.name("sentenceA").value(l.sentenceA());
        json.name("sentenceB").value(l.sentenceB());
        json.name("maskedPosition").value(l.maskedPosition());
        json.name("repeatFactor").value(l.repeatFactor());
        json.name("tab").value(l.tab());
        json.name("application").value(l.application());
        json.name("head").value(l.head());
        json.endObject();
        TrainingState t = s.training();
        json.name("training").beginObject();
        json.name("embedding").value(t.embedding());
        json.name("hidden").value(t.hidden());
        json.name("layers").value(t.layers());
        json.name("heads").value(t.heads());
        json.name("intermediate").value(t.intermediate());
        json.name("modes").beginArray();
        for (SharingMode m : t.modes()) json.value(m.cliName());
        json.endArray();
        json.name("learningRate").value(t.learningRate());
        json.name("batchSize").value(t.batchSize());
        json.name("sequenceLength").value(t.sequenceLength());
        json.name("seed").value(t.seed());
        json.name("probe").value(t.probe());
        json.name("watched").value(t.watched().cliName());
        json.name("application").value(t.application());
        json.name("head").value(t.head());
        json.endObject();
        if (s.lesson() != null) {
            json.name("lesson").beginObject();
            json.name("name").value(s.lesson().lesson());
            json.name("step").value(s.lesson().step());
            json.endObject();
        }
        json.endObject();
    }

    /** "hugging-face-always", "original-only-when-factorized": readable and independent of the enum's Java case. */
    static String projectionName(ProjectionConvention p) {
        return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // --- reading ---

    private static JsonObject object(Path file, String text) throws CheckpointException {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new CheckpointException(file, "is not JSON: text after the end of the JSON object");
            }
            if (!root.isJsonObject()) throw new CheckpointException(file, "is not a JSON object");
            return root.getAsJsonObject();
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new CheckpointException(file, "is not JSON (" + CheckpointException.firstLine(e) + ")");
        }
    }

    /** One JSON object's fields, read by name; {@code prefix} ("explorer.") makes messages name the full field. */
    private record Fields(Path file, String prefix, JsonObject json) {

        CheckpointException problem(String name, String what) {
            return new CheckpointException(file, prefix + name + " " + what);
        }

        boolean has(String name) {
            JsonElement e = json.get(name);
            return e != null && !e.isJsonNull();
        }

        double number(String name) throws CheckpointException {
            JsonElement e = required(name);
            if (!(e instanceof JsonPrimitive p && p.isNumber())) throw problem(name, "must be a number, got " + e);
            double v = p.getAsDouble();
            if (!Double.isFinite(v)) throw problem(name, "must be a finite number, got " + e);
            return v;
        }

        List<String> strings(String name) throws CheckpointException {
            JsonElement e = required(name);
            if (!e.isJsonArray()) throw problem(name, "must be a list of strings, got " + e);
            List<String> out = new java.util.ArrayList<>();
            for (JsonElement x : e.getAsJsonArray()) out.add(text(name, x));
            return out;
        }

        private JsonElement required(String name) throws CheckpointException {
            JsonElement e = json.get(name);
            if (e == null || e.isJsonNull()) throw problem(name, "is missing");
            return e;
        }

        Fields object(String name) throws CheckpointException {
            JsonElement e = required(name);
            if (!e.isJsonObject()) throw problem(name, "must be a JSON object");
            return new Fields(file, prefix + name + ".", e.getAsJsonObject());
        }

        int integer(String name) throws CheckpointException {
            JsonElement e = required(name);
            // the literal text, so that 2.5 or 1e3 is refused instead of rounded
            String literal = e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsString() : null;
            if (literal == null || !WHOLE.matcher(literal).matches()) {
                throw problem(name, "must be a whole number, got " + e);
            }
            long v = Long.parseLong(literal);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw problem(name, "is out of range: " + literal);
            return (int) v;
        }

        boolean bool(String name) throws CheckpointException {
            JsonElement e = required(name);
            if (!(e instanceof JsonPrimitive p && p.isBoolean())) throw problem(name, "must be true or false, got " + e);
            return p.getAsBoolean();
        }

        String string(String name) throws CheckpointException {
            return text(name, required(name));
        }

        String optionalString(String name) throws CheckpointException {
            JsonElement e = json.get(name);
            return e == null || e.isJsonNull() ? null : text(name, e);
        }

        private String text(String name, JsonElement e) throws CheckpointException {
            if (!(e instanceof JsonPrimitive p && p.isString())) throw problem(name, "must be a string, got " + e);
            return p.getAsString();
        }

        SharingMode sharing(String name) throws CheckpointException {
            return sharingNamed(name, string(name));
        }

        SharingMode sharingNamed(String name, String s) throws CheckpointException {
            return Arrays.stream(SharingMode.values()).filter(m -> m.cliName().equals(s)).findFirst()
                    .orElseThrow(() -> problem(name, "must be none, all, attention or ffn, got \"" + s + "\""));
        }

        ProjectionConvention projection(String name) throws CheckpointException {
            String s = string(name);
            return Arrays.stream(ProjectionConvention.values()).filter(p -> projectionName(p).equals(s)).findFirst()
                    .orElseThrow(() -> problem(name, "must be hugging-face-always or original-only-when-factorized, "
                            + "got \"" + s + "\""));
        }
    }
}
