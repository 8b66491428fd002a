package albertlab.app;

import java.util.List;

/** The pages of the main window, in navigation order (Ctrl+1, Ctrl+2, ...). The one place that lists them. */
public final class Pages {

    private Pages() {
    }

    public static List<LabPage> create(AppContext context) {
        return List.of(
                new ExplorerPage(context)
                // next: the Live Model page (id "live", from albertlab.view.live), added here after merging
        );
    }
}
