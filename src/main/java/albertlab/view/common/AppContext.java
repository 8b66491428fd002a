package albertlab.view.common;

import albertlab.viewmodel.common.I18n;
import javafx.stage.Window;

import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * What every page gets from the shell: the language, one background executor for long work (forward passes,
 * model loading; never the JavaFX thread) and the main window to own dialogs.
 */
public record AppContext(I18n i18n, ExecutorService background, Supplier<Window> owner) {
}
