package albertlab.core.tokenizer;

/**
 * What the user asks to change in the text handling of a tokenizer, over what its folder says
 * ({@code tokenizer_config.json}) or, without one, albert-base-v2's defaults. A null field keeps that setting.
 *
 * @param lowerCase   lower-case the text (do_lower_case)
 * @param keepAccents keep accents instead of stripping them (keep_accents; for BERT, strip_accents = false)
 */
public record TextOptions(Boolean lowerCase, Boolean keepAccents) {

    public static final TextOptions FROM_FOLDER = new TextOptions(null, null);

    boolean lowerCaseOr(boolean fallback) {
        return lowerCase == null ? fallback : lowerCase;
    }

    boolean keepAccentsOr(boolean fallback) {
        return keepAccents == null ? fallback : keepAccents;
    }
}
