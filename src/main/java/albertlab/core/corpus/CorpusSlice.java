package albertlab.core.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A smaller corpus for shipping with the app: training documents taken at an even stride through the corpus, so
 * that the slice spans all of it (every genre of Brown, every collection of the poetry) rather than its first files.
 */
public final class CorpusSlice {

    private CorpusSlice() {
    }

    /** Whole documents, in corpus order, together at most {@code maxBytes} of UTF-8 text; all of them if they fit. */
    public static List<CorpusDocument> of(List<CorpusDocument> training, long maxBytes) {
        long total = 0;
        for (CorpusDocument d : training) total += CorpusFiles.bytes(d);
        if (total <= maxBytes) return List.copyOf(training);
        long stride = (total + maxBytes - 1) / maxBytes;
        List<CorpusDocument> out = new ArrayList<>();
        long used = 0;
        for (int i = 0; i < training.size(); i += (int) stride) {
            long b = CorpusFiles.bytes(training.get(i));
            if (used + b > maxBytes) continue;
            out.add(training.get(i));
            used += b;
        }
        return out;
    }
}
