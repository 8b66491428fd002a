package albertlab.view.explorer;

import albertlab.view.common.AppContext;
import albertlab.view.common.ChartStyle;
import albertlab.view.common.LabPage;
import albertlab.view.common.LabStyles;
import albertlab.viewmodel.explorer.ParameterExplorerViewModel;
import albertlab.core.session.LabState;
import javafx.scene.Node;

/** The Parameter Explorer as a page of the main window. */
public final class ExplorerPage implements LabPage {

    private final AppContext context;
    private ParameterExplorerViewModel vm;
    /** Applied before the page was built: shown when it is. */
    private LabState pending;
    private Node view;

    public ExplorerPage(AppContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "explorer";
    }

    @Override
    public String titleKey() {
        return "explorer.title";
    }

    @Override
    public Node content() {
        if (view == null) {
            vm = new ParameterExplorerViewModel(context.i18n());
            view = new ParameterExplorerView(vm, ChartStyle.forUi(LabStyles.DEFAULT_SIZE), context.owner());
            if (pending != null) vm.apply(pending.explorer());
            pending = null;
        }
        return view;
    }

    @Override
    public void apply(LabState state) {
        if (vm == null) pending = state;
        else vm.apply(state.explorer());
    }

    @Override
    public LabState capture(LabState state) {
        if (vm == null) return pending == null ? state : state.withExplorer(pending.explorer());
        return state.withExplorer(vm.snapshot());
    }

    @Override
    public javafx.beans.Observable changes() {
        return vm == null ? null : vm.resultProperty();
    }
}
