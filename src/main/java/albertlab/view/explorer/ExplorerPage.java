package albertlab.view.explorer;

import albertlab.view.common.AppContext;
import albertlab.view.common.ChartStyle;
import albertlab.view.common.LabPage;
import albertlab.view.common.LabStyles;
import albertlab.viewmodel.explorer.ParameterExplorerViewModel;
import javafx.scene.Node;

/** The Parameter Explorer as a page of the main window. */
public final class ExplorerPage implements LabPage {

    private final AppContext context;

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
        return new ParameterExplorerView(new ParameterExplorerViewModel(context.i18n()),
                ChartStyle.forUi(LabStyles.DEFAULT_SIZE), context.owner());
    }
}
