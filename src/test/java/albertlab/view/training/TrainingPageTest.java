package albertlab.view.training;

import albertlab.core.config.SharingMode;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ModelInput;
import albertlab.core.model.WeightArrays;
import albertlab.core.train.Trainer;
import albertlab.view.common.AppContext;
import albertlab.view.common.Exports;
import albertlab.view.common.FxWait;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.LiveModel;
import albertlab.viewmodel.training.CorpusChoice;
import albertlab.viewmodel.training.TrainingPreset;
import albertlab.viewmodel.training.TrainingRun;
import albertlab.viewmodel.training.TrainingViewModel;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Training page on the corpus slices that ship in assets/corpora, headless: press Start and the loss falls,
 * Pause stops within a step, Step takes exactly one, a four-way race fills four curves and the table, Save writes
 * a folder that opens with the same weights, and Open in Live hands over the snapshot. Both languages.
 * With -Dalbertlab.screenshots=DIR it writes the page before start, during a run, during a race and scrubbed back.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingPageTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "training-test-background");
        t.setDaemon(true);
        return t;
    });
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private final List<LiveModel> handedOver = new ArrayList<>();
    private final List<String> shownPages = new ArrayList<>();
    private Stage stage;
    private TrainingPage page;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (page != null) Platform.runLater(page::shutdown);
        WaitForAsyncUtils.waitForFxEvents();
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    private TrainingViewModel open(FxRobot robot, Locale locale) {
        robot.interact(() -> {
            i18n.setLocale(locale);
            page = new TrainingPage(new AppContext(i18n, background, () -> stage), CorpusChoice::shipped,
                    Platform::runLater, handedOver::add, "live");
            page.attach(shownPages::add);
            stage.setScene(new Scene((Parent) page.content(), 1280, 800));
            stage.show();
        });
        TrainingViewModel vm = page.viewModel();
        FxWait.until(120, () -> vm.stateProperty().get() == TrainingViewModel.State.READY);
        robot.interact(() -> vm.sizes().presetProperty().set(TrainingPreset.TINY));
        return vm;
    }

    private static TrainingRun.Update update(TrainingViewModel vm) {
        return vm.updateProperty().get();
    }

    @Test
    void startPauseAndStepWhileTheLossFalls(FxRobot robot) {
        TrainingViewModel vm = open(robot, I18n.ENGLISH);
        assertEquals("brown", vm.corpusProperty().get().id());
        shot(robot, "training-en-before-start.png");
        robot.clickOn("#training-start");
        FxWait.until(120, () -> update(vm) != null && update(vm).rounds() >= 120);
        robot.clickOn("#training-pause");
        FxWait.until(30, () -> vm.stateProperty().get() == TrainingViewModel.State.PAUSED);
        long paused = update(vm).rounds();
        sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, update(vm).rounds(), "no step after Pause");

        // the MLM loss starts near ln(30,000) = 10.3 and falls as the tiny model learns the word frequencies
        var curve = update(vm).lanes().get(0).curve();
        double first = curve.get(0).mlm();
        double now = curve.subList(curve.size() - 10, curve.size()).stream().mapToDouble(p -> p.mlm()).average()
                .orElseThrow();
        assertTrue(first > 9.5, "first loss " + first);
        assertTrue(now < first - 1.0, "loss " + first + " -> " + now);
        assertFalse(update(vm).probes().isEmpty());
        assertNotNull(vm.heatmapProperty().get());
        assertEquals(5, vm.guessesProperty().get().size());
        assertTrue(text(robot, "#training-steps").equals(String.format(Locale.ROOT, "%,d", paused)));

        robot.clickOn("#training-step");
        FxWait.until(30, () -> update(vm).rounds() == paused + 1);
        sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused + 1, update(vm).rounds(), "Step takes exactly one step");
        assertTrue(robot.lookup("#training-size-H").queryAs(Node.class).isDisabled(), "sizes fixed during a run");

        // the timeline scrubbed back to the first snapshot shows step 0
        robot.interact(() -> vm.timelineIndexProperty().set(0));
        assertEquals(0, vm.shownSnapshotProperty().get().step());
        shot(robot, "training-en-scrubbed-back.png");
        robot.interact(() -> vm.timelineIndexProperty().set(-1));
        robot.clickOn("#training-start"); // Resume
        FxWait.until(60, () -> update(vm).rounds() >= paused + 20);
        shot(robot, "training-en-single-run.png");
        robot.clickOn("#training-reset");
        FxWait.until(10, () -> vm.stateProperty().get() == TrainingViewModel.State.READY);
        assertFalse(robot.lookup("#training-size-H").queryAs(Node.class).isDisabled());
    }

    @Test
    void aFourWayRaceFillsFourCurvesAndTheTable(FxRobot robot) {
        TrainingViewModel vm = open(robot, I18n.ENGLISH);
        for (SharingMode m : SharingMode.values()) {
            CheckBox box = robot.lookup("#training-mode-" + m.cliName()).queryAs(CheckBox.class);
            if (!box.isSelected()) robot.clickOn(box);
        }
        assertEquals(4, vm.plannedRowsProperty().get().size());
        robot.clickOn("#training-start");
        FxWait.until(180, () -> update(vm) != null && update(vm).rounds() >= 40 && vm.sentenceProperty().get() != null);
        robot.clickOn("#training-pause");
        FxWait.until(30, () -> vm.stateProperty().get() == TrainingViewModel.State.PAUSED);
        TrainingRun.Update u = update(vm);
        assertEquals(4, u.lanes().size());
        for (TrainingRun.LaneUpdate l : u.lanes()) {
            assertEquals(u.rounds(), l.last().step(), l.mode() + " took a step every round");
            assertFalse(l.curve().isEmpty());
            String id = l.mode().cliName();
            assertEquals(String.format(Locale.ROOT, "%,d", l.parameters()), text(robot, "#race-params-" + id));
            assertFalse(text(robot, "#race-ms-" + id).equals("–"));
            assertFalse(text(robot, "#race-loss-" + id).equals("–"));
        }
        // sharing stores fewer parameters than not sharing
        long shared = u.lanes().stream().filter(l -> l.mode() == SharingMode.ALL_SHARED).findFirst().orElseThrow()
                .parameters();
        long none = u.lanes().stream().filter(l -> l.mode() == SharingMode.NOT_SHARED).findFirst().orElseThrow()
                .parameters();
        assertTrue(shared < none);
        String sentence = text(robot, "#training-race-sentence");
        assertTrue(sentence.startsWith("all shared stores "), sentence);
        assertTrue(sentence.contains("than not shared"), sentence);
        shot(robot, "training-en-race.png");
    }

    @Test
    void saveThenOpenGivesTheSameWeightsAndOpenInLiveHandsOverTheSnapshot(FxRobot robot, @TempDir Path dir)
            throws Exception {
        TrainingViewModel vm = open(robot, I18n.ENGLISH);
        robot.clickOn("#training-start");
        FxWait.until(120, () -> update(vm) != null && update(vm).rounds() >= 15);
        robot.clickOn("#training-pause");
        FxWait.until(30, () -> vm.stateProperty().get() == TrainingViewModel.State.PAUSED);
        Path folder = dir.resolve("saved");
        robot.interact(() -> vm.saveModel(folder));
        FxWait.until(60, () -> !vm.savingProperty().get() && vm.statusProperty().get() != null);
        assertEquals("training.status.saved", vm.statusProperty().get().key(), vm.statusProperty().get().toString());
        List<Trainer.Snapshot> now = vm.snapshots().get(30, TimeUnit.SECONDS);
        LoadedModel loaded = ModelFolder.load(folder);
        assertTrue(loaded.hasTokenizer());
        List<float[]> saved = WeightArrays.of(loaded.model().weights());
        List<float[]> trained = WeightArrays.of(now.get(0).weights());
        assertEquals(trained.size(), saved.size());
        for (int i = 0; i < saved.size(); i++) assertArrayEquals(trained.get(i), saved.get(i), "array " + i);
        // saving again into the same folder overwrites nothing
        robot.interact(() -> vm.saveModel(folder));
        FxWait.until(60, () -> !vm.savingProperty().get());
        assertEquals("training.status.saveExists", vm.statusProperty().get().key());

        robot.clickOn("#training-open-live");
        FxWait.until(30, () -> !handedOver.isEmpty());
        assertEquals(List.of("live"), shownPages);
        LiveModel live = handedOver.get(0);
        assertEquals("live.model.snapshot.all", live.nameKey());
        ModelInput input = ModelInput.of(2, 100, 200, 3);
        float[] fromLive = live.forward().forward(input, ForwardOptions.DEFAULT).hiddenStates().get(1)[1];
        float[] fromSaved = loaded.model().forward(input, ForwardOptions.DEFAULT).hiddenStates().get(1)[1];
        assertArrayEquals(fromSaved, fromLive, 1e-6f);
    }

    @Test
    void chinesePageTrainsOnThePoetrySlice(FxRobot robot) {
        TrainingViewModel vm = open(robot, I18n.CHINESE);
        assertEquals("poetry", vm.corpusProperty().get().id());
        assertEquals("开始", robot.lookup("#training-start").queryAs(Button.class).getText());
        assertEquals(21_128, vm.loadedProperty().get().tokenizer().vocabSize());
        shot(robot, "training-zh-before-start.png");
        robot.clickOn("#training-start");
        FxWait.until(180, () -> update(vm) != null && update(vm).rounds() >= 40);
        shot(robot, "training-zh-single-run.png");
        robot.clickOn("#training-reset");
        FxWait.until(10, () -> vm.stateProperty().get() == TrainingViewModel.State.READY);
        for (SharingMode m : SharingMode.values()) {
            CheckBox box = robot.lookup("#training-mode-" + m.cliName()).queryAs(CheckBox.class);
            if (!box.isSelected()) robot.clickOn(box);
        }
        robot.clickOn("#training-start");
        FxWait.until(180, () -> update(vm) != null && update(vm).rounds() >= 30 && vm.sentenceProperty().get() != null);
        robot.clickOn("#training-pause");
        FxWait.until(30, () -> vm.stateProperty().get() == TrainingViewModel.State.PAUSED);
        assertEquals(4, update(vm).lanes().size());
        String sentence = text(robot, "#training-race-sentence");
        assertTrue(sentence.startsWith("全部共享存储的参数只有不共享的 1/"), sentence);
        noMissingKeys(robot.lookup(".training-page").queryAs(Parent.class));
        shot(robot, "training-zh-race.png");
        robot.interact(() -> vm.timelineIndexProperty().set(0));
        assertTrue(robot.lookup("#training-follow").queryAs(CheckBox.class).isSelected() == false);
        shot(robot, "training-zh-scrubbed-back.png");
    }

    private static void noMissingKeys(Parent root) {
        for (Node n : root.lookupAll("*")) {
            if (n instanceof Labeled l && l.getText() != null) {
                assertFalse(l.getText().contains("⟨"), "missing key on screen: " + l.getText());
            }
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shot(FxRobot robot, String name) {
        String dir = System.getProperty("albertlab.screenshots");
        if (dir == null) return;
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                Exports.writeNodePng(stage.getScene().getRoot(), Path.of(dir, name), 1.0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
