package albertlab.core.lesson;

import albertlab.core.config.Presets;
import albertlab.core.io.CheckpointException;
import albertlab.core.io.TextFiles;
import albertlab.core.session.DefaultState;
import albertlab.core.session.ExplorerState;
import albertlab.core.session.LabState;
import albertlab.core.session.LabStateFile;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a lesson file: plain text a teacher can edit, with the Chinese and English of every step side by side
 * ({@code lessons/README.md} describes the format with an example). A step's state is written as changes to the
 * previous step's, starting from the app as it opens ({@link DefaultState}), with the field names of the session
 * file ({@link LabStateFile}). Every problem is a {@link LessonProblem} naming the file and the line.
 */
public final class LessonFile {

    public static final String EXTENSION = ".md";
    public static final List<String> LANGUAGES = List.of("en", "zh");
    private static final long MAX_BYTES = 1_000_000;
    private static final double DEFAULT_TOLERANCE = 0.005;
    private static final Set<String> STEP_KEYS = Set.of("page", "highlight", "controls", "title.en", "title.zh");
    private static final Set<String> SECTIONS = Set.of("en", "zh", "question", "en question", "zh question",
            "en notes", "zh notes");

    private LessonFile() {
    }

    /** The lesson in both languages, keyed "en" and "zh". */
    public static Map<String, Lesson> read(Path file, Set<String> pageIds) throws LessonProblem {
        String text;
        try {
            text = TextFiles.readUtf8(file, MAX_BYTES, "a lesson");
        } catch (CheckpointException e) {
            throw new LessonProblem(file, 0, e.problem());
        }
        return parse(file, text, pageIds);
    }

    /** @param pageIds the app's pages; a step naming another is refused (null: not checked) */
    public static Map<String, Lesson> parse(Path file, String text, Set<String> pageIds) throws LessonProblem {
        return new Parser(file, pageIds).parse(text);
    }

    public static String nameOf(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(EXTENSION) ? n.substring(0, n.length() - EXTENSION.length()) : n;
    }

    /** One step as written, before it becomes a state per language. */
    private static final class RawStep {
        final int line;
        final Map<String, String> keys = new LinkedHashMap<>();
        final Map<String, Integer> keyLines = new LinkedHashMap<>();
        final Map<String, List<String>> sections = new LinkedHashMap<>();
        final Map<String, Integer> sectionLines = new LinkedHashMap<>();

        RawStep(int line) {
            this.line = line;
        }
    }

    private static final class Parser {
        private final Path file;
        private final Set<String> pageIds;
        private final Map<String, String> header = new LinkedHashMap<>();
        private final Map<String, Integer> headerLines = new LinkedHashMap<>();
        private final List<RawStep> steps = new ArrayList<>();

        Parser(Path file, Set<String> pageIds) {
            this.file = file;
            this.pageIds = pageIds;
        }

        private LessonProblem problem(int line, String what) {
            return new LessonProblem(file, line, what);
        }

        Map<String, Lesson> parse(String text) throws LessonProblem {
            String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            RawStep step = null;
            String section = null;
            for (int i = 0; i < lines.length; i++) {
                int n = i + 1;
                String line = lines[i];
                String t = line.strip();
                if (i == 0 && t.startsWith("\uFEFF")) t = t.substring(1);
                if (t.startsWith("<!--") && t.endsWith("-->")) continue; // a teacher's comment
                if (t.equals("## Step") || t.startsWith("## Step ") || t.startsWith("## Step:")) {
                    step = new RawStep(n);
                    steps.add(step);
                    section = null;
                    continue;
                }
                if (t.startsWith("## ")) throw problem(n, "unknown heading \"" + t + "\"; a step starts with \"## Step\"");
                if (t.startsWith("### ")) {
                    if (step == null) throw problem(n, "\"" + t + "\" comes before the first \"## Step\"");
                    section = t.substring(4).strip().toLowerCase(Locale.ROOT);
                    if (!SECTIONS.contains(section)) {
                        throw problem(n, "unknown section \"" + t + "\"; sections are ### en, ### zh, ### question, "
                                + "### en question, ### zh question, ### en notes, ### zh notes");
                    }
                    if (step.sections.containsKey(section)) throw problem(n, "a second \"" + t + "\" in this step");
                    step.sections.put(section, new ArrayList<>());
                    step.sectionLines.put(section, n);
                    continue;
                }
                if (section != null) {
                    step.sections.get(section).add(line);
                    continue;
                }
                if (t.isEmpty() || t.startsWith("# ")) continue; // blank, or the lesson's own heading
                int colon = t.indexOf(':');
                if (colon <= 0) {
                    throw problem(n, "expected \"key: value\"" + (step == null ? "" : " or a \"### en\" section")
                            + ", got \"" + t + "\"");
                }
                String key = t.substring(0, colon).strip();
                String value = t.substring(colon + 1).strip();
                Map<String, String> into = step == null ? header : step.keys;
                Map<String, Integer> at = step == null ? headerLines : step.keyLines;
                if (into.containsKey(key)) throw problem(n, "\"" + key + "\" is given twice");
                into.put(key, value);
                at.put(key, n);
            }
            return build();
        }

        private Map<String, Lesson> build() throws LessonProblem {
            for (String k : header.keySet()) {
                if (!Set.of("title.en", "title.zh", "summary.en", "summary.zh", "minutes").contains(k)) {
                    throw problem(headerLines.get(k), "unknown key \"" + k + "\" in the lesson's header (title.en, "
                            + "title.zh, summary.en, summary.zh, minutes)");
                }
            }
            for (String k : List.of("title.en", "title.zh", "minutes")) {
                if (!header.containsKey(k) || header.get(k).isEmpty()) throw problem(1, "the header needs \"" + k + ":\"");
            }
            int minutes;
            try {
                minutes = Integer.parseInt(header.get("minutes"));
            } catch (NumberFormatException e) {
                minutes = -1;
            }
            if (minutes < 1 || minutes > 600) {
                throw problem(headerLines.get("minutes"), "minutes must be a whole number from 1 to 600, got \""
                        + header.get("minutes") + "\"");
            }
            if (steps.isEmpty()) throw problem(0, "has no step (a step starts with \"## Step\")");
            Map<String, Lesson> out = new LinkedHashMap<>();
            for (String lang : LANGUAGES) {
                JsonObject json = LabStateFile.toJson(DefaultState.of(lang));
                List<LessonStep> built = new ArrayList<>();
                for (RawStep s : steps) built.add(step(s, lang, json));
                out.put(lang, new Lesson(file, nameOf(file), lang, header.get("title." + lang),
                        header.getOrDefault("summary." + lang, ""), minutes, built));
            }
            return out;
        }

        private LessonStep step(RawStep s, String lang, JsonObject json) throws LessonProblem {
            String other = lang.equals("en") ? "zh" : "en";
            for (String k : s.keys.keySet()) {
                if (k.endsWith("." + lang) && !k.startsWith("title.")
                        && !s.keys.containsKey(k.substring(0, k.length() - 2) + other)) {
                    throw problem(s.keyLines.get(k), "\"" + k + "\" has no \"" + k.substring(0, k.length() - 2) + other
                            + "\": both languages set the same fields");
                }
            }
            applyState(s, lang, json);
            LabState state;
            try {
                state = LabStateFile.fromJson(file, json);
            } catch (CheckpointException e) {
                throw problem(s.line, "the step's state: " + e.problem());
            }
            if (pageIds != null && !pageIds.contains(state.page())) {
                throw problem(s.keyLines.getOrDefault("page", s.line), "no page \"" + state.page() + "\" (pages: "
                        + String.join(", ", pageIds) + ")");
            }
            String title = s.keys.get("title." + lang);
            if (title == null || title.isEmpty()) throw problem(s.line, "the step needs \"title." + lang + ":\"");
            List<String> paragraphs = paragraphs(s, lang, lang);
            if (paragraphs.isEmpty()) throw problem(s.line, "the step needs a \"### " + lang + "\" section with text");
            checkNames(s.line, title);
            for (String p : paragraphs) checkNames(s.sectionLines.get(lang), p);
            String highlight = s.keys.get("highlight");
            Set<String> controls = new LinkedHashSet<>();
            if (s.keys.containsKey("controls")) {
                for (String c : s.keys.get("controls").split(",")) if (!c.isBlank()) controls.add(c.strip());
            }
            if (highlight != null && !highlight.isEmpty()) controls.add(highlight);
            String notes = String.join("\n\n", paragraphs(s, lang + " notes", lang));
            return new LessonStep(title, paragraphs, state, highlight == null || highlight.isEmpty() ? null : highlight,
                    controls, question(s, lang), notes, s.line);
        }

        private void applyState(RawStep s, String lang, JsonObject json) throws LessonProblem {
            String preset = s.keys.get("explorer.preset");
            if (preset != null) {
                if (Presets.find(preset).isEmpty()) {
                    throw problem(s.keyLines.get("explorer.preset"), "no preset \"" + preset + "\" (presets: "
                            + String.join(", ", Presets.all().stream().map(albertlab.core.config.Preset::name).toList()) + ")");
                }
                ExplorerState e = DefaultState.explorer(preset);
                JsonObject replaced = LabStateFile.toJson(DefaultState.of(lang).withExplorer(e)).getAsJsonObject("explorer");
                json.add("explorer", replaced);
            }
            for (Map.Entry<String, String> kv : s.keys.entrySet()) {
                String key = kv.getKey();
                int line = s.keyLines.get(key);
                if (STEP_KEYS.contains(key) && !key.equals("page")) continue;
                if (key.equals("explorer.preset")) continue;
                if (key.endsWith(".en") || key.endsWith(".zh")) {
                    if (!key.endsWith("." + lang)) continue;
                    key = key.substring(0, key.length() - 3);
                }
                String value = kv.getValue();
                if (key.equals("page")) {
                    json.addProperty("page", value);
                    continue;
                }
                if (key.equals("live.model")) {
                    JsonObject live = json.getAsJsonObject("live");
                    boolean random = value.startsWith("random-");
                    live.add("trainedModel", random ? JsonNull.INSTANCE : new JsonPrimitive(value));
                    live.add("vocabulary", random ? new JsonPrimitive(value.substring("random-".length()))
                            : JsonNull.INSTANCE);
                    live.add("modelFolder", JsonNull.INSTANCE);
                    continue;
                }
                int dot = key.indexOf('.');
                String part = dot < 0 ? key : key.substring(0, dot);
                if (dot < 0 || !Set.of("explorer", "live", "training").contains(part)) {
                    throw problem(line, "unknown key \"" + kv.getKey() + "\" (a step sets page, title.en, title.zh, "
                            + "highlight, controls, and explorer.*, live.*, training.* fields)");
                }
                String field = key.substring(dot + 1);
                JsonObject object = json.getAsJsonObject(part);
                if (!object.has(field)) {
                    throw problem(line, "no field \"" + field + "\" in " + part + " (fields: "
                            + String.join(", ", object.keySet()) + ")");
                }
                object.add(field, value(line, object.get(field), value));
            }
            // with I locked to 4H (as on screen), a step that changes H changes I too, so the text's numbers
            // and the explorer's agree
            JsonObject explorer = json.getAsJsonObject("explorer");
            if (explorer.get("ffnLockedTo4H").getAsBoolean() && !s.keys.containsKey("explorer.intermediate")) {
                explorer.addProperty("intermediate", 4 * explorer.get("hidden").getAsInt());
            }
        }

        private JsonElement value(int line, JsonElement was, String value) throws LessonProblem {
            if (value.equals("null")) return JsonNull.INSTANCE;
            if (was.isJsonArray()) {
                JsonArray a = new JsonArray();
                for (String v : value.split(",")) if (!v.isBlank()) a.add(v.strip());
                return a;
            }
            if (was.isJsonPrimitive() && was.getAsJsonPrimitive().isBoolean()) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw problem(line, "expected true or false, got \"" + value + "\"");
                }
                return new JsonPrimitive(Boolean.parseBoolean(value));
            }
            if (was.isJsonPrimitive() && was.getAsJsonPrimitive().isNumber()) {
                try {
                    if (value.matches("-?[0-9]+")) return new JsonPrimitive(Long.parseLong(value));
                    return new JsonPrimitive(Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    throw problem(line, "expected a number, got \"" + value + "\"");
                }
            }
            return new JsonPrimitive(value);
        }

        private List<String> paragraphs(RawStep s, String section, String lang) {
            List<String> lines = s.sections.get(section);
            List<String> out = new ArrayList<>();
            if (lines == null) return out;
            StringBuilder p = new StringBuilder();
            for (String l : lines) {
                String t = l.strip();
                if (t.isEmpty()) {
                    if (p.length() > 0) out.add(p.toString());
                    p.setLength(0);
                } else {
                    // Chinese does not put spaces between words, so its wrapped lines join without one
                    if (p.length() > 0 && !lang.equals("zh")) p.append(' ');
                    p.append(t);
                }
            }
            if (p.length() > 0) out.add(p.toString());
            return out;
        }

        private Question question(RawStep s, String lang) throws LessonProblem {
            List<String> kv = s.sections.get("question");
            boolean any = kv != null || s.sections.containsKey("en question") || s.sections.containsKey("zh question");
            if (!any) return null;
            if (kv == null) throw problem(s.line, "a step with a question needs a \"### question\" section");
            int at = s.sectionLines.get("question");
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < kv.size(); i++) {
                String t = kv.get(i).strip();
                if (t.isEmpty()) continue;
                int colon = t.indexOf(':');
                String k = colon > 0 ? t.substring(0, colon).strip() : "";
                if (!Set.of("kind", "answer", "tolerance").contains(k)) {
                    throw problem(at + 1 + i, "expected kind:, answer: or tolerance:, got \"" + t + "\"");
                }
                keys.put(k, t.substring(colon + 1).strip());
            }
            String kindText = keys.getOrDefault("kind", "");
            Question.Kind kind = switch (kindText) {
                case "choice" -> Question.Kind.CHOICE;
                case "number" -> Question.Kind.NUMBER;
                default -> throw problem(at, "kind must be choice or number, got \"" + kindText + "\"");
            };
            String answer = keys.get("answer");
            if (answer == null || answer.isEmpty()) throw problem(at, "the question needs \"answer:\"");
            String section = lang + " question";
            List<String> lines = s.sections.get(section);
            if (lines == null) throw problem(s.line, "the question needs a \"### " + section + "\" section");
            int qAt = s.sectionLines.get(section);
            StringBuilder prompt = new StringBuilder();
            List<String> choices = new ArrayList<>();
            Map<String, String> parts = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i).strip();
                if (t.isEmpty()) continue;
                int n = qAt + 1 + i;
                if (t.startsWith("- ")) {
                    choices.add(t.substring(2).strip());
                    checkNames(n, t);
                    continue;
                }
                String lower = t.toLowerCase(Locale.ROOT);
                String part = null;
                for (String p : List.of("hint", "right", "wrong")) if (lower.startsWith(p + ":")) part = p;
                if (part != null) {
                    parts.put(part, t.substring(part.length() + 1).strip());
                    checkNames(n, t);
                } else {
                    if (!choices.isEmpty() || !parts.isEmpty()) {
                        throw problem(n, "the question's text comes before its choices, hint, right and wrong");
                    }
                    if (prompt.length() > 0 && !lang.equals("zh")) prompt.append(' ');
                    prompt.append(t);
                    checkNames(n, t);
                }
            }
            if (prompt.length() == 0) throw problem(qAt, "the question has no text");
            for (String p : List.of("hint", "right", "wrong")) {
                if (!parts.containsKey(p) || parts.get(p).isEmpty()) throw problem(qAt, "the question needs \"" + p + ":\"");
            }
            double tolerance = DEFAULT_TOLERANCE;
            boolean relative = true;
            if (kind == Question.Kind.CHOICE) {
                if (choices.size() < 2) throw problem(qAt, "a choice question needs at least two \"- \" choices");
                int index;
                try {
                    index = Integer.parseInt(answer);
                } catch (NumberFormatException e) {
                    index = 0;
                }
                if (index < 1 || index > choices.size()) {
                    throw problem(at, "answer must be the number of the right choice, 1 to " + choices.size()
                            + ", got \"" + answer + "\"");
                }
                String other = lang.equals("en") ? "zh" : "en";
                List<String> otherLines = s.sections.get(other + " question");
                long otherChoices = otherLines == null ? 0 : otherLines.stream().filter(l -> l.strip().startsWith("- ")).count();
                if (otherChoices != choices.size()) {
                    throw problem(qAt, "the " + lang + " question has " + choices.size() + " choices and the " + other
                            + " one " + otherChoices + ": both languages ask the same");
                }
                answer = Integer.toString(index - 1);
                tolerance = 0;
            } else {
                if (!choices.isEmpty()) throw problem(qAt, "a number question has no \"- \" choices");
                if (answer.startsWith("{")) {
                    if (!answer.endsWith("}") || !LessonValues.NAMES.contains(answer.substring(1, answer.length() - 1))) {
                        throw problem(at, "answer " + answer + " names no value (see lessons/README.md)");
                    }
                } else {
                    try {
                        Double.parseDouble(answer);
                    } catch (NumberFormatException e) {
                        throw problem(at, "answer must be a number or a {value}, got \"" + answer + "\"");
                    }
                }
                String tol = keys.get("tolerance");
                if (tol != null) {
                    relative = tol.endsWith("%");
                    try {
                        tolerance = Double.parseDouble(relative ? tol.substring(0, tol.length() - 1) : tol)
                                / (relative ? 100 : 1);
                    } catch (NumberFormatException e) {
                        tolerance = -1;
                    }
                    if (!(tolerance >= 0)) throw problem(at, "tolerance must be like 1% or 0.5, got \"" + tol + "\"");
                }
            }
            return new Question(kind, prompt.toString(), choices, answer, tolerance, relative, parts.get("hint"),
                    parts.get("right"), parts.get("wrong"));
        }

        private void checkNames(int line, String text) throws LessonProblem {
            for (String name : Placeholders.names(text)) {
                if (!LessonValues.NAMES.contains(name)) {
                    throw problem(line, "{" + name + "} names no value (see lessons/README.md for the names)");
                }
            }
        }
    }
}
