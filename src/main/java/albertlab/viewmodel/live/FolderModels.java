package albertlab.viewmodel.live;

import albertlab.core.io.CheckpointException;

import java.nio.file.Path;

/** Opens a Hugging Face ALBERT checkpoint folder as a live model. (Waits for ModelFolder from checkpoint I/O.) */
public final class FolderModels {

    private FolderModels() {
    }

    public static LiveModel load(Path folder) throws CheckpointException {
        throw new CheckpointException(folder, "reading checkpoint folders is not available yet");
    }
}
