package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Picks and loads the tokenizer of a model folder or of a tokenizer file.
 *
 * <p>In a folder, the file Hugging Face's fast tokenizer would use wins: {@code tokenizer.json}, then
 * {@code spiece.model}, then {@code vocab.txt}; {@link Tokenizer#description()} says which was taken and what
 * else was there. The folder's {@code tokenizer_config.json} (do_lower_case, keep_accents, strip_accents,
 * tokenize_chinese_chars) applies to spiece.model and vocab.txt; tokenizer.json carries its own pipeline. A file
 * given directly gets albert-base-v2's defaults.
 */
public final class Tokenizers {

    public static final String TOKENIZER_JSON = "tokenizer.json";
    public static final String SPIECE_MODEL = "spiece.model";
    public static final String VOCAB_TXT = "vocab.txt";

    private Tokenizers() {
    }

    /**
     * @param path a model folder (spiece.model, tokenizer.json or vocab.txt inside) or one of those files
     */
    public static Tokenizer load(Path path) throws CheckpointException {
        return load(path, TextOptions.FROM_FOLDER);
    }

    /**
     * @param options lower-casing and accents as the user wants them, over the folder's settings
     */
    public static Tokenizer load(Path path, TextOptions options) throws CheckpointException {
        if (Files.isDirectory(path)) return loadFolder(path, options);
        if (!Files.isRegularFile(path)) throw new CheckpointException(path, "no such file or folder");
        return loadFile(path, TokenizerConfig.DEFAULTS, options, "");
    }

    private static Tokenizer loadFolder(Path folder, TextOptions options) throws CheckpointException {
        List<Path> present = new ArrayList<>();
        for (String name : List.of(TOKENIZER_JSON, SPIECE_MODEL, VOCAB_TXT)) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) present.add(p);
        }
        if (present.isEmpty()) {
            throw new CheckpointException(folder, "no tokenizer here (expected " + TOKENIZER_JSON + ", "
                    + SPIECE_MODEL + " or " + VOCAB_TXT + ")");
        }
        Path chosen = present.get(0);
        String note = "";
        if (present.size() > 1) {
            note = "; chosen over " + String.join(" and ", present.subList(1, present.size()).stream()
                    .map(p -> p.getFileName().toString()).toList())
                    + " (Hugging Face's fast tokenizer prefers tokenizer.json, then spiece.model, then vocab.txt)";
        }
        TokenizerConfig config = TokenizerConfig.read(folder);
        if (config.source() != null && !chosen.getFileName().toString().equals(TOKENIZER_JSON)) {
            note += "; settings from " + config.source();
        }
        return loadFile(chosen, config, options, note);
    }

    private static Tokenizer loadFile(Path file, TokenizerConfig config, TextOptions options, String note)
            throws CheckpointException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        PipelineTokenizer t;
        TokenizerSource.Kind kind;
        if (name.endsWith(".json")) {
            t = TokenizerJson.load(file, options);
            kind = TokenizerSource.Kind.TOKENIZER_JSON;
        } else if (name.endsWith(".model")) {
            SentencePieceModel m = SentencePieceModel.read(file);
            t = AlbertSentencePiece.build(m, options.lowerCaseOr(config.doLowerCase()),
                    options.keepAccentsOr(config.keepAccents()), file.getFileName().toString());
            kind = TokenizerSource.Kind.SENTENCEPIECE_MODEL;
        } else if (name.endsWith(".txt")) {
            t = BertWordPiece.load(file, config, options);
            kind = TokenizerSource.Kind.WORDPIECE_VOCAB;
        } else {
            throw new CheckpointException(file, "not a tokenizer file (expected " + TOKENIZER_JSON + ", a "
                    + "SentencePiece .model or a WordPiece vocab .txt)");
        }
        t = t.withSource(new TokenizerSource(kind, file.getFileName().toString()));
        return note.isEmpty() ? t : t.withDescription(t.description() + note);
    }
}
