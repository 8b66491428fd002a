package albertlab.viewmodel.live;

import java.nio.file.Path;

/** A model folder that could not be opened, with the one-line reason; a new object per failure. */
public record LoadFailure(Path folder, String message) {
}
