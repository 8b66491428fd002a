package albertlab.core.corpus;

import java.util.List;

/**
 * Sizes of a set of documents: documents, lines, characters (Unicode code points, line breaks not counted),
 * words (runs of letters or digits, with ' and - inside a word: the usual count for English) and Han characters.
 */
public record CorpusStats(long documents, long lines, long characters, long words, long hanCharacters) {

    public static CorpusStats of(List<CorpusDocument> docs) {
        long lines = 0;
        long chars = 0;
        long words = 0;
        long han = 0;
        for (CorpusDocument d : docs) {
            for (String line : d.lines()) {
                lines++;
                boolean inWord = false;
                for (int i = 0; i < line.length(); ) {
                    int cp = line.codePointAt(i);
                    i += Character.charCount(cp);
                    chars++;
                    boolean han1 = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
                    if (han1) han++;
                    boolean wordChar = !han1 && Character.isLetterOrDigit(cp) || inWord && (cp == '\'' || cp == '-');
                    if (wordChar && !inWord) words++;
                    inWord = wordChar;
                }
            }
        }
        return new CorpusStats(docs.size(), lines, chars, words, han);
    }
}
