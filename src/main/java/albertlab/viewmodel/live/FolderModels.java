package albertlab.viewmodel.live;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.model.AlbertModel;

import java.nio.file.Path;

/** Opens a Hugging Face ALBERT checkpoint folder as a live model (through ModelFolder, which checks everything). */
public final class FolderModels {

    /** Seed of the random stand-ins a loaded model is timed against in the other sharing modes. */
    static final long TIMING_SEED = 17L;

    private FolderModels() {
    }

    public static LiveModel load(Path folder) throws CheckpointException {
        LoadedModel loaded = ModelFolder.load(folder);
        if (!loaded.hasTokenizer()) throw new CheckpointException(folder, loaded.noTokenizerReason());
        AlbertModel model = loaded.model();
        AlbertConfig config = model.config();
        boolean heads = model.hasMlmHead() || model.hasSopHead();
        // the other sharing modes exist only as random weights of this shape, made for each timing run and not
        // kept: for albert-base they are about 190 M parameters, which SharingTimer drops when its run ends
        ForwardFunction own = model::forward;
        return new LiveModel("live.model.folder", folder.getFileName() == null ? folder.toString()
                : folder.getFileName().toString(), config, loaded.tokenizer(), own, model.hasMlmHead(),
                model.hasSopHead(), false,
                mode -> {
                    if (mode == config.sharingMode()) return own;
                    AlbertModel random = AlbertModel.random(SharingTimer.sibling(config, mode), TIMING_SEED, heads);
                    return random::forward;
                }, false);
    }
}
