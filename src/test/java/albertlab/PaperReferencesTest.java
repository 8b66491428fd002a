package albertlab;

import albertlab.cli.Main;
import albertlab.core.config.Presets;
import albertlab.core.lesson.Lesson;
import albertlab.core.lesson.LessonFile;
import albertlab.core.lesson.LessonProblem;
import albertlab.core.lesson.LessonStep;
import albertlab.core.lesson.Question;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every reference to the ALBERT paper that the app's strings (both languages), the README, the command line's help
 * and output, the presets and the guided lessons ({@code lessons/*.md}, both languages) make is a row of
 * {@code paper/references.tsv}, and agrees with {@code paper/facts.tsv}: a "Figure 2" where the paper has Figure 1,
 * or a 108M turned into 110M, fails here.
 */
class PaperReferencesTest {

    private static final String PLACE_NUMBER = "\\d+(?:\\.\\d+)?";
    /**
     * Figure 1, Table 3, Sec. 4.1 / Section 4.1, 图 1, 表 4, 第 3.1 节; and lists: Tables 1, 2 and 6, 第 4.1、4.6 节.
     * Only a plural ("Tables") starts an English list, so "Table 3, 10M" is Table 3 alone. The BERT paper is cited
     * by author and year ("Devlin et al., 2019"), never by place, so none of this matches it.
     */
    private static final Pattern CITATION = Pattern.compile(
            "\\b(Tables|Figures|Figs\\.|Sections|Secs\\.)\\s*(" + PLACE_NUMBER + "(?:(?:\\s*,\\s*|\\s*,?\\s+and\\s+)"
                    + PLACE_NUMBER + ")*)"
                    + "|\\b(Figure|Fig\\.|Table|Section|Sec\\.)\\s*(" + PLACE_NUMBER + ")"
                    + "|([图表])\\s*(\\d+)"
                    + "|第\\s*(" + PLACE_NUMBER + "(?:\\s*[、，,和与及]\\s*" + PLACE_NUMBER + ")*)\\s*节");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    /** A lesson's "{params.total}": filled in by the app from what it computes, so no number of the paper. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9.]*}");

    private record Row(String source, String place, String claim, String paper) {
    }

    private static Map<String, String> facts;
    private static List<Row> rows;
    private static Map<String, String> sources;

    @BeforeAll
    static void load() throws IOException {
        facts = new LinkedHashMap<>();
        for (String[] f : tsv("/paper/facts.tsv", 2)) facts.put(f[0], f[1]);
        rows = new ArrayList<>();
        for (String[] r : tsv("/paper/references.tsv", 4)) rows.add(new Row(r[0], r[1], text(r[2]), r[3]));
        sources = sources();
    }

    private static List<String[]> tsv(String resource, int columns) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = PaperReferencesTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split("\t", -1);
                assertEquals(columns, cells.length, resource + ": " + line);
                out.add(cells);
            }
        }
        return out;
    }

    /** No-break spaces and line breaks count as spaces: a claim is about words, not layout. */
    private static String text(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " ").strip();
    }

    /** Every text a user reads that may cite the paper, by the source names of references.tsv. */
    private static Map<String, String> sources() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path i18n = Path.of("src/main/resources/albertlab/i18n");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(i18n, "*.properties")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String language = name.contains("_zh") ? "zh:" : "en:";
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                for (String key : p.stringPropertyNames()) out.put(language + key, text(p.getProperty(key)));
            }
        }
        out.put("README.md", text(Files.readString(Path.of("README.md"))));
        String overview = cli("help");
        out.put("cli:help", text(overview));
        for (String line : overview.split("\\R")) {
            Matcher m = Pattern.compile("^ {2}([a-z][a-z-]*) {2,}").matcher(line);
            if (m.find()) out.put("cli:" + m.group(1) + " --help", text(cli(m.group(1), "--help")));
        }
        out.put("cli:params --preset albert-base-v2", text(cli("params", "--preset", "albert-base-v2")));
        out.put("cli:presets", text(cli("presets")));
        Presets.all().forEach(p -> {
            if (p.paperLabel() != null) out.put("preset:" + p.name(), p.paperLabel());
        });
        out.putAll(lessons());
        return out;
    }

    /**
     * "lesson:03-cross-layer-sharing:en": every text of that lesson a user reads in that language (its title and
     * summary; each step's title, paragraphs, question with choices, hint, right and wrong; the teacher's notes),
     * joined, with the placeholders as written.
     */
    private static Map<String, String> lessons() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path folder = Path.of("lessons");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> md = Files.newDirectoryStream(folder, "*" + LessonFile.EXTENSION)) {
            for (Path file : md) if (!file.getFileName().toString().equals("README.md")) files.add(file);
        }
        assertFalse(files.isEmpty(), "no lesson in " + folder.toAbsolutePath());
        for (Path file : files) {
            Map<String, Lesson> lesson;
            try {
                lesson = LessonFile.read(file, null);
            } catch (LessonProblem e) {
                throw new AssertionError(file + ": " + e.getMessage(), e);
            }
            assertEquals(LessonFile.LANGUAGES, List.copyOf(lesson.keySet()), file.toString());
            lesson.forEach((language, l) -> {
                List<String> texts = new ArrayList<>(List.of(l.title(), l.summary()));
                for (LessonStep step : l.steps()) {
                    texts.add(step.title());
                    texts.addAll(step.paragraphs());
                    Question q = step.question();
                    if (q != null) {
                        texts.add(q.prompt());
                        texts.addAll(q.choices());
                        texts.addAll(List.of(q.hint(), q.right(), q.wrong()));
                    }
                    texts.add(step.notes());
                }
                out.put("lesson:" + l.name() + ":" + language, text(String.join("\n", texts)));
            });
        }
        return out;
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Main.run(args, ps, ps);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** "表 4" → "Table 4", "Section 3.1" → "Sec. 3.1", "Tables 1, 2 and 6" → three: the place names of facts.tsv. */
    private static List<String> places(Matcher m) {
        String kind;
        String numbers;
        if (m.group(1) != null || m.group(3) != null) {
            String word = m.group(1) != null ? m.group(1) : m.group(3);
            kind = word.startsWith("Fig") ? "Figure" : word.startsWith("Table") ? "Table" : "Sec.";
            numbers = m.group(1) != null ? m.group(2) : m.group(4);
        } else if (m.group(5) != null) {
            kind = m.group(5).equals("图") ? "Figure" : "Table";
            numbers = m.group(6);
        } else {
            kind = "Sec.";
            numbers = m.group(7);
        }
        return Pattern.compile(PLACE_NUMBER).matcher(numbers).results().map(n -> kind + " " + n.group()).toList();
    }

    @Test
    void everyCitationInEveryTextIsInsideAClaimOfTheSamePlace() {
        List<String> problems = new ArrayList<>();
        sources.forEach((source, value) -> {
            Matcher m = CITATION.matcher(value);
            while (m.find()) {
                int at = m.start();
                for (String cited : places(m)) {
                    boolean listed = rows.stream().anyMatch(r -> r.source().equals(source) && r.place().equals(cited)
                            && covers(value, r.claim(), at, m.end()));
                    if (!listed) {
                        problems.add(source + " cites " + m.group() + " (" + cited + ") in \"" + around(value, at)
                                + "\": no row of references.tsv with that place covers it");
                    }
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static boolean covers(String value, String claim, int start, int end) {
        for (int i = value.indexOf(claim); i >= 0; i = value.indexOf(claim, i + 1)) {
            if (i <= start && end <= i + claim.length()) return true;
        }
        return false;
    }

    private static String around(String value, int at) {
        return value.substring(Math.max(0, at - 40), Math.min(value.length(), at + 40));
    }

    @Test
    void everyClaimIsStillInItsTextAndItsPaperTextIsWhatThePaperSaysThere() {
        List<String> problems = new ArrayList<>();
        for (Row r : rows) {
            String value = sources.get(r.source());
            String fact = facts.get(r.place());
            if (value == null) {
                problems.add(r.source() + ": no such text");
            } else if (!value.contains(r.claim())) {
                problems.add(r.source() + " no longer says \"" + r.claim() + "\"");
            }
            if (fact == null) {
                problems.add(r.source() + ": place " + r.place() + " is not in facts.tsv");
            } else if (!fact.contains(r.paper())) {
                problems.add(r.source() + ": the paper's " + r.place() + " does not say \"" + r.paper() + "\"");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyNumberOfAClaimIsInWhatThePaperSays() {
        List<String> problems = new ArrayList<>();
        for (Row r : rows) {
            // the citation's own number and the venue's year are not claims about the paper's content, and a
            // lesson's placeholder ("{card.l2.1}") is a number the app computes
            String claim = CITATION.matcher(withoutPlaceholders(r.claim())).replaceAll(" ").replace("ICLR 2020", " ");
            Matcher n = NUMBER.matcher(claim);
            while (n.find()) {
                if (!NUMBER.matcher(r.paper()).results().map(x -> x.group()).toList().contains(n.group())) {
                    problems.add(r.source() + ": " + n.group() + " in \"" + r.claim() + "\" is not in \""
                            + r.paper() + "\" (" + r.place() + ")");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** "{{" and "}}" are literal braces; every other "{name}" is a placeholder, as lessons/README.md says. */
    private static String withoutPlaceholders(String claim) {
        String escaped = claim.replace("{{", "\u0001").replace("}}", "\u0002");
        return PLACEHOLDER.matcher(escaped).replaceAll(" ").replace('\u0001', '{').replace('\u0002', '}');
    }

    @Test
    void aPlaceholderIsNoNumberOfThePaperButALiteralNumberNextToItIs() {
        assertEquals(List.of("1.7"), NUMBER.matcher(withoutPlaceholders("distance {card.l2.1} then 1.7"))
                .results().map(x -> x.group()).toList());
        assertEquals("{card.l2.1} 24", withoutPlaceholders("{{card.l2.1}} 24"));
    }

    @Test
    void aListOfPlacesCitesEachAndTheBertPaperIsNoCitation() {
        Matcher m = CITATION.matcher("Tables 1, 2 and 6 with the app's exact counts");
        assertTrue(m.find());
        assertEquals(List.of("Table 1", "Table 2", "Table 6"), places(m));
        m = CITATION.matcher("论文（第 4.1、4.6 节）");
        assertTrue(m.find());
        assertEquals(List.of("Sec. 4.1", "Sec. 4.6"), places(m));
        m = CITATION.matcher("Table 3, 10M");
        assertTrue(m.find());
        assertEquals(List.of("Table 3"), places(m));
        assertFalse(CITATION.matcher("The BERT paper (Devlin et al., 2019) rounds coarsely and says 110M.").find());
        assertFalse(CITATION.matcher("BERT 论文（Devlin 等，2019）取整取得很粗，写的是 110M。").find());
    }

    @Test
    void everyLessonIsASourceInBothLanguages() throws IOException {
        try (DirectoryStream<Path> md = Files.newDirectoryStream(Path.of("lessons"), "*.md")) {
            for (Path file : md) {
                String name = LessonFile.nameOf(file);
                if (name.equals("README")) continue;
                for (String language : LessonFile.LANGUAGES) {
                    assertTrue(sources.containsKey("lesson:" + name + ":" + language), name + ":" + language);
                }
            }
        }
    }

    /** "en:KEY" → KEY, "lesson:NAME:zh" → lesson:NAME; null for a source in no one language. */
    private static String[] keyAndLanguage(String source) {
        if (source.startsWith("en:") || source.startsWith("zh:")) {
            return new String[] {source.substring(3), source.substring(0, 2)};
        }
        if (source.startsWith("lesson:") && (source.endsWith(":en") || source.endsWith(":zh"))) {
            return new String[] {source.substring(0, source.length() - 3), source.substring(source.length() - 2)};
        }
        return null;
    }

    @Test
    void bothLanguagesCiteTheSamePlacesForEachKey() {
        Map<String, List<String>> en = new TreeMap<>();
        Map<String, List<String>> zh = new TreeMap<>();
        for (Row r : rows) {
            String[] kl = keyAndLanguage(r.source());
            if (kl == null) continue;
            (kl[1].equals("en") ? en : zh).computeIfAbsent(kl[0], k -> new ArrayList<>()).add(r.place());
        }
        assertFalse(en.isEmpty());
        assertTrue(en.keySet().stream().anyMatch(k -> k.startsWith("lesson:")));
        assertEquals(en, zh);
    }

    @Test
    void theHiddenStatesTabCitesFigure1NotFigure2() {
        // Figure 1: L2 distance and angle per layer, BERT-large vs ALBERT-large; Figure 2 is about data and dropout
        assertTrue(sources.get("en:live.dynamics.explain").contains("Figure 1 of the ALBERT paper"));
        assertTrue(sources.get("zh:live.dynamics.explain").contains("论文的图 1"));
    }
}
