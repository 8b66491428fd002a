package albertlab.view.lesson;

import albertlab.app.AppShell;
import albertlab.core.io.AppResources;
import albertlab.view.common.AppContext;
import albertlab.view.common.FxWait;
import albertlab.view.common.LabPage;
import albertlab.view.explorer.ExplorerPage;
import albertlab.view.live.LiveModelPage;
import albertlab.view.training.TrainingPage;
import albertlab.viewmodel.common.I18n;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Lessons page and panel, clicked as a student would, on a folder with a teacher's broken lesson in it. */
@ExtendWith(ApplicationExtension.class)
class LessonsPageTest {

    private static final Path SAMPLE = Path.of("src/test/resources/lessons/good/01-sample.md");

    @TempDir
    Path dir;
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "lessons-page-test");
        t.setDaemon(true);
        return t;
    });
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    // the pool is not shut down after a test: its daemon threads end with the JVM, and a page of this test
    // that is still loading would otherwise hand work to a closed pool while the next test runs

    private AppShell open(FxRobot robot, I18n i18n) throws Exception {
        Path folder = dir.resolve("lessons");
        if (!Files.exists(folder)) {
            Files.createDirectories(folder);
            Files.copy(SAMPLE, folder.resolve("01-sample.md"));
            Files.writeString(folder.resolve("02-broken.md"), Files.readString(SAMPLE).replace("page: live",
                    "page: moon"));
            Files.copy(SAMPLE, folder.resolve("03-again.md"));
        }
        AppContext ctx = new AppContext(i18n, background, () -> stage);
        AppShell[] shell = new AppShell[1];
        robot.interact(() -> {
            LiveModelPage live = new LiveModelPage(ctx);
            List<LabPage> pages = List.of(new ExplorerPage(ctx), live, new TrainingPage(ctx, live::open, live.id()),
                    new LessonsPage(ctx, Set.of("explorer", "live", "training"), folder,
                            AppResources.assets().resolve("models"), dir.resolve("home/progress.json")));
            shell[0] = new AppShell(ctx, pages, stage::close);
            stage.setScene(new Scene(shell[0], 1280, 800));
            stage.show();
            shell[0].select("explorer");
        });
        FxWait.until(30, () -> !shell[0].lessons().viewModel().loadingProperty().get());
        return shell[0];
    }

    @Test
    void theListShowsEachLessonAndTheBrokenOnesProblemAndAStudentCanWorkThrough(FxRobot robot) throws Exception {
        AppShell shell = open(robot, new I18n(I18n.ENGLISH));
        robot.clickOn("#menu-help").clickOn("#menu-lessons");
        assertEquals(LessonsPage.ID, shell.currentProperty().get().id());
        assertNotNull(robot.lookup("#lesson-row-01-sample").query());
        assertNotNull(robot.lookup("#lesson-row-03-again").query());
        Label problem = robot.lookup("#lesson-problem-02-broken").queryAs(Label.class);
        assertTrue(problem.getText().startsWith("02-broken.md:53: no page \"moon\""), problem.getText());
        assertEquals("Not started", robot.lookup("#lesson-progress-01-sample").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#lesson-panel").query().isVisible(), "no lesson open yet");

        robot.clickOn("#lesson-open-01-sample");
        FxWait.until(30, () -> "explorer".equals(shell.currentProperty().get().id()));
        assertTrue(robot.lookup("#lesson-panel").query().isVisible());
        assertEquals("Step 1 of 2", robot.lookup("#lesson-position").queryAs(Label.class).getText());
        FxWait.until(10, () -> shell.lessons().highlighted() != null);
        assertEquals("field-E", shell.lessons().highlighted().getId());
        assertTrue(shell.lessons().highlighted().getStyleClass().contains("lesson-highlight"));

        // the student explores: E becomes 256, and the lesson's numbers follow
        TextField e = robot.lookup("#field-E").queryAs(TextField.class);
        robot.interact(() -> {
            e.setText("256");
            e.getOnAction().handle(null);
        });
        FxWait.until(10, () -> robot.lookup("#lesson-paragraph-2").queryAs(Label.class).getText()
                .equals("ALBERT stores 5,572,608."));
        // a typed answer is checked against what the app shows now
        robot.clickOn("#lesson-answer").write("5572608").clickOn("#lesson-check");
        Label feedback = robot.lookup("#lesson-feedback").queryAs(Label.class);
        assertTrue(feedback.getStyleClass().contains("lesson-right"), feedback.getText());
        assertEquals("5572608", robot.lookup("#lesson-answer").queryAs(TextField.class).getText(),
                "the typed answer stays");

        robot.clickOn("#lesson-restore");
        FxWait.until(10, () -> "128".equals(robot.lookup("#field-E").queryAs(TextField.class).getText()));
        assertEquals("ALBERT stores 2,786,304.", robot.lookup("#lesson-paragraph-2").queryAs(Label.class).getText());

        robot.clickOn("#lesson-next");
        FxWait.until(30, () -> "live".equals(shell.currentProperty().get().id()));
        assertEquals("Step 2 of 2", robot.lookup("#lesson-position").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#lesson-next").queryAs(Button.class).isDisabled());
        javafx.scene.control.RadioButton notShared = robot.lookup("#lesson-choice-2")
                .queryAs(javafx.scene.control.RadioButton.class);
        robot.interact(() -> {
            notShared.setSelected(true);
            robot.lookup("#lesson-check").queryAs(Button.class).fire();
        });
        assertEquals("Yes.", robot.lookup("#lesson-feedback").queryAs(Label.class).getText());

        robot.interact(() -> robot.lookup("#lesson-all").queryAs(Button.class).fire());
        assertEquals(LessonsPage.ID, shell.currentProperty().get().id());
        assertEquals("Finished", robot.lookup("#lesson-progress-01-sample").queryAs(Label.class).getText());
        // folded away on a narrow window, and open again
        robot.interact(() -> robot.lookup("#lesson-hide").queryAs(Button.class).fire());
        assertTrue(robot.lookup("#lesson-show").tryQuery().isPresent());
        assertTrue(robot.lookup("#lesson-text").tryQuery().isEmpty(), "the text is folded away");
        robot.interact(() -> robot.lookup("#lesson-show").queryAs(Button.class).fire());
        assertTrue(robot.lookup("#lesson-text").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#lesson-close").queryAs(Button.class).fire());
        assertFalse(robot.lookup("#lesson-panel").query().isVisible());
    }

    @Test
    void aSavedStateReopensItsLessonAtItsStep(FxRobot robot) throws Exception {
        AppShell shell = open(robot, new I18n(I18n.ENGLISH));
        robot.interact(() -> shell.lessons().viewModel().open("01-sample", 2));
        FxWait.until(30, () -> !shell.currentProperty().get().busyProperty().get());
        albertlab.core.session.LabState saved = org.testfx.util.WaitForAsyncUtils.asyncFx(shell::state).get();
        assertEquals(new albertlab.core.session.LessonPosition("01-sample", 2), saved.lesson());
        robot.interact(() -> shell.lessons().viewModel().close());
        assertFalse(robot.lookup("#lesson-panel").query().isVisible());
        robot.interact(() -> shell.apply(saved));
        assertTrue(robot.lookup("#lesson-panel").query().isVisible());
        assertEquals("Step 2 of 2", robot.lookup("#lesson-position").queryAs(Label.class).getText());
        robot.interact(() -> shell.apply(saved.withLesson(null)));
        assertFalse(robot.lookup("#lesson-panel").query().isVisible(), "a state without a lesson closes it");
    }

    @Test
    void progressIsShownAgainInTheNextRunAndInChinese(FxRobot robot) throws Exception {
        AppShell first = open(robot, new I18n(I18n.ENGLISH));
        robot.interact(() -> first.lessons().viewModel().open("03-again", 1));
        FxWait.until(30, () -> Files.exists(dir.resolve("home/progress.json")));
        AppShell again = open(robot, new I18n(I18n.CHINESE));
        robot.interact(() -> again.select(LessonsPage.ID));
        assertEquals("已到第 1 步（共 2 步）", robot.lookup("#lesson-progress-03-again").queryAs(Label.class).getText());
        assertEquals("继续", robot.lookup("#lesson-open-03-again").queryAs(Button.class).getText());
    }
}
