package albertlab.app;

import albertlab.view.common.AppContext;
import albertlab.view.common.LabPage;
import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import albertlab.view.live.LiveModelPage;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.KnownTraces;
import albertlab.viewmodel.live.LiveModel;
import albertlab.viewmodel.live.ModelFamily;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window: language switch from the menu, keyboard navigation, and the self-test's verdicts. */
@ExtendWith(ApplicationExtension.class)
class AppShellTest {

    private I18n i18n;
    private AppShell shell;
    private Scene scene;

    @Start
    void start(Stage stage) {
        i18n = new I18n(I18n.ENGLISH);
        AppContext ctx = new AppContext(i18n, Executors.newSingleThreadExecutor(), () -> stage);
        List<LabPage> pages = List.of(Pages.create(ctx).get(0), new TestPage("second", false));
        shell = new AppShell(ctx, pages, stage::close);
        scene = new Scene(shell, 1280, 800);
        stage.setScene(scene);
        stage.show();
        shell.show("explorer");
    }

    @Test
    void theLanguageMenuSwitchesEveryVisibleStringWithoutRestart(FxRobot robot) {
        ToggleButton nav = robot.lookup("#nav-explorer").queryAs(ToggleButton.class);
        assertEquals("Parameter Explorer", nav.getText());
        assertEquals("Start from a known model", firstSectionHeading(robot));
        robot.clickOn("Language").clickOn("简体中文");
        assertEquals("参数探索器", nav.getText());
        assertEquals("从已知模型开始", firstSectionHeading(robot));
        assertEquals("词嵌入参数减少到 1/5.85", robot.lookup("#saving").queryAs(Label.class).getText().replace('\u00a0', ' '));
        robot.clickOn("语言(L)").clickOn("English");
        assertEquals("Parameter Explorer", nav.getText());
    }

    @Test
    void ctrlDigitsAndCtrlTabMoveBetweenPages(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertEquals("second", shell.currentProperty().get().id());
        robot.press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        assertEquals("explorer", shell.currentProperty().get().id());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("second", shell.currentProperty().get().id());
    }

    @Test
    void selfTestPassesWhenEveryPageShowsAndFailsWhenOneThrows(FxRobot robot) {
        assertEquals(0, runSelfTest(robot, List.of(new TestPage("fine", false))));
        assertEquals(1, runSelfTest(robot, List.of(new TestPage("fine", false), new TestPage("broken", true))));
    }

    @Test
    void selfTestFailsWhenALivePageForwardPassThrows(FxRobot robot) {
        ModelFamily good = KnownTraces.family(new AtomicInteger());
        Map<SharingMode, LiveModel> members = new EnumMap<>(SharingMode.class);
        good.members().forEach((mode, m) -> members.put(mode, new LiveModel(m.nameKey(), m.nameArg(), m.config(),
                m.tokenizer(), (in, options) -> {
                    throw new IllegalStateException("forward pass broken on purpose");
                }, m.hasMlmHead(), m.hasSopHead(), m.untrained(), m.sibling(), m.siblingsComparable())));
        ModelFamily broken = new ModelFamily(good.nameKey(), good.nameArg(), members, good.defaultMode());
        AppContext ctx = new AppContext(i18n, Executors.newSingleThreadExecutor(), () -> scene.getWindow());
        LabPage live = new LiveModelPage(ctx, folder -> {
            throw new CheckpointException(folder, "not used");
        }, () -> List.of(broken), javafx.application.Platform::runLater);
        StringBuilder out = new StringBuilder();
        assertEquals(1, runSelfTest(robot, List.of(new TestPage("fine", false), live), out));
        assertTrue(out.toString().contains("self-test: page live FAILED: its work failed: forward pass broken on purpose"),
                out.toString());
    }

    @Test
    void aPageThatFailsToBuildSaysSoInTheUsersLanguageWithoutAJavaClassName(FxRobot robot) {
        java.util.concurrent.atomic.AtomicReference<String> shown = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            AppContext ctx = new AppContext(i18n, Executors.newSingleThreadExecutor(), () -> scene.getWindow());
            AppShell other = new AppShell(ctx, List.of(new TestPage("fine", false), new TestPage("broken", true)),
                    () -> { });
            java.io.PrintStream before = System.err;
            System.setErr(new PrintStream(new ByteArrayOutputStream())); // the stack trace goes here
            try {
                other.select("broken");
            } finally {
                System.setErr(before);
            }
            shown.set(((Label) other.pageContent()).getText());
        });
        assertEquals("The page \"ALBERT Lab\" could not be shown: an internal error (please report it; the details"
                + " are in the error output)", shown.get());
    }

    private int runSelfTest(FxRobot robot, List<LabPage> pages) {
        return runSelfTest(robot, pages, new StringBuilder());
    }

    private int runSelfTest(FxRobot robot, List<LabPage> pages, StringBuilder printed) {
        AtomicInteger status = new AtomicInteger(-1);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        robot.interact(() -> {
            AppContext ctx = new AppContext(i18n, Executors.newSingleThreadExecutor(), () -> scene.getWindow());
            AppShell other = new AppShell(ctx, pages, () -> { });
            scene.setRoot(other);
            new SelfTest(other, scene, new PrintStream(lines, true, StandardCharsets.UTF_8), status::set).start();
        });
        for (int i = 0; i < 500 && status.get() < 0; i++) WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        String out = lines.toString(StandardCharsets.UTF_8);
        printed.append(out);
        assertTrue(out.contains("self-test: page fine ok"), out);
        return status.get();
    }

    private static String firstSectionHeading(FxRobot robot) {
        return robot.lookup(".section-heading").queryAs(Label.class).getText();
    }

    /** A page that shows a label, or throws while being built. */
    private record TestPage(String id, boolean broken) implements LabPage {
        @Override
        public String titleKey() {
            return "app.title";
        }

        @Override
        public Node content() {
            if (broken) throw new IllegalStateException("this page is broken on purpose");
            return new Label(id);
        }
    }
}
