package albertlab.view.training;

import albertlab.view.common.AppContext;
import albertlab.view.common.LabPage;
import albertlab.viewmodel.live.LiveModel;
import albertlab.viewmodel.training.CorpusChoice;
import albertlab.viewmodel.training.TrainingViewModel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Training page: press Start and watch a mini ALBERT learn on real text, or race the four sharing modes on the
 * same batches, and see that sharing cuts the parameters while the time per step stays.
 */
public final class TrainingPage implements LabPage {

    static final String ENGLISH_PROBE = albertlab.core.session.DefaultState.ENGLISH_PROBE;
    static final String CHINESE_PROBE = albertlab.core.session.DefaultState.CHINESE_PROBE;

    private final AppContext ctx;
    private final Supplier<List<CorpusChoice>> corpora;
    private final Executor uiThread;
    private final Consumer<LiveModel> toLivePage;
    private final String livePageId;
    private Consumer<String> showPage = id -> {
    };
    private TrainingViewModel vm;
    /** Applied before the page was built: shown when it is. */
    private albertlab.core.session.LabState pending;
    private TrainingView view;
    private BooleanBinding busy;
    private StringBinding error;

    /**
     * @param toLivePage puts a snapshot on the Live page (the app wires it to that page)
     * @param livePageId the page shown after a hand-over
     */
    public TrainingPage(AppContext ctx, Consumer<LiveModel> toLivePage, String livePageId) {
        this(ctx, CorpusChoice::shipped, Platform::runLater, toLivePage, livePageId);
    }

    /** For tests: other corpora and another UI executor. */
    public TrainingPage(AppContext ctx, Supplier<List<CorpusChoice>> corpora, Executor uiThread,
                        Consumer<LiveModel> toLivePage, String livePageId) {
        this.ctx = ctx;
        this.corpora = corpora;
        this.uiThread = uiThread;
        this.toLivePage = toLivePage;
        this.livePageId = livePageId;
    }

    @Override
    public void attach(Consumer<String> showPage) {
        this.showPage = showPage;
    }

    @Override
    public String id() {
        return "training";
    }

    @Override
    public String titleKey() {
        return "training.title";
    }

    @Override
    public Node content() {
        if (view == null) {
            vm = new TrainingViewModel(ctx.background(), uiThread);
            vm.setLiveHandOff(model -> {
                toLivePage.accept(model);
                showPage.accept(livePageId);
            });
            boolean chinese = ctx.i18n().isChinese();
            vm.probeProperty().set(chinese ? CHINESE_PROBE : ENGLISH_PROBE);
            view = new TrainingView(vm, ctx.i18n(), ctx.owner());
            busy = Bindings.createBooleanBinding(() -> vm.stateProperty().get() == TrainingViewModel.State.NO_CORPUS
                    && !vm.statusIsErrorProperty().get(), vm.stateProperty(), vm.statusIsErrorProperty());
            error = Bindings.createStringBinding(() -> vm.stateProperty().get() == TrainingViewModel.State.NO_CORPUS
                            && vm.statusIsErrorProperty().get() && vm.statusProperty().get() != null
                            ? vm.statusProperty().get().in(ctx.i18n()) : null,
                    vm.stateProperty(), vm.statusIsErrorProperty(), vm.statusProperty(), ctx.i18n().localeProperty());
            vm.addCorpora(corpora.get(), chinese ? "zh" : "en");
            if (pending != null) vm.apply(pending.training());
            pending = null;
        }
        return view;
    }

    /** Busy while the corpus is being read: a screenshot waits for the page to be ready to start. */
    @Override
    public ObservableBooleanValue busyProperty() {
        content();
        return busy;
    }

    /** A corpus that cannot be read is the page's error (the self-test fails on it). */
    @Override
    public ObservableStringValue errorProperty() {
        content();
        return error;
    }

    @Override
    public String unsavedWork() {
        if (vm == null || vm.unsavedSeconds() < TrainingViewModel.UNSAVED_SECONDS) return null;
        return ctx.i18n().get("training.unsaved", albertlab.viewmodel.common.Numbers.clock(vm.unsavedSeconds()));
    }

    @Override
    public void shutdown() {
        if (vm != null) vm.shutdown();
    }

    @Override
    public void apply(albertlab.core.session.LabState state) {
        if (vm == null) pending = state;
        else vm.apply(state.training());
    }

    @Override
    public albertlab.core.session.LabState capture(albertlab.core.session.LabState state) {
        if (vm == null) return pending == null ? state : state.withTraining(pending.training());
        return state.withTraining(vm.snapshot());
    }

    @Override
    public javafx.beans.Observable changes() {
        return vm == null ? null : vm.plannedRowsProperty();
    }

    TrainingViewModel viewModel() {
        return vm;
    }

    TrainingView view() {
        return view;
    }
}
