package albertlab.core.lesson;

import albertlab.core.config.SharingMode;
import albertlab.core.session.LabState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonFileTest {

    static final Set<String> PAGES = Set.of("explorer", "live", "training");
    static final Path SAMPLE = Path.of("src/test/resources/lessons/good/01-sample.md");

    @TempDir
    Path dir;

    @Test
    void theSampleReadsInBothLanguagesWithTheSameStepsAndQuestions() throws Exception {
        Map<String, Lesson> both = LessonFile.read(SAMPLE, PAGES);
        Lesson en = both.get("en");
        Lesson zh = both.get("zh");
        assertEquals("01-sample", en.name());
        assertEquals("Factorized embeddings, short", en.title());
        assertEquals("词嵌入分解（简短）", zh.title());
        assertEquals(5, en.minutes());
        assertEquals(2, en.steps().size());
        assertEquals(2, zh.steps().size());
        assertEquals(2, en.questions());
        LessonStep first = en.steps().get(0);
        assertEquals(List.of("With V = {V} and H = {H}, BERT stores {embedding.unfactorized} numbers for its word "
                + "embeddings.", "ALBERT stores {embedding.factorized}."), first.paragraphs());
        // Chinese lines of one paragraph join without a space
        assertEquals("当 V = {V}、H = {H} 时，BERT 的词嵌入要存{embedding.unfactorized} 个数。",
                zh.steps().get(0).paragraphs().get(0));
        assertEquals("field-E", first.highlight());
        assertEquals(Set.of("field-E"), first.controls());
        assertEquals("Ask first.", first.notes());
        assertEquals(Question.Kind.NUMBER, first.question().kind());
        assertEquals(0.005, first.question().tolerance(), 1e-12);
        assertEquals(Question.Kind.CHOICE, en.steps().get(1).question().kind());
        assertEquals(1, en.steps().get(1).question().rightChoice());
        assertEquals(List.of("全部共享", "不共享"), zh.steps().get(1).question().choices());
    }

    @Test
    void statesAccumulateFromTheAppAsItOpens() throws Exception {
        Map<String, Lesson> both = LessonFile.read(SAMPLE, PAGES);
        LabState one = both.get("en").steps().get(0).state();
        assertEquals("explorer", one.page());
        assertEquals(21_000, one.explorer().vocab());
        assertEquals(128, one.explorer().embedding());
        assertEquals("seed-example", one.explorer().preset());
        assertEquals("albert-mini-brown", one.live().trainedModel(), "untouched fields keep the opening state");
        LabState two = both.get("en").steps().get(1).state();
        assertEquals("live", two.page());
        assertEquals(21_000, two.explorer().vocab(), "the previous step's sizes carry over");
        assertEquals(SharingMode.NOT_SHARED, two.explorer().sharing());
        assertEquals("bert-mini-brown", two.live().trainedModel());
        assertNull(two.live().vocabulary());
        assertEquals("The jury met.", two.live().sentenceA());
        assertEquals("床前明月光。", both.get("zh").steps().get(1).state().live().sentenceA());
        assertEquals("dynamics", two.live().tab());
        assertEquals(2, two.live().repeatFactor());
        assertEquals(List.of(SharingMode.ALL_SHARED, SharingMode.NOT_SHARED), two.training().modes());
        assertEquals("zh", both.get("zh").steps().get(1).state().language());
    }

    @Test
    void everyProblemNamesTheFileAndTheLine() throws IOException {
        String good = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        assertProblem(good.replace("page: live", "pgae: live"), 53, "unknown key \"pgae\"");
        assertProblem(good.replace("page: live", "page: nowhere"), 53, "no page \"nowhere\"");
        assertProblem(good.replace("live.repeatFactor: 2", "live.repeatFactor: 9"), 50,
                "the step's state: repeatFactor must be between 1 and 4");
        assertProblem(good.replace("live.tab: dynamics", "live.tabs: dynamics"), 58, "no field \"tabs\" in live");
        assertProblem(good.replace("ALBERT stores {embedding.factorized}.", "ALBERT stores {embeding}."), 15,
                "{embeding} names no value");
        assertProblem(good.replace("kind: choice", "kind: essay"), 68, "kind must be choice or number");
        assertProblem(good.replace("answer: 2", "answer: 3"), 68, "answer must be the number of the right choice, 1 to 2");
        assertProblem(good.replace("- 不共享\n", ""), 72, "the en question has 2 choices and the zh one 1");
        assertProblem(good.replace("live.sentenceA.zh: 床前明月光。\n", ""), 56, "\"live.sentenceA.en\" has no "
                + "\"live.sentenceA.zh\"");
        assertProblem(good.replace("explorer.preset: seed-example", "explorer.preset: bert-huge"), 12,
                "no preset \"bert-huge\"");
        assertProblem(good.replace("minutes: 5", "minutes: soon"), 6, "minutes must be a whole number");
        assertProblem(good.replace("### zh notes", "### fr notes"), 47, "unknown section \"### fr notes\"");
        assertProblem(good.replace("hint: 数一数层。\n", ""), 80, "the question needs \"hint:\"");
        assertProblem(good.replace("explorer.preset: seed-example", "explorer.preset: seed-example\nexplorer.heads: 7"),
                8, "the step's state: explorer: hidden_size 768 is not divisible by num_attention_heads 7");
    }

    @Test
    void aFileThatIsNotTextOrIsMissingIsNamed() throws IOException {
        Path bin = dir.resolve("02-binary.md");
        Files.write(bin, new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1});
        LessonProblem p = assertThrows(LessonProblem.class, () -> LessonFile.read(bin, PAGES));
        assertTrue(p.getMessage().startsWith("02-binary.md"), p.getMessage());
        LessonProblem missing = assertThrows(LessonProblem.class, () -> LessonFile.read(dir.resolve("none.md"), PAGES));
        assertTrue(missing.getMessage().startsWith("none.md"), missing.getMessage());
    }

    @Test
    void aBrokenLessonLeavesTheOthersLoading() throws IOException {
        Files.copy(SAMPLE, dir.resolve("01-good.md"));
        Files.writeString(dir.resolve("02-broken.md"), Files.readString(SAMPLE).replace("page: live", "page: moon"));
        Files.copy(SAMPLE, dir.resolve("03-also-good.md"));
        Files.writeString(dir.resolve("README.md"), "not a lesson");
        LessonLibrary.Loaded l = LessonLibrary.load(dir, PAGES);
        assertEquals(List.of("01-good", "03-also-good"), l.lessons().stream().map(m -> m.get("en").name()).toList());
        assertEquals(1, l.problems().size());
        assertTrue(l.problems().get(0).getMessage().startsWith("02-broken.md:53: no page \"moon\" (pages: "),
                l.problems().get(0).getMessage());
        assertEquals(53, l.problems().get(0).line());
    }

    private void assertProblem(String text, int line, String start) throws IOException {
        Path f = dir.resolve("07-teacher.md");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        LessonProblem p = assertThrows(LessonProblem.class, () -> LessonFile.read(f, PAGES));
        assertTrue(p.problem().startsWith(start), "line " + p.line() + ": " + p.problem());
        assertEquals(line, p.line(), p.getMessage());
        assertTrue(p.getMessage().startsWith("07-teacher.md:" + line + ": "), p.getMessage());
    }
}
