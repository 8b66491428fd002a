package albertlab.core.corpus;

import albertlab.core.io.AtomicFiles;
import albertlab.core.io.CheckpointException;
import com.google.gson.GsonBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a prepared corpus from a package: reads it, splits off the held-out documents and writes, into one folder,
 * {@value #TRAIN}, {@value #HELD_OUT}, {@value #HELD_OUT_IDS} (in corpus order) and {@value #SUMMARY} (sizes,
 * source, seed, command), and optionally {@value #SLICE}. The same package, fraction and seed give the same files.
 */
public final class CorpusPreparation {

    public static final String TRAIN = "train.txt";
    public static final String HELD_OUT = "held-out.txt";
    public static final String HELD_OUT_IDS = "held-out-ids.txt";
    public static final String SUMMARY = "corpus.json";
    public static final String SLICE = "train-slice.txt.gz";

    /** What to prepare. {@code sliceBytes} ≤ 0 writes no slice; {@code command} is recorded in the summary. */
    public record Request(CorpusSource source, Path from, Path out, double heldOutFraction, long seed,
                          long sliceBytes, String command) {
    }

    /** What was written. */
    public record Result(Request request, PackageFiles pkg, CorpusStats train, CorpusStats heldOut,
                         CorpusStats slice, PoetryCorpus.Skipped skipped, long millis) {
    }

    private CorpusPreparation() {
    }

    public static Result prepare(Request r) throws CheckpointException {
        long start = System.nanoTime();
        if (Files.exists(r.out()) && !Files.isDirectory(r.out())) {
            throw new CheckpointException(r.out(), "is a file, not a folder for the prepared corpus");
        }
        List<CorpusDocument> docs;
        PoetryCorpus.Skipped skipped = new PoetryCorpus.Skipped(0, 0);
        PackageFiles pkg;
        switch (r.source()) {
            case BROWN -> {
                pkg = PackageFiles.read(r.from(), r.source(), BrownCorpus::wanted);
                docs = BrownCorpus.documents(pkg);
            }
            case POETRY -> {
                pkg = PackageFiles.read(r.from(), r.source(), PoetryCorpus::wanted);
                PoetryCorpus.Result p = PoetryCorpus.documents(pkg);
                docs = p.documents();
                skipped = p.skipped();
            }
            default -> throw new IllegalStateException(r.source().name());
        }
        Set<String> heldOutIds = HeldOutSplit.choose(docs.stream().map(CorpusDocument::id).toList(),
                r.heldOutFraction(), r.seed());
        List<CorpusDocument> train = new ArrayList<>();
        List<CorpusDocument> heldOut = new ArrayList<>();
        for (CorpusDocument d : docs) (heldOutIds.contains(d.id()) ? heldOut : train).add(d);

        CorpusFiles.write(r.out().resolve(TRAIN), train);
        CorpusFiles.write(r.out().resolve(HELD_OUT), heldOut);
        CorpusFiles.writeIds(r.out().resolve(HELD_OUT_IDS), heldOut.stream().map(CorpusDocument::id).toList());
        CorpusStats sliceStats = null;
        if (r.sliceBytes() > 0) {
            List<CorpusDocument> slice = CorpusSlice.of(train, r.sliceBytes());
            CorpusFiles.writeGzip(r.out().resolve(SLICE), slice);
            sliceStats = CorpusStats.of(slice);
        }
        Result result = new Result(r, pkg, CorpusStats.of(train), CorpusStats.of(heldOut), sliceStats, skipped,
                (System.nanoTime() - start) / 1_000_000);
        AtomicFiles.write(r.out().resolve(SUMMARY),
                (new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(summary(result)) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        return result;
    }

    /** The summary that {@value #SUMMARY} holds. */
    public static Map<String, Object> summary(Result r) {
        Request q = r.request();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", q.source().cliName());
        m.put("language", q.source().language());
        m.put("package", q.source().packageName());
        m.put("version", q.source().version());
        m.put("integrity", q.source().integrity());
        m.put("integrityChecked", r.pkg().checkedIntegrity());
        m.put("licence", q.source().licence());
        m.put("heldOutFraction", q.heldOutFraction());
        m.put("seed", q.seed());
        m.put("train", stats(r.train(), q.source()));
        m.put("heldOut", stats(r.heldOut(), q.source()));
        if (r.slice() != null) m.put("slice", stats(r.slice(), q.source()));
        if (q.source() == CorpusSource.POETRY) {
            m.put("droppedUnreadablePoems", r.skipped().unreadablePoems());
            m.put("droppedDuplicatePoems", r.skipped().duplicates());
        }
        m.put("files", List.of(TRAIN, HELD_OUT, HELD_OUT_IDS));
        m.put("command", q.command());
        return m;
    }

    private static Map<String, Object> stats(CorpusStats s, CorpusSource source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", s.documents());
        m.put("lines", s.lines());
        m.put("characters", s.characters());
        if (source == CorpusSource.POETRY) m.put("hanCharacters", s.hanCharacters());
        else m.put("words", s.words());
        return m;
    }
}
