package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;

import java.nio.file.Path;

/** Picks and loads the tokenizer of a model folder or a tokenizer file. (Stub until the tokenizer issue.) */
public final class Tokenizers {

    private Tokenizers() {
    }

    /**
     * @param path a model folder (spiece.model, tokenizer.json or vocab.txt inside) or one of those files
     */
    public static Tokenizer load(Path path) throws CheckpointException {
        throw new CheckpointException(path, "tokenizers are not implemented yet");
    }
}
