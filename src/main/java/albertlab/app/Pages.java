package albertlab.app;

import albertlab.core.io.AppHome;
import albertlab.core.io.AppResources;
import albertlab.view.common.AppContext;
import albertlab.view.lesson.LessonsPage;
import albertlab.viewmodel.live.TrainedModels;
import albertlab.view.common.LabPage;
import albertlab.view.explorer.ExplorerPage;
import albertlab.view.live.LiveModelPage;
import albertlab.view.training.TrainingPage;

import java.util.List;

/** The pages of the main window, in navigation order (Ctrl+1, Ctrl+2, ...). The one place that lists them. */
public final class Pages {

    /** Where lesson progress is kept, in {@link AppHome}. */
    public static final String LESSON_PROGRESS = "lesson-progress.json";

    private Pages() {
    }

    public static List<LabPage> create(AppContext context) {
        LiveModelPage live = new LiveModelPage(context);
        // the Training page hands its snapshots to the Live page, which the shell then shows
        List<LabPage> instruments = List.of(new ExplorerPage(context), live,
                new TrainingPage(context, live::open, live.id()));
        LessonsPage lessons = new LessonsPage(context,
                instruments.stream().map(LabPage::id).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                AppResources.lessons(), AppResources.assets().resolve(TrainedModels.FOLDER),
                AppHome.file(LESSON_PROGRESS));
        List<LabPage> all = new java.util.ArrayList<>(instruments);
        all.add(lessons);
        return List.copyOf(all);
    }
}
