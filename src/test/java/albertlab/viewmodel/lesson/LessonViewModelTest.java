package albertlab.viewmodel.lesson;

import albertlab.core.lesson.Answers;
import albertlab.core.lesson.LessonProgress;
import albertlab.core.session.LabState;
import albertlab.core.session.LessonPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lesson view model with same-thread executors: no toolkit, no threads. */
class LessonViewModelTest {

    private static final Executor NOW = Runnable::run;
    private static final Path SAMPLE = Path.of("src/test/resources/lessons/good/01-sample.md");

    @TempDir
    Path dir;
    private Path lessons;
    private Path progress;
    private final List<LabState> applied = new ArrayList<>();
    private LabState shown;
    private LessonViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.copy(SAMPLE, lessons.resolve("01-sample.md"));
        progress = dir.resolve("home/lesson-progress.json");
        vm = create();
    }

    private LessonViewModel create() {
        LessonViewModel m = new LessonViewModel(NOW, NOW, lessons, Path.of("assets/models"), progress,
                Set.of("explorer", "live", "training"));
        m.connect(s -> {
            applied.add(s);
            shown = s;
        }, () -> shown);
        m.load();
        return m;
    }

    @Test
    void openingAStepAppliesItsStateWithTheLessonPositionAndFillsItsNumbers() {
        assertTrue(vm.open("01-sample", 1));
        assertEquals(1, applied.size());
        assertEquals(new LessonPosition("01-sample", 1), applied.get(0).lesson());
        assertEquals(21_000, applied.get(0).explorer().vocab());
        assertEquals(List.of("With V = 21,000 and H = 768, BERT stores 16,128,000 numbers for its word embeddings.",
                "ALBERT stores 2,786,304."), vm.textProperty().get());
    }

    @Test
    void theNumbersFollowWhatTheAppShowsNotWhatTheStepSet() {
        vm.open("01-sample", 1);
        // the student moves E to 256: the app now shows another state, and the text follows it
        shown = shown.withExplorer(new albertlab.core.session.ExplorerState(21_000, 256, 768, 12, 12, 3_072, true,
                albertlab.core.config.SharingMode.ALL_SHARED, 1,
                albertlab.core.config.ProjectionConvention.HUGGING_FACE_ALWAYS, "seed-example"));
        vm.refreshValues();
        assertEquals("ALBERT stores 5,572,608.", vm.textProperty().get().get(1));
        vm.answer("5,572,608");
        assertEquals(Answers.Verdict.RIGHT, vm.feedbackProperty().get().verdict());
        vm.backToStep();
        assertEquals(128, shown.explorer().embedding(), "Back to this step puts the step's E back");
        assertEquals("ALBERT stores 2,786,304.", vm.textProperty().get().get(1));
    }

    @Test
    void nextBackAndRestartMoveAndStopAtTheEnds() {
        vm.open("01-sample", 1);
        assertFalse(vm.back());
        assertTrue(vm.next());
        assertEquals(1, vm.stepIndexProperty().get());
        assertEquals("live", shown.page());
        assertFalse(vm.next(), "the last step");
        vm.restart();
        assertEquals(0, vm.stepIndexProperty().get());
        assertEquals("explorer", shown.page());
    }

    @Test
    void aWrongNumberTwiceGivesTheAnswerAndNotANumberIsSaid() {
        vm.open("01-sample", 1);
        vm.answer("lots");
        assertEquals(Answers.Verdict.NOT_A_NUMBER, vm.feedbackProperty().get().verdict());
        vm.answer("16,128,000");
        assertEquals(Answers.Verdict.WRONG, vm.feedbackProperty().get().verdict());
        assertEquals("Multiply, then add.", vm.feedbackProperty().get().text());
        assertNull(vm.feedbackProperty().get().answer());
        vm.answer("16,128,001");
        assertEquals("2,786,304", vm.feedbackProperty().get().answer());
        vm.showHint();
        assertTrue(vm.hintShownProperty().get());
    }

    @Test
    void aChoiceIsJudgedAndTheFeedbackIsTheQuestionsOwn() {
        vm.open("01-sample", 2);
        vm.answer(0);
        assertEquals("No.", vm.feedbackProperty().get().text());
        vm.answer(1);
        assertEquals("Yes.", vm.feedbackProperty().get().text());
    }

    @Test
    void progressIsRememberedBetweenRuns() throws Exception {
        vm.open("01-sample", 1);
        assertEquals(new LessonProgress.Entry(1, false), vm.lessons().get(0).progress());
        vm.next();
        assertEquals(new LessonProgress.Entry(2, true), vm.lessons().get(0).progress());
        vm.back();
        LessonViewModel later = create();
        assertEquals(new LessonProgress.Entry(2, true), later.lessons().get(0).progress(),
                "read back from " + progress + ", never going back");
    }

    @Test
    void theLanguageSwitchesTheOpenLessonAtTheSameStep() {
        vm.open("01-sample", 2);
        vm.languageProperty().set("zh");
        assertEquals(1, vm.stepIndexProperty().get());
        assertEquals("共享", vm.stepProperty().get().title());
        assertEquals("床前明月光。", shown.live().sentenceA());
    }

    @Test
    void aSessionReopensItsLessonWithoutApplyingTheStep() {
        vm.reopen(new LessonPosition("01-sample", 2));
        assertEquals(1, vm.stepIndexProperty().get());
        assertTrue(applied.isEmpty(), "the session brings its own state");
    }

    @Test
    void anUnknownLessonAndABrokenFileAreSaidAndChangeNothing() throws Exception {
        assertFalse(vm.open("99-none", 1));
        assertEquals("lesson.unknown", vm.statusProperty().get().key());
        vm.open("01-sample", 1);
        Path broken = dir.resolve("mine.md");
        Files.writeString(broken, Files.readString(SAMPLE).replace("minutes: 5", "minutes: many"));
        vm.openFile(broken);
        assertEquals("lesson.file.broken", vm.statusProperty().get().key());
        assertTrue(vm.statusProperty().get().args().get(0).toString().startsWith("mine.md:6: minutes"),
                vm.statusProperty().get().args().toString());
        assertEquals("01-sample", vm.position().lesson(), "the open lesson stays");
        assertEquals(1, vm.lessons().size());
    }

    @Test
    void aTeachersOwnFileIsAddedAndOpened() throws Exception {
        Path mine = dir.resolve("my-lesson.md");
        Files.copy(SAMPLE, mine);
        vm.openFile(mine);
        assertEquals("my-lesson", vm.position().lesson());
        assertEquals(2, vm.lessons().size());
    }
}
