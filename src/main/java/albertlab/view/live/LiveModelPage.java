package albertlab.view.live;

import albertlab.view.common.AppContext;
import albertlab.view.common.LabPage;
import albertlab.viewmodel.live.BuiltInModels;
import albertlab.viewmodel.live.StartModels;
import albertlab.viewmodel.live.FolderModels;
import albertlab.viewmodel.live.LiveModelViewModel;
import albertlab.viewmodel.live.ModelFamily;
import albertlab.viewmodel.live.ModelLoader;
import albertlab.viewmodel.live.WarmUp;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Live Model page: type a sentence and watch a mini ALBERT's attention, hidden states, pre-training heads and
 * timing update as you type.
 */
public final class LiveModelPage implements LabPage {

    static final String ENGLISH_SENTENCE = albertlab.core.session.DefaultState.ENGLISH_SENTENCE;
    static final String CHINESE_SENTENCE = albertlab.core.session.DefaultState.CHINESE_SENTENCE;

    private final AppContext ctx;
    private final ModelLoader loader;
    private final Supplier<List<ModelFamily>> builtIns;
    private final Executor uiThread;
    private LiveModelView view;
    private LiveModelViewModel vm;
    /** Applied before the page was built: shown when it is. */
    private albertlab.core.session.LabState pending;
    private BooleanBinding busy;

    public LiveModelPage(AppContext ctx) {
        this(ctx, FolderModels::load, null, Platform::runLater);
    }

    /**
     * For tests and other start-ups: another loader, other built-in models (null: the built-in model in the
     * language shown when the page is built), another UI executor.
     */
    public LiveModelPage(AppContext ctx, ModelLoader loader, Supplier<List<ModelFamily>> builtIns, Executor uiThread) {
        this.ctx = ctx;
        this.loader = loader;
        this.builtIns = builtIns;
        this.uiThread = uiThread;
    }

    @Override
    public String id() {
        return "live";
    }

    @Override
    public String titleKey() {
        return "live.title";
    }

    @Override
    public Node content() {
        if (view == null) {
            vm = new LiveModelViewModel(ctx.background(), uiThread, loader);
            vm.firstProperty().set(ctx.i18n().isChinese() ? CHINESE_SENTENCE : ENGLISH_SENTENCE);
            view = new LiveModelView(vm, ctx.i18n(), ctx.owner());
            busy = vm.loadingProperty().or(vm.computingProperty()).or(vm.attention().gridComputingProperty())
                    .or(vm.resultProperty().isNull().and(vm.errorProperty().isNull()));
            // the language is read here, on the JavaFX thread; the background thread only builds the models
            BuiltInModels.Vocabulary vocabulary = ctx.i18n().isChinese()
                    ? BuiltInModels.Vocabulary.CHINESE : BuiltInModels.Vocabulary.ENGLISH;
            String sentence = vm.firstProperty().get();
            // warmed up with the models, so the first "last forward pass" figure is not a cold JIT's
            vm.loadBuiltIns(builtIns != null ? builtIns
                    : () -> WarmUp.run(StartModels.create(vocabulary), sentence));
            // a state given before the page existed: its model is shown when the built-in models are in
            if (pending != null) vm.applyOpening(pending.live());
            pending = null;
        }
        return view;
    }

    /** Busy until the first result (or error) is in, and while a model loads or a pass runs. */
    @Override
    public ObservableBooleanValue busyProperty() {
        content();
        return busy;
    }

    /** The view model's error: a failed forward pass or built-in load (the self-test fails on it). */
    @Override
    public ObservableStringValue errorProperty() {
        content();
        return vm.errorProperty();
    }

    /** Shows a model handed over by another page (the Training page's snapshot). */
    public void open(albertlab.viewmodel.live.LiveModel model) {
        content();
        vm.openSnapshot(model);
    }

    @Override
    public void apply(albertlab.core.session.LabState state) {
        if (vm == null) pending = state;
        else vm.applyOpening(state.live());
    }

    /** A page still loading its first model, or showing a training snapshot (not a file), keeps the state's part. */
    @Override
    public albertlab.core.session.LabState capture(albertlab.core.session.LabState state) {
        if (vm == null) return pending == null ? state : state.withLive(pending.live());
        if (vm.familyProperty().get() == null || vm.showsSnapshot()) return state;
        return state.withLive(vm.snapshot());
    }

    /** A Training snapshot has no file: {@link #capture} keeps the state's part, and a save says so. */
    @Override
    public boolean showsUnsavable() {
        return vm != null && vm.showsSnapshot();
    }

    @Override
    public javafx.beans.Observable changes() {
        return vm == null ? null : vm.resultProperty();
    }

    LiveModelViewModel viewModel() {
        return vm;
    }

    LiveModelView view() {
        return view;
    }
}
