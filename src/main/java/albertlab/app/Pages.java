package albertlab.app;

import albertlab.view.common.AppContext;
import albertlab.view.common.LabPage;
import albertlab.view.explorer.ExplorerPage;
import albertlab.view.live.LiveModelPage;
import albertlab.view.training.TrainingPage;

import java.util.List;

/** The pages of the main window, in navigation order (Ctrl+1, Ctrl+2, ...). The one place that lists them. */
public final class Pages {

    private Pages() {
    }

    public static List<LabPage> create(AppContext context) {
        LiveModelPage live = new LiveModelPage(context);
        // the Training page hands its snapshots to the Live page, which the shell then shows
        return List.of(new ExplorerPage(context), live, new TrainingPage(context, live::open, live.id()));
    }
}
