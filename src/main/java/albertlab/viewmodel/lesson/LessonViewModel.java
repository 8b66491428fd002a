package albertlab.viewmodel.lesson;

import albertlab.core.io.CheckpointException;
import albertlab.core.lesson.Answers;
import albertlab.core.lesson.Lesson;
import albertlab.core.lesson.LessonFile;
import albertlab.core.lesson.LessonLibrary;
import albertlab.core.lesson.LessonProblem;
import albertlab.core.lesson.LessonProgress;
import albertlab.core.lesson.LessonStep;
import albertlab.core.lesson.LessonValue;
import albertlab.core.lesson.LessonValues;
import albertlab.core.lesson.Placeholders;
import albertlab.core.lesson.Question;
import albertlab.core.session.LabState;
import albertlab.core.session.LessonPosition;
import albertlab.core.train.TrainedModelCard;
import albertlab.viewmodel.common.LatestOnlyRunner;
import albertlab.viewmodel.common.Message;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The lessons: the list with each one's progress, and the open lesson: its step, the step's text with the live
 * numbers filled in, its question and the feedback. Opening a step applies its state to the app (through
 * {@code applier}); the student may then explore freely, and {@link #backToStep} applies it again.
 */
public final class LessonViewModel {

    /** A wrong number answer twice in a row: the feedback then gives the answer. */
    static final int TRIES_BEFORE_ANSWER = 2;

    private final Executor background;
    private final Executor uiThread;
    private final LatestOnlyRunner loader;
    private final Path lessonsFolder;
    private final Path progressFile;
    private final Set<String> pageIds;
    private final CardShelf cards;
    private final ObservableList<LessonEntry> lessons = FXCollections.observableArrayList();
    private final ObservableList<LessonProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObjectProperty<String> language = new SimpleObjectProperty<>(this, "language", "en");
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyIntegerWrapper stepIndex = new ReadOnlyIntegerWrapper(this, "stepIndex", -1);
    private final ReadOnlyObjectWrapper<LessonStep> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ReadOnlyObjectWrapper<List<String>> text = new ReadOnlyObjectWrapper<>(this, "text", List.of());
    private final ReadOnlyObjectWrapper<Question> question = new ReadOnlyObjectWrapper<>(this, "question");
    private final ReadOnlyObjectWrapper<Map<String, LessonValue>> values = new ReadOnlyObjectWrapper<>(this, "values",
            Map.of());
    private final ReadOnlyObjectWrapper<Feedback> feedback = new ReadOnlyObjectWrapper<>(this, "feedback");
    private final ReadOnlyBooleanWrapper hintShown = new ReadOnlyBooleanWrapper(this, "hintShown");
    private final ReadOnlyObjectWrapper<Message> status = new ReadOnlyObjectWrapper<>(this, "status");
    private LessonProgress progress = LessonProgress.empty();
    private final java.util.concurrent.atomic.AtomicReference<LessonProgress> unwritten =
            new java.util.concurrent.atomic.AtomicReference<>();
    private Map<String, Lesson> open;
    private int wrongTries;
    private Consumer<LabState> applier = s -> {
    };
    private Supplier<LabState> shown;
    private LessonPosition afterLoad;

    /**
     * What the student's answer got, the question's own feedback text (null when the answer was not a number, or
     * the app has no value now), and the answer itself once the student has missed it {@link #TRIES_BEFORE_ANSWER}
     * times (else null).
     */
    public record Feedback(Answers.Verdict verdict, String text, String answer) {
        public boolean right() {
            return verdict == Answers.Verdict.RIGHT;
        }
    }

    /**
     * @param lessonsFolder the app's {@code lessons/}
     * @param modelsFolder  the shipped trained models, whose cards give the {@code card.*} numbers
     * @param progressFile  where progress is kept between runs
     * @param pageIds       the app's pages (a lesson naming another is refused)
     */
    public LessonViewModel(Executor background, Executor uiThread, Path lessonsFolder, Path modelsFolder,
                           Path progressFile, Set<String> pageIds) {
        this.background = background;
        this.uiThread = uiThread;
        this.loader = new LatestOnlyRunner(background, uiThread);
        this.lessonsFolder = lessonsFolder;
        this.progressFile = progressFile;
        this.pageIds = Set.copyOf(pageIds);
        this.cards = new CardShelf(modelsFolder);
        language.addListener((o, a, l) -> {
            if (open != null && l != null) showStep(stepIndex.get(), true);
        });
    }

    /** How a step's state reaches the app, and where the live numbers are read from (the shell). */
    public void connect(Consumer<LabState> applier, Supplier<LabState> shown) {
        this.applier = applier;
        this.shown = shown;
    }

    // ---- the list

    /** Reads the folder (and the progress) off the JavaFX thread; broken files become {@link #problems()}. */
    public void load() {
        loading.set(true);
        loader.submit(() -> {
            LessonLibrary.Loaded l = LessonLibrary.load(lessonsFolder, pageIds);
            LessonProgress p;
            Message problem = null;
            try {
                p = LessonProgress.read(progressFile);
            } catch (CheckpointException e) {
                p = LessonProgress.empty();
                problem = Message.of("lesson.progress.unreadable", e.getMessage());
            }
            cards.readAll(modelNames(l));
            return new Object[]{l, p, problem};
        }, r -> {
            LessonLibrary.Loaded l = (LessonLibrary.Loaded) r[0];
            progress = (LessonProgress) r[1];
            if (r[2] != null) status.set((Message) r[2]);
            List<LessonEntry> entries = new ArrayList<>();
            for (Map<String, Lesson> m : l.lessons()) entries.add(new LessonEntry(m, progress.of(m.get("en").name())));
            lessons.setAll(entries);
            problems.setAll(l.problems());
            loading.set(false);
            LessonPosition wanted = afterLoad;
            afterLoad = null;
            if (wanted != null) open(wanted.lesson(), wanted.step());
        }, e -> {
            loading.set(false);
            status.set(Message.of("lesson.load.failed", String.valueOf(e.getMessage())));
        });
    }

    /** The trained models the lessons name, and those the app opens on, whose cards give the numbers. */
    private static List<String> modelNames(LessonLibrary.Loaded l) {
        List<String> names = new ArrayList<>(List.of(albertlab.core.session.DefaultState.ENGLISH_MODEL,
                albertlab.core.session.DefaultState.CHINESE_MODEL));
        for (Map<String, Lesson> m : l.lessons()) {
            for (Lesson lesson : m.values()) {
                for (LessonStep s : lesson.steps()) {
                    String t = s.state().live().trainedModel();
                    if (t != null && !names.contains(t)) names.add(t);
                }
            }
        }
        return names;
    }

    /**
     * A teacher's own lesson file: read off the JavaFX thread, added to the list (replacing one of the same name)
     * and opened; a broken one becomes the status message and changes nothing else.
     */
    public void openFile(Path file) {
        status.set(null);
        loader.submit(() -> {
            try {
                return LessonFile.read(file, pageIds);
            } catch (LessonProblem p) {
                throw new IllegalArgumentException(p.getMessage(), p);
            }
        }, m -> {
            String name = m.get("en").name();
            lessons.removeIf(e -> e.name().equals(name));
            lessons.add(new LessonEntry(m, progress.of(name)));
            open(name, 1);
        }, e -> status.set(Message.of("lesson.file.broken", e.getMessage())));
    }

    /**
     * Opens a lesson at a step (1-based; clamped to the lesson) and applies that step's state. Before the list
     * is loaded, the lesson opens once it is. False when no lesson has that name.
     */
    public boolean open(String name, int stepNumber) {
        if (loading.get()) {
            afterLoad = new LessonPosition(name, Math.max(1, stepNumber));
            return true;
        }
        LessonEntry e = lessons.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (e == null) {
            status.set(Message.of("lesson.unknown", name));
            return false;
        }
        open = e.languages();
        showStep(Math.max(0, Math.min(e.steps() - 1, stepNumber - 1)), true);
        return true;
    }

    /** Opens a lesson at a step without applying its state (a saved session brings its own). */
    public void reopen(LessonPosition p) {
        LessonEntry e = lessons.stream().filter(x -> x.name().equals(p.lesson())).findFirst().orElse(null);
        if (e == null) return;
        open = e.languages();
        showStep(Math.max(0, Math.min(e.steps() - 1, p.step() - 1)), false);
    }

    public void close() {
        open = null;
        lesson.set(null);
        step.set(null);
        stepIndex.set(-1);
        question.set(null);
        feedback.set(null);
        text.set(List.of());
    }

    // ---- moving

    public boolean next() {
        if (open == null || stepIndex.get() >= lesson.get().steps().size() - 1) return false;
        showStep(stepIndex.get() + 1, true);
        return true;
    }

    public boolean back() {
        if (open == null || stepIndex.get() <= 0) return false;
        showStep(stepIndex.get() - 1, true);
        return true;
    }

    public void restart() {
        if (open != null) showStep(0, true);
    }

    /** Puts the step's state back after the student explored. */
    public void backToStep() {
        if (open != null) showStep(stepIndex.get(), true);
    }

    private void showStep(int index, boolean apply) {
        Lesson l = open.get(language.get());
        LessonStep s = l.steps().get(index);
        // the step last: who listens to it reads the lesson, index and question of the same step
        lesson.set(l);
        stepIndex.set(index);
        question.set(s.question());
        feedback.set(null);
        hintShown.set(false);
        wrongTries = 0;
        step.set(s);
        if (apply) applier.accept(s.state().withLesson(new LessonPosition(l.name(), index + 1)));
        refreshValues();
        recordProgress(l.name(), index + 1, l.steps().size());
    }

    private void recordProgress(String name, int stepNumber, int steps) {
        LessonProgress next = progress.with(name, stepNumber, steps);
        if (next == progress) return;
        progress = next;
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).name().equals(name)) lessons.set(i, new LessonEntry(lessons.get(i).languages(),
                    next.of(name)));
        }
        unwritten.set(next);
        background.execute(this::writeNewestProgress);
    }

    /**
     * Writes the newest progress not yet written. One writer at a time, and each takes the newest value, so an
     * older progress never lands over a newer one however the background threads are scheduled.
     */
    private synchronized void writeNewestProgress() {
        LessonProgress p = unwritten.getAndSet(null);
        if (p == null) return;
        try {
            p.write(progressFile);
        } catch (CheckpointException e) {
            uiThread.execute(() -> status.set(Message.of("lesson.progress.unwritable", e.getMessage())));
        }
    }

    /** The numbers follow what the app shows now: call when a page's inputs or results change. */
    public void refreshValues() {
        LessonStep s = step.get();
        if (s == null) return;
        LabState now = shown == null ? null : shown.get();
        if (now == null) now = s.state();
        String model = now.live().trainedModel();
        TrainedModelCard card = cards.card(model);
        TrainedModelCard twin = card == null ? null : cards.card(card.twinOf());
        Map<String, LessonValue> v = LessonValues.of(now, card, twin);
        values.set(v);
        List<String> filled = new ArrayList<>();
        for (String p : s.paragraphs()) filled.add(Placeholders.fill(p, v));
        text.set(List.copyOf(filled));
    }

    // ---- questions

    public void answer(int choice) {
        Question q = question.get();
        if (q == null || q.kind() != Question.Kind.CHOICE) return;
        Answers.Verdict verdict = Answers.check(q, choice);
        feedback.set(new Feedback(verdict, fill(verdict == Answers.Verdict.RIGHT ? q.right() : q.wrong()), null));
    }

    public void answer(String typed) {
        Question q = question.get();
        if (q == null || q.kind() != Question.Kind.NUMBER) return;
        Map<String, LessonValue> v = values.get();
        Answers.Verdict verdict = Answers.check(q, typed, v);
        switch (verdict) {
            case RIGHT -> feedback.set(new Feedback(verdict, fill(q.right()), null));
            case NOT_A_NUMBER, NO_VALUE -> feedback.set(new Feedback(verdict, null, null));
            case WRONG -> {
                wrongTries++;
                feedback.set(new Feedback(verdict, fill(q.wrong()),
                        wrongTries >= TRIES_BEFORE_ANSWER ? expectedText(q, v) : null));
            }
        }
    }

    /** The expected answer as the text would show it. */
    private String expectedText(Question q, Map<String, LessonValue> v) {
        String a = q.answer().strip();
        if (a.startsWith("{")) return Placeholders.fill(a, v);
        return a;
    }

    public void showHint() {
        hintShown.set(true);
    }

    public String fill(String text) {
        return text == null ? null : Placeholders.fill(text, values.get());
    }

    // ---- properties

    public ObservableList<LessonEntry> lessons() {
        return lessons;
    }

    public ObservableList<LessonProblem> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "en" or "zh": which language the open lesson shows. */
    public ObjectProperty<String> languageProperty() {
        return language;
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty stepIndexProperty() {
        return stepIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LessonStep> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Question> questionProperty() {
        return question.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, LessonValue>> valuesProperty() {
        return values.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hintShownProperty() {
        return hintShown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The open lesson and step, or null. */
    public LessonPosition position() {
        Lesson l = lesson.get();
        return l == null ? null : new LessonPosition(l.name(), stepIndex.get() + 1);
    }
}
