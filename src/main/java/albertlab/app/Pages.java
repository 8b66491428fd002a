package albertlab.app;

import albertlab.view.common.AppContext;
import albertlab.view.common.LabPage;
import albertlab.view.explorer.ExplorerPage;
import albertlab.view.live.LiveModelPage;

import java.util.List;

/** The pages of the main window, in navigation order (Ctrl+1, Ctrl+2, ...). The one place that lists them. */
public final class Pages {

    private Pages() {
    }

    public static List<LabPage> create(AppContext context) {
        return List.of(
                new ExplorerPage(context),
                new LiveModelPage(context)
        );
    }
}
