package albertlab.view.lesson;

import albertlab.view.common.AppContext;
import albertlab.view.common.LabPage;
import albertlab.view.common.StepNavigation;
import albertlab.viewmodel.lesson.LessonViewModel;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Lessons page (the list) and the lesson panel that docks beside the page a lesson drives. The shell connects
 * the view model to itself: a step's state goes through the shell to every page.
 */
public final class LessonsPage implements LabPage {

    public static final String ID = "lessons";

    private final AppContext ctx;
    private final LessonViewModel vm;
    private final Path folder;
    private final LessonHighlight highlight = new LessonHighlight();
    private final javafx.beans.binding.StringBinding error;
    private LessonPanel panel;
    private LessonListView list;
    private LessonNavigation navigation;
    private Consumer<String> showPage = id -> {
    };

    /**
     * @param pageIds the pages a lesson may name
     * @param folder  the lessons' folder
     * @param models  the shipped trained models (their cards give the measured numbers)
     */
    public LessonsPage(AppContext ctx, Set<String> pageIds, Path folder, Path models, Path progressFile) {
        this.ctx = ctx;
        this.folder = folder;
        this.vm = new LessonViewModel(ctx.background(), Platform::runLater, folder, models, progressFile, pageIds);
        vm.languageProperty().set(ctx.i18n().isChinese() ? "zh" : "en");
        ctx.i18n().localeProperty().addListener((o, a, l) -> vm.languageProperty().set(
                ctx.i18n().isChinese() ? "zh" : "en"));
        error = javafx.beans.binding.Bindings.createStringBinding(() -> vm.problems().isEmpty() ? null
                : vm.problems().get(0).getMessage(), vm.problems());
        vm.load();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "lesson.title";
    }

    @Override
    public Node content() {
        if (list == null) list = new LessonListView(vm, ctx.i18n(), ctx.owner(), folder.toString());
        return list;
    }

    @Override
    public void attach(Consumer<String> showPage) {
        this.showPage = showPage;
    }

    /** Busy while the lesson files are read (a screenshot of a step waits for its lesson). */
    @Override
    public ObservableBooleanValue busyProperty() {
        return vm.loadingProperty();
    }

    /**
     * A lesson file that cannot be read: the self-test fails on it, since a shipped lesson must always load (the
     * list still shows the others, with the problem).
     */
    @Override
    public javafx.beans.value.ObservableStringValue errorProperty() {
        return error;
    }

    /** The panel the shell docks beside the pages; visible while a lesson is open. */
    public LessonPanel panel() {
        if (panel == null) {
            panel = new LessonPanel(vm, ctx.i18n(), () -> showPage.accept(ID));
            panel.visibleProperty().bind(vm.lessonProperty().isNotNull());
            panel.managedProperty().bind(panel.visibleProperty());
            vm.stepProperty().addListener((o, a, s) -> highlight.show(panel.getScene(), s == null ? null : s.highlight()));
        }
        return panel;
    }

    /** Frames the step's control again (its page was just shown again). */
    public void rehighlight() {
        if (panel != null && vm.stepProperty().get() != null) {
            highlight.show(panel.getScene(), vm.stepProperty().get().highlight());
        }
    }

    public StepNavigation navigation() {
        if (navigation == null) navigation = new LessonNavigation(vm, ctx.i18n());
        return navigation;
    }

    public LessonViewModel viewModel() {
        return vm;
    }

    /** The control framed now (tests). */
    public Node highlighted() {
        return highlight.framed();
    }
}
