package albertlab.app;

import albertlab.view.common.StepNavigation;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Set;

/** A lesson of a few steps for presenter mode's tests: counts forward and back, and its texts can be set. */
final class FakeNavigation implements StepNavigation {

    final List<String> titles;
    int step;
    int nexts;
    int backs;
    final StringProperty position = new SimpleStringProperty();
    final StringProperty notes = new SimpleStringProperty("");
    final StringProperty nextStep = new SimpleStringProperty("");
    final ObjectProperty<Set<String>> controls = new SimpleObjectProperty<>(Set.of());

    FakeNavigation(String... titles) {
        this.titles = List.of(titles);
        show();
    }

    @Override
    public boolean next() {
        nexts++;
        if (step + 1 >= titles.size()) return false;
        step++;
        show();
        return true;
    }

    @Override
    public boolean back() {
        backs++;
        if (step == 0) return false;
        step--;
        show();
        return true;
    }

    private void show() {
        position.set("Step " + (step + 1) + " of " + titles.size() + " · " + titles.get(step));
        notes.set("Notes for " + titles.get(step));
        nextStep.set(step + 1 < titles.size() ? titles.get(step + 1) : "");
    }

    @Override
    public StringProperty position() {
        return position;
    }

    @Override
    public StringProperty notes() {
        return notes;
    }

    @Override
    public StringProperty nextStep() {
        return nextStep;
    }

    @Override
    public ObjectProperty<Set<String>> controlsUsed() {
        return controls;
    }
}
