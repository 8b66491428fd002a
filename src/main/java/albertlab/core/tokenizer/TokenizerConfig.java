package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;
import albertlab.core.io.TextFiles;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text-handling flags of a folder's {@code tokenizer_config.json}. Missing keys (and a missing file) give
 * albert-base-v2's values: lower-case, strip accents, collapse spaces. {@code stripAccents} null means "as
 * lower-casing" (BertTokenizer's rule). {@code removeSpace} is read but changes nothing: the fast tokenizer we
 * follow always splits on whitespace, which collapses it, and so does SentencePiece's own normalizer.
 */
record TokenizerConfig(boolean doLowerCase, boolean keepAccents, boolean removeSpace, Boolean stripAccents,
                       boolean tokenizeChineseChars, String source) {

    static final String FILE_NAME = "tokenizer_config.json";

    /** A few flags and token names; real ones are about 1 KB. */
    static final long MAX_BYTES = 1L << 20;

    static final TokenizerConfig DEFAULTS = new TokenizerConfig(true, false, true, null, true, null);

    /** Reads {@code folder/tokenizer_config.json}, or the defaults when there is none. */
    static TokenizerConfig read(Path folder) throws CheckpointException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return DEFAULTS;
        JsonObject o = TextFiles.readJsonObject(file, MAX_BYTES, "a tokenizer_config.json");
        try {
            Boolean strip = o.has("strip_accents") && !o.get("strip_accents").isJsonNull()
                    ? o.get("strip_accents").getAsBoolean() : null;
            return new TokenizerConfig(flag(o, "do_lower_case", true), flag(o, "keep_accents", false),
                    flag(o, "remove_space", true), strip, flag(o, "tokenize_chinese_chars", true), FILE_NAME);
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "a flag is not true or false (" + e.getMessage() + ")", e);
        }
    }

    private static boolean flag(JsonObject o, String key, boolean fallback) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) return fallback;
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalStateException(key + " = " + e);
        }
        return e.getAsBoolean();
    }
}
