package albertlab.view.live;

import albertlab.core.config.SharingMode;
import albertlab.core.model.InitialWeights;
import albertlab.core.train.Trainer;
import albertlab.view.common.AppContext;
import albertlab.view.common.FxWait;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.live.BuiltInModels;
import albertlab.viewmodel.live.LiveModel;
import albertlab.viewmodel.live.SnapshotModels;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Open in Live Model" on the Training page: the Live page shows the snapshot, names it with its mode and step,
 * keeps only the newest hand-over in its list, and overlays the race's other mode on the hidden states.
 */
@ExtendWith(ApplicationExtension.class)
class LiveSnapshotHandOverTest {

    private final I18n i18n = new I18n(I18n.ENGLISH);
    private LiveModelPage page;

    @Start
    void start(Stage stage) {
        page = new LiveModelPage(new AppContext(i18n, Executors.newSingleThreadExecutor(), () -> stage),
                albertlab.viewmodel.live.FolderModels::load, () -> BuiltInModels.create(BuiltInModels.Vocabulary.ENGLISH),
                javafx.application.Platform::runLater);
        stage.setScene(new Scene((javafx.scene.Parent) page.content(), 1280, 800));
        stage.show();
    }

    private static LiveModel snapshot(long step) {
        var tokenizer = BuiltInModels.family(BuiltInModels.Vocabulary.ENGLISH).member(SharingMode.ALL_SHARED)
                .tokenizer();
        var shape = BuiltInModels.shape(tokenizer.vocabSize());
        List<SharingMode> modes = List.of(SharingMode.ALL_SHARED, SharingMode.NOT_SHARED);
        List<Trainer.Snapshot> snaps = modes.stream().map(m -> new Trainer.Snapshot(step, InitialWeights.draw(
                shape.toBuilder().sharingMode(m).build(), 3, 0.05))).toList();
        return SnapshotModels.create(modes, snaps, SharingMode.ALL_SHARED, tokenizer);
    }

    @Test
    void theLivePageShowsTheNewestSnapshotWithItsTwin(FxRobot robot) {
        FxWait.until(60, () -> page.viewModel().resultProperty().get() != null);
        int before = page.viewModel().families().size();
        LiveModel first = snapshot(120);
        robot.interact(() -> page.open(first));
        FxWait.until(30, () -> page.viewModel().resultProperty().get() != null
                && page.viewModel().resultProperty().get().model() == first
                && !page.viewModel().computingProperty().get());
        assertSame(first, page.viewModel().modelProperty().get());
        ComboBox<?> picker = robot.lookup("#model-picker").queryAs(ComboBox.class);
        String shown = picker.getButtonCell().getText() == null ? "" : picker.getButtonCell().getText();
        assertTrue(shown.contains("Training page · all shared · step 120"), shown);
        // not-shared and all-shared trained in the same run: the hidden-state curves compare them
        assertEquals(2, page.viewModel().curvesProperty().get().size());
        LiveModel second = snapshot(240);
        robot.interact(() -> page.open(second));
        FxWait.until(30, () -> page.viewModel().modelProperty().get() == second);
        assertEquals(before + 1, page.viewModel().families().size(), "only the newest hand-over stays in the list");
    }
}
