package albertlab.viewmodel.live;

import albertlab.core.io.CheckpointException;

import java.nio.file.Path;

/** Reads a Hugging Face ALBERT folder (config.json, model.safetensors and a tokenizer file) into a live model. */
@FunctionalInterface
public interface ModelLoader {

    LiveModel load(Path folder) throws CheckpointException;
}
