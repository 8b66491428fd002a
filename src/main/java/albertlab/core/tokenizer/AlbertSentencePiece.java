package albertlab.core.tokenizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face's ALBERT tokenizer built from a {@code spiece.model}, as {@code AlbertTokenizerFast} is (the
 * converter {@code AlbertConverter} and albert-base-v2's tokenizer.json):
 * <ul>
 *   <li>normalizer: `` and '' to ", then NFKD + strip accents (unless keep_accents), lower-case (if
 *       do_lower_case), then the model's own precompiled charsmap;</li>
 *   <li>pre-tokenizer: split on whitespace, "▁" in front of every word;</li>
 *   <li>model: Unigram over the model's pieces and scores, except that a piece ending in a digit and a comma
 *       ("▁1,", "2000,") scores 100 less. That is the fast tokenizer's version of the slow one's "9," rule
 *       (which re-splits such pieces after the fact), so "92000," comes out "▁9", "2000", ",";</li>
 *   <li>[CLS] A [SEP] (B [SEP]); [MASK] written in the text is one token and takes the spaces before it.</li>
 * </ul>
 * Raw SentencePiece output, without these rules, is {@link SentencePieceProcessor}'s.
 */
final class AlbertSentencePiece {

    static final char SPIECE_UNDERLINE = '\u2581';
    /** What AlbertConverter subtracts from the score of a piece like "2000,". */
    static final double NUMBER_COMMA_PENALTY = 100;

    private AlbertSentencePiece() {
    }

    /**
     * @param source e.g. "spiece.model", for the description
     */
    static PipelineTokenizer build(SentencePieceModel m, boolean lowerCase, boolean keepAccents, String source) {
        int n = m.size();
        String[] pieces = new String[n];
        double[] scores = new double[n];
        List<AddedTokens.Token> added = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pieces[i] = m.piece(i);
            scores[i] = endsWithDigitAndComma(pieces[i]) ? m.score(i) - NUMBER_COMMA_PENALTY : m.score(i);
            PieceType t = m.type(i);
            if (t == PieceType.CONTROL || t == PieceType.UNKNOWN) {
                added.add(new AddedTokens.Token(pieces[i], i, true, pieces[i].equals("[MASK]"), false, false, false));
            }
        }
        Unigram unigram = Unigram.huggingFace(pieces, scores, m.unkId());
        int cls = unigram.tokenToId("[CLS]");
        int sep = unigram.tokenToId("[SEP]");
        TemplateProcessing template = cls >= 0 && sep >= 0 ? TemplateProcessing.bert("[CLS]", cls, "[SEP]", sep) : null;
        int padId = m.padId() >= 0 && m.padId() < n ? m.padId() : Math.max(unigram.tokenToId("<pad>"), 0);
        String description = String.format("SentencePiece Unigram (%s, %,d pieces, %s) with Hugging Face's ALBERT "
                        + "rules: %s, %s", source, n, m.charsMap() == null ? "no charsmap" : m.normalizerName(),
                lowerCase ? "lower-case" : "keep case", keepAccents ? "keep accents" : "strip accents");
        return new PipelineTokenizer(added, normalizer(m.charsMap(), lowerCase, keepAccents), preTokenizer(), unigram,
                template, new TokenDecoder.Metaspace(SPIECE_UNDERLINE, true), pieces[padId], padId,
                unigram.tokenToId("[MASK]"), description);
    }

    static TextNormalizer normalizer(PrecompiledCharsMap charsMap, boolean lowerCase, boolean keepAccents) {
        List<TextNormalizer> steps = new ArrayList<>();
        steps.add(new TextNormalizer.ReplaceLiteral("``", "\""));
        steps.add(new TextNormalizer.ReplaceLiteral("''", "\""));
        if (!keepAccents) {
            steps.add(new TextNormalizer.UnicodeForm(Normalizer.Form.NFKD));
            steps.add(new TextNormalizer.StripAccents());
        }
        if (lowerCase) steps.add(new TextNormalizer.Lowercase());
        if (charsMap != null) steps.add(new TextNormalizer.Precompiled(charsMap));
        return new TextNormalizer.Sequence(steps);
    }

    static PreTokenizer preTokenizer() {
        return new PreTokenizer.Sequence(List.of(new PreTokenizer.WhitespaceSplit(),
                new PreTokenizer.Metaspace(SPIECE_UNDERLINE, PreTokenizer.Metaspace.PrependScheme.ALWAYS, true)));
    }

    /** The converter's test (Python {@code piece[-1] == "," and piece[-2].isdigit()}), by code point. */
    static boolean endsWithDigitAndComma(String piece) {
        int count = piece.codePointCount(0, piece.length());
        if (count < 2 || piece.charAt(piece.length() - 1) != ',') return false;
        int before = piece.codePointBefore(piece.length() - 1);
        return isPythonDigit(before);
    }

    /** Python's str.isdigit: decimal digits plus other digits such as superscripts ("²"). */
    static boolean isPythonDigit(int cp) {
        if (Character.isDigit(cp)) return true;
        int v = Character.getNumericValue(cp);
        return Character.getType(cp) == Character.OTHER_NUMBER && v >= 0 && v <= 9;
    }
}
