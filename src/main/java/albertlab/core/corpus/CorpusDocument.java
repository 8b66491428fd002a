package albertlab.core.corpus;

import java.util.List;

/**
 * One document of a corpus: a Brown sample or one poem. Its lines are sentences (Brown) or poem lines, none empty and
 * none containing a line break, so that a corpus file can separate documents by a blank line.
 *
 * @param id stable name of the document inside its package ({@code ca01}, {@code quantangshi/poet.tang.0.json#/12})
 */
public record CorpusDocument(String id, List<String> lines) {

    public CorpusDocument {
        lines = List.copyOf(lines);
        for (String line : lines) {
            if (line.isBlank() || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("document " + id + " has an empty or multi-line line");
            }
        }
    }
}
