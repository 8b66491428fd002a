package albertlab.view.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;

/**
 * An invisible label that tells what CSS cannot reach (a JFreeChart, a Canvas) how the page looks now: the text
 * size the scene's stylesheets give (Ctrl+= and presenter mode change it) and whether high contrast is on. Put
 * it among a view's children (it is unmanaged and takes no room) and follow {@link #chartStyleProperty()}.
 * Off the scene (another page is shown) it keeps its last values, so a page switch does not restyle twice.
 */
public final class StyleProbe extends Label {

    private final ReadOnlyDoubleWrapper textSize = new ReadOnlyDoubleWrapper(this, "textSize",
            LabStyles.DEFAULT_SIZE);
    private final ReadOnlyBooleanWrapper highContrast = new ReadOnlyBooleanWrapper(this, "highContrast");
    private final ReadOnlyObjectWrapper<ChartStyle> chartStyle = new ReadOnlyObjectWrapper<>(this, "chartStyle");
    private final ListChangeListener<String> sheets = c -> highContrast.set(LabStyles.isHighContrast(getScene()));

    public StyleProbe() {
        setManaged(false);
        setVisible(false);
        getStyleClass().add("style-probe");
        fontProperty().addListener((o, a, f) -> {
            if (f != null) textSize.set(f.getSize());
        });
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) old.getStylesheets().removeListener(sheets);
            if (scene != null) {
                scene.getStylesheets().addListener(sheets);
                highContrast.set(LabStyles.isHighContrast(scene));
            }
        });
        textSize.addListener(x -> chartStyle.set(style()));
        highContrast.addListener(x -> chartStyle.set(style()));
    }

    private ChartStyle style() {
        return ChartStyle.forUi(textSize.get()).withHighContrast(highContrast.get());
    }

    /** The page's text size in pixels (the default until the probe is in a styled scene). */
    public ReadOnlyDoubleProperty textSizeProperty() {
        return textSize.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty highContrastProperty() {
        return highContrast.getReadOnlyProperty();
    }

    /**
     * The chart style for the page as it looks now; null until the first change is seen (the view's own
     * starting style holds until then). It changes only when the size or the contrast really does.
     */
    public ReadOnlyObjectProperty<ChartStyle> chartStyleProperty() {
        return chartStyle.getReadOnlyProperty();
    }
}
