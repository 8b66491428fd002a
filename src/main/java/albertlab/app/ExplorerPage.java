package albertlab.app;

import albertlab.view.ChartStyle;
import albertlab.view.LabStyles;
import albertlab.view.ParameterExplorerView;
import albertlab.viewmodel.ParameterExplorerViewModel;
import javafx.scene.Node;

/** The Parameter Explorer as a page of the main window. */
final class ExplorerPage implements LabPage {

    private final AppContext context;

    ExplorerPage(AppContext context) {
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
        return new ParameterExplorerView(new ParameterExplorerViewModel(context.i18n()),
                ChartStyle.forUi(LabStyles.DEFAULT_SIZE), context.owner());
    }
}
