package albertlab;

import albertlab.cli.Main;
import albertlab.core.config.Presets;
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
 * and output and the presets make is a row of {@code paper/references.tsv}, and agrees with {@code paper/facts.tsv}:
 * a "Figure 2" where the paper has Figure 1, or a 108M turned into 110M, fails here.
 */
class PaperReferencesTest {

    /** Figure 1, Table 3, Sec. 4.1 / Section 4.1, 图 1, 表 4, 第 3.1 节. */
    private static final Pattern CITATION = Pattern.compile(
            "\\b(Figure|Fig\\.|Table|Section|Sec\\.)\\s*(\\d+(?:\\.\\d+)?)|([图表])\\s*(\\d+)|第\\s*(\\d+(?:\\.\\d+)?)\\s*节");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

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
        return out;
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Main.run(args, ps, ps);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** "表 4" → "Table 4", "Section 3.1" → "Sec. 3.1": the place names of facts.tsv. */
    private static String place(Matcher m) {
        if (m.group(1) != null) {
            String kind = switch (m.group(1)) {
                case "Fig.", "Figure" -> "Figure";
                case "Table" -> "Table";
                default -> "Sec.";
            };
            return kind + " " + m.group(2);
        }
        if (m.group(3) != null) return (m.group(3).equals("图") ? "Figure " : "Table ") + m.group(4);
        return "Sec. " + m.group(5);
    }

    @Test
    void everyCitationInEveryTextIsInsideAClaimOfTheSamePlace() {
        List<String> problems = new ArrayList<>();
        sources.forEach((source, value) -> {
            Matcher m = CITATION.matcher(value);
            while (m.find()) {
                String cited = place(m);
                int at = m.start();
                boolean listed = rows.stream().anyMatch(r -> r.source().equals(source) && r.place().equals(cited)
                        && covers(value, r.claim(), at, m.end()));
                if (!listed) {
                    problems.add(source + " cites " + m.group() + " (" + cited + ") in \"" + around(value, at)
                            + "\": no row of references.tsv with that place covers it");
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
            // the citation's own number and the venue's year are not claims about the paper's content
            String claim = CITATION.matcher(r.claim()).replaceAll(" ").replace("ICLR 2020", " ");
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

    @Test
    void bothLanguagesCiteTheSamePlacesForEachKey() {
        Map<String, List<String>> en = new TreeMap<>();
        Map<String, List<String>> zh = new TreeMap<>();
        for (Row r : rows) {
            if (r.source().startsWith("en:")) en.computeIfAbsent(r.source().substring(3), k -> new ArrayList<>()).add(r.place());
            if (r.source().startsWith("zh:")) zh.computeIfAbsent(r.source().substring(3), k -> new ArrayList<>()).add(r.place());
        }
        assertFalse(en.isEmpty());
        assertEquals(en, zh);
    }

    @Test
    void theHiddenStatesTabCitesFigure1NotFigure2() {
        // Figure 1: L2 distance and angle per layer, BERT-large vs ALBERT-large; Figure 2 is about data and dropout
        assertTrue(sources.get("en:live.dynamics.explain").contains("Figure 1 of the ALBERT paper"));
        assertTrue(sources.get("zh:live.dynamics.explain").contains("论文的图 1"));
    }
}
