package albertlab.view.lesson;

import albertlab.core.lesson.Lesson;
import albertlab.core.lesson.LessonProblem;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.lesson.LessonEntry;
import albertlab.viewmodel.lesson.LessonViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.function.Supplier;

/** The Lessons page: every lesson with its length and progress, the files that could not be read, Open lesson…. */
final class LessonListView extends ScrollPane {

    private final LessonViewModel vm;
    private final I18n i18n;
    private final Supplier<Window> owner;
    private final VBox rows = new VBox(10);
    private final Label status = new Label();

    LessonListView(LessonViewModel vm, I18n i18n, Supplier<Window> owner, String folder) {
        this.vm = vm;
        this.i18n = i18n;
        this.owner = owner;
        setId("lesson-list");
        setFitToWidth(true);
        getStylesheets().add(LessonListView.class.getResource("lesson.css").toExternalForm());
        Label heading = new Label();
        heading.textProperty().bind(i18n.bind("lesson.list.heading"));
        heading.getStyleClass().add("lesson-list-heading");
        Label intro = new Label();
        intro.textProperty().bind(i18n.bind("lesson.list.intro"));
        intro.setWrapText(true);
        Button open = new Button();
        open.setId("lesson-open-file");
        open.textProperty().bind(i18n.bind("lesson.list.openFile"));
        open.setOnAction(e -> chooseFile());
        status.setId("lesson-list-status");
        status.setWrapText(true);
        status.getStyleClass().add("lesson-problem");
        rows.setId("lesson-rows");
        VBox box = new VBox(12, heading, intro, open, status, rows);
        box.getStyleClass().add("lesson-list");
        box.setMaxWidth(900);
        setContent(box);
        Runnable redraw = () -> redraw(folder);
        vm.lessons().addListener((javafx.collections.ListChangeListener<LessonEntry>) c -> redraw.run());
        vm.problems().addListener((javafx.collections.ListChangeListener<LessonProblem>) c -> redraw.run());
        vm.loadingProperty().addListener(x -> redraw.run());
        vm.statusProperty().addListener(x -> redraw.run());
        i18n.localeProperty().addListener(x -> redraw.run());
        redraw.run();
    }

    private String language() {
        return i18n.isChinese() ? "zh" : "en";
    }

    private void redraw(String folder) {
        rows.getChildren().clear();
        status.setText(vm.statusProperty().get() == null ? "" : vm.statusProperty().get().in(i18n));
        if (vm.loadingProperty().get()) {
            rows.getChildren().add(new Label(i18n.get("lesson.list.loading")));
            return;
        }
        if (vm.lessons().isEmpty() && vm.problems().isEmpty()) {
            rows.getChildren().add(new Label(i18n.get("lesson.list.empty", folder)));
        }
        for (LessonEntry e : vm.lessons()) rows.getChildren().add(row(e));
        if (!vm.problems().isEmpty()) {
            Label h = new Label(i18n.get("lesson.list.problems"));
            h.getStyleClass().add("lesson-problem");
            rows.getChildren().add(h);
            for (LessonProblem p : vm.problems()) {
                Label l = new Label(p.getMessage());
                l.setWrapText(true);
                l.getStyleClass().add("lesson-problem");
                String file = p.file().getFileName().toString();
                l.setId("lesson-problem-" + (file.endsWith(".md") ? file.substring(0, file.length() - 3) : file));
                rows.getChildren().add(l);
            }
        }
    }

    private Region row(LessonEntry e) {
        Lesson l = e.in(language());
        Label title = new Label(l.title());
        title.getStyleClass().add("lesson-row-title");
        title.setWrapText(true);
        Label summary = new Label(l.summary());
        summary.setWrapText(true);
        Label length = new Label(i18n.get("lesson.list.steps", l.steps().size(), l.questions(), l.minutes()));
        length.getStyleClass().add("caption");
        int furthest = e.progress().furthestStep();
        boolean finished = e.progress().finished();
        Label progress = new Label(finished ? i18n.get("lesson.list.finished")
                : furthest == 0 ? i18n.get("lesson.list.notStarted")
                : i18n.get("lesson.list.progress", furthest, l.steps().size()));
        progress.setId("lesson-progress-" + e.name());
        if (finished) progress.getStyleClass().add("lesson-row-finished");
        ProgressBar bar = new ProgressBar(finished ? 1 : (double) furthest / l.steps().size());
        bar.setPrefWidth(140);
        Button go = new Button(i18n.get(finished ? "lesson.list.again" : furthest == 0 ? "lesson.list.start"
                : "lesson.list.continue"));
        go.setId("lesson-open-" + e.name());
        go.setOnAction(x -> vm.open(e.name(), finished ? 1 : Math.max(1, furthest)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(12, length, gap, progress, bar, go);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(4, title, summary, bottom);
        row.getStyleClass().add("lesson-row");
        row.setId("lesson-row-" + e.name());
        return row;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("lesson.list.openTitle"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("lesson.list.filter"), "*.md"));
        File f = chooser.showOpenDialog(owner.get());
        if (f != null) vm.openFile(f.toPath());
    }
}
