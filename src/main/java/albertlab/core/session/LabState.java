package albertlab.core.session;

import java.util.Objects;
import java.util.Set;

/**
 * Everything a lesson step or a saved session sets, in one immutable value: the page shown, the language and the
 * inputs of the explorer and the live page. Outputs are not stored; they follow from the inputs.
 *
 * @param formatVersion {@link #FORMAT_VERSION} for states made by this version
 * @param page          a page id ("explorer", "live", ...)
 * @param language      "zh" or "en"
 * @param training      the Training page's settings
 * @param lesson        the lesson and step open, or null
 */
public record LabState(int formatVersion, String page, String language, ExplorerState explorer, LiveState live,
                       TrainingState training, LessonPosition lesson) {

    /** Raise when a field changes meaning or a required one is added; readers refuse newer versions. */
    public static final int FORMAT_VERSION = 1;
    public static final Set<String> LANGUAGES = Set.of("zh", "en");

    public LabState {
        if (formatVersion < 1) throw new IllegalArgumentException("formatVersion must be at least 1");
        if (page == null || page.isBlank()) throw new IllegalArgumentException("page must be a page id");
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be \"zh\" or \"en\", got \"" + language + "\"");
        }
        Objects.requireNonNull(explorer, "explorer");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(training, "training");
    }

    /** A state in the current format, with the Training page as it opens and no lesson. */
    public static LabState of(String page, String language, ExplorerState explorer, LiveState live) {
        return new LabState(FORMAT_VERSION, page, language, explorer, live, TrainingState.DEFAULT, null);
    }

    public LabState withPage(String p) {
        return new LabState(formatVersion, p, language, explorer, live, training, lesson);
    }

    public LabState withLesson(LessonPosition l) {
        return new LabState(formatVersion, page, language, explorer, live, training, l);
    }

    public LabState withExplorer(ExplorerState e) {
        return new LabState(formatVersion, page, language, e, live, training, lesson);
    }

    public LabState withLive(LiveState l) {
        return new LabState(formatVersion, page, language, explorer, l, training, lesson);
    }

    public LabState withTraining(TrainingState t) {
        return new LabState(formatVersion, page, language, explorer, live, t, lesson);
    }
}
