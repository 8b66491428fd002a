package albertlab.view.live;

import albertlab.view.common.FxWait;
import albertlab.view.common.HeatmapView;
import albertlab.app.AppShell;
import albertlab.view.common.AppContext;
import albertlab.viewmodel.common.I18n;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The first visit in the app's shell, at a projector's text size: selecting a tab must not move the token row or
 * the line under it (it used to drop by a scroll bar's height, so clicks aimed at the tabs missed).
 */
@ExtendWith(ApplicationExtension.class)
class LiveLayoutStabilityTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-layout-test-background");
        t.setDaemon(true);
        return t;
    });
    private LiveModelPage page;
    private AppShell shell;

    @Start
    void start(Stage stage) {
        AppContext ctx = new AppContext(new I18n(I18n.ENGLISH), background, () -> stage);
        page = new LiveModelPage(ctx);
        shell = new AppShell(ctx, List.of(page), stage::close);
        shell.setBaseFontSize(17);
        stage.setScene(new Scene(shell, 1280, 800));
        stage.show();
        shell.select("live");
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private static double sceneY(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n.localToScene(0, 0).getY();
    }

    @Test
    void selectingATabLeavesTheTokenRowAndTabsWhereTheyWere(FxRobot robot) {
        // settled: the page opens on a trained model's example, a second sentence after the first result
        FxWait.until(60, () -> page.viewModel().resultProperty().get() != null
                && !page.viewModel().computingProperty().get()
                && page.viewModel().resultProperty().get().request().first().equals(page.viewModel().firstProperty().get())
                && (page.viewModel().resultProperty().get().input().maskedPosition() >= 0
                    || page.viewModel().resultProperty().get().model().card() == null
                    || !page.viewModel().resultProperty().get().model().card().examples().get(0).correct()));
        robot.interact(() -> { });
        double chips = sceneY(robot, "#token-chips");
        double count = sceneY(robot, "#token-count");
        double tabs = sceneY(robot, "#tab-compute");
        TabPane tabPane = page.view().tabs();
        for (int i = 1; i < tabPane.getTabs().size(); i++) {
            int index = i;
            robot.interact(() -> tabPane.getSelectionModel().select(index));
            FxWait.until(10, () -> true);
            String tab = tabPane.getTabs().get(index).getId();
            assertEquals(chips, sceneY(robot, "#token-chips"), 0.5, "token row after " + tab);
            assertEquals(count, sceneY(robot, "#token-count"), 0.5, "token count after " + tab);
            assertEquals(tabs, sceneY(robot, "#tab-compute"), 0.5, "tab headers after " + tab);
        }
    }

    @Test
    void ctrlPlusGrowsTheHeatmapLabelsWithTheRestOfThePage(FxRobot robot) {
        FxWait.until(60, () -> page.viewModel().resultProperty().get() != null);
        HeatmapView heatmap = page.view().attention().heatmap();
        assertEquals(0.8 * 17, heatmap.labelFontSize(), 1e-9);
        robot.interact(() -> shell.fontSizeProperty().set(23));
        FxWait.until(10, () -> true);
        assertEquals(0.8 * 23, heatmap.labelFontSize(), 1e-9);
        assertEquals(23, robot.lookup("#token-count").queryAs(javafx.scene.control.Label.class).getFont().getSize(),
                1e-9, "the rest of the page at the same size");
    }
}
