package albertlab.view.lesson;

import albertlab.core.lesson.Lesson;
import albertlab.core.lesson.LessonStep;
import albertlab.view.common.StepNavigation;
import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.lesson.LessonViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;

import java.util.Set;

/** The open lesson as presenter mode sees it, in the UI language. */
final class LessonNavigation implements StepNavigation {

    private final LessonViewModel vm;
    private final ObservableValue<String> position;
    private final ObservableValue<String> notes;
    private final ObservableValue<String> nextStep;
    private final ObservableValue<Set<String>> controls;

    LessonNavigation(LessonViewModel vm, I18n i18n) {
        this.vm = vm;
        position = Bindings.createStringBinding(() -> {
            Lesson l = vm.lessonProperty().get();
            LessonStep s = vm.stepProperty().get();
            if (l == null || s == null) return "";
            return i18n.get("lesson.panel.position", vm.stepIndexProperty().get() + 1, l.steps().size()) + " · "
                    + vm.fill(s.title());
        }, vm.stepProperty(), vm.lessonProperty(), vm.valuesProperty(), i18n.localeProperty());
        notes = Bindings.createStringBinding(() -> {
            LessonStep s = vm.stepProperty().get();
            return s == null ? "" : vm.fill(s.notes());
        }, vm.stepProperty(), vm.valuesProperty());
        nextStep = Bindings.createStringBinding(() -> {
            Lesson l = vm.lessonProperty().get();
            int i = vm.stepIndexProperty().get() + 1;
            if (l == null || i >= l.steps().size()) return "";
            LessonStep s = l.steps().get(i);
            return vm.fill(s.title()) + "\n\n" + String.join("\n\n", s.paragraphs().stream().map(vm::fill).toList());
        }, vm.stepProperty(), vm.lessonProperty(), vm.valuesProperty());
        controls = Bindings.createObjectBinding(() -> {
            LessonStep s = vm.stepProperty().get();
            return s == null ? Set.of() : s.controls();
        }, vm.stepProperty());
    }

    @Override
    public boolean next() {
        return vm.next();
    }

    @Override
    public boolean back() {
        return vm.back();
    }

    @Override
    public ObservableValue<String> position() {
        return position;
    }

    @Override
    public ObservableValue<String> notes() {
        return notes;
    }

    @Override
    public ObservableValue<String> nextStep() {
        return nextStep;
    }

    @Override
    public ObservableValue<Set<String>> controlsUsed() {
        return controls;
    }
}
