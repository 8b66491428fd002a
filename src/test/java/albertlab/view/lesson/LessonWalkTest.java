package albertlab.view.lesson;

import albertlab.app.AppShell;
import albertlab.app.Pages;
import albertlab.core.io.AppResources;
import albertlab.core.lesson.Answers;
import albertlab.core.lesson.Lesson;
import albertlab.core.lesson.LessonStep;
import albertlab.core.lesson.LessonValue;
import albertlab.core.lesson.LessonValues;
import albertlab.core.lesson.Placeholders;
import albertlab.core.lesson.Question;
import albertlab.core.session.LabState;
import albertlab.core.train.TrainedModelCard;
import albertlab.view.common.AppContext;
import albertlab.view.common.Exports;
import albertlab.view.common.FxWait;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.lesson.LessonEntry;
import albertlab.viewmodel.lesson.LessonViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every step of every shipped lesson, in both languages, through the real app: the step's state applies and the
 * page shows it, its control is framed, every placeholder fills in, and its question's answer (typed or chosen in
 * the panel) is accepted. With -Dalbertlab.screenshots=DIR it writes a picture of every step.
 */
@ExtendWith(ApplicationExtension.class)
class LessonWalkTest {

    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "lesson-walk-background");
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

    private AppShell open(FxRobot robot, Locale locale) {
        I18n i18n = new I18n(locale);
        AppContext ctx = new AppContext(i18n, background, () -> stage);
        AppShell[] shell = new AppShell[1];
        robot.interact(() -> {
            shell[0] = new AppShell(ctx, Pages.create(ctx), stage::close);
            stage.setScene(new Scene(shell[0], 1280, 800));
            stage.show();
            shell[0].select("explorer");
        });
        FxWait.until(30, () -> !shell[0].lessons().viewModel().loadingProperty().get());
        return shell[0];
    }

    @Test
    void everyStepOfEveryLessonAppliesFillsInAndAcceptsItsAnswerInEnglish(FxRobot robot) throws Exception {
        walk(robot, I18n.ENGLISH, "en");
    }

    @Test
    void everyStepOfEveryLessonAppliesFillsInAndAcceptsItsAnswerInChinese(FxRobot robot) throws Exception {
        walk(robot, I18n.CHINESE, "zh");
    }

    private void walk(FxRobot robot, Locale locale, String language) throws Exception {
        AppShell shell = open(robot, locale);
        LessonViewModel vm = shell.lessons().viewModel();
        assertTrue(vm.problems().isEmpty(), "every shipped lesson loads: " + vm.problems());
        assertFalse(vm.lessons().isEmpty(), "lessons ship in " + AppResources.lessons());
        String dir = System.getProperty("albertlab.screenshots");
        List<String> failures = new ArrayList<>();
        for (LessonEntry e : List.copyOf(vm.lessons())) {
            Lesson lesson = e.in(language);
            for (int i = 0; i < lesson.steps().size(); i++) {
                LessonStep step = lesson.steps().get(i);
                String where = lesson.name() + " step " + (i + 1);
                int n = i + 1;
                robot.interact(() -> vm.open(lesson.name(), n));
                FxWait.until(60, () -> !shell.currentProperty().get().busyProperty().get());
                WaitForAsyncUtils.waitForFxEvents();
                LabState expected = step.state();
                LabState shown = fx(shell::state);
                assertEquals(expected.page(), shell.currentProperty().get().id(), where + ": the page");
                assertEquals(expected.explorer(), shown.explorer(), where + ": the explorer shows the step's inputs");
                assertEquals(expected.live(), shown.live(), where + ": the Live page shows the step's inputs");
                assertEquals(expected.training(), shown.training(), where + ": the Training page's settings");
                Scene scene = stage.getScene();
                if (step.highlight() != null) {
                    Node framed = shell.lessons().highlighted();
                    assertNotNull(framed, where + ": #" + step.highlight() + " is on the page and framed");
                    assertEquals(step.highlight(), framed.getId(), where);
                }
                for (String id : step.controls()) {
                    if (scene.lookup("#" + id) == null) failures.add(where + ": no control #" + id + " on its page");
                }
                Map<String, LessonValue> live = vm.valuesProperty().get();
                Map<String, LessonValue> fromStep = LessonValues.of(expected, card(expected), twin(expected));
                for (String p : vm.textProperty().get()) {
                    if (p.contains(Placeholders.MISSING) || p.contains("{")) failures.add(where + ": unfilled: " + p);
                }
                Question q = step.question();
                if (q != null) answerInThePanel(robot, scene, q, live, fromStep, where, failures);
                if (dir != null) {
                    // tables and charts fill in a pulse or two after their data
                    WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
                    WaitForAsyncUtils.waitForFxEvents();
                    Path out = Path.of(dir, "lesson-" + lesson.name() + "-" + language + "-step-" + n + ".png");
                    Files.createDirectories(out.getParent());
                    robot.interact(() -> {
                        try {
                            Exports.writeNodePng(scene.getRoot(), out, 1.0);
                        } catch (java.io.IOException x) {
                            throw new java.io.UncheckedIOException(x);
                        }
                    });
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private void answerInThePanel(FxRobot robot, Scene scene, Question q, Map<String, LessonValue> live,
                                  Map<String, LessonValue> fromStep, String where, List<String> failures) {
        if (q.kind() == Question.Kind.NUMBER) {
            double now = Answers.expected(q, live);
            double planned = Answers.expected(q, fromStep);
            assertEquals(planned, now, Math.abs(planned) * 1e-12, where + ": the answer is the live computation's");
            String answer = q.answer().startsWith("{") ? Placeholders.fill(q.answer(), live) : q.answer();
            robot.interact(() -> {
                ((TextField) scene.lookup("#lesson-answer")).setText(answer);
                ((Button) scene.lookup("#lesson-check")).fire();
            });
        } else {
            robot.interact(() -> {
                ((RadioButton) scene.lookup("#lesson-choice-" + (q.rightChoice() + 1))).setSelected(true);
                ((Button) scene.lookup("#lesson-check")).fire();
            });
        }
        Label feedback = (Label) scene.lookup("#lesson-feedback");
        if (feedback == null || !feedback.getStyleClass().contains("lesson-right")) {
            failures.add(where + ": the right answer was not accepted: " + (feedback == null ? "no feedback"
                    : feedback.getText()));
        }
    }

    private static final Map<String, TrainedModelCard> CARDS = new java.util.HashMap<>();

    private static TrainedModelCard card(LabState s) throws Exception {
        return read(s.live().trainedModel());
    }

    private static TrainedModelCard twin(LabState s) throws Exception {
        TrainedModelCard c = card(s);
        return c == null ? null : read(c.twinOf());
    }

    private static TrainedModelCard read(String name) throws Exception {
        if (name == null) return null;
        if (!CARDS.containsKey(name)) {
            CARDS.put(name, TrainedModelCard.read(AppResources.assets().resolve("models").resolve(name)));
        }
        return CARDS.get(name);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }
}
