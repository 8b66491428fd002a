package albertlab.core.io;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.AlbertModel;
import albertlab.core.tokenizer.Tokenizer;

import java.nio.file.Path;
import java.util.List;

/**
 * A model folder, fully checked and loaded.
 *
 * @param tokenizer         null when the folder has no tokenizer file; then {@code noTokenizerReason} says so
 * @param tokenizerFile     the tokenizer file in use (spiece.model, tokenizer.json or vocab.txt), or null
 * @param noTokenizerReason why there is no tokenizer, or null when there is one
 * @param warnings          one line each: things that loaded but a user should know (ignored tensors, E > H, ...)
 */
public record LoadedModel(Path folder, AlbertConfig config, AlbertModel model, Tokenizer tokenizer,
                          Path tokenizerFile, String noTokenizerReason, List<String> warnings) {

    public LoadedModel {
        warnings = List.copyOf(warnings);
    }

    public boolean hasTokenizer() {
        return tokenizer != null;
    }
}
