package albertlab.core.train;

import albertlab.core.io.CheckpointException;
import albertlab.core.tokenizer.EncodeOptions;
import albertlab.core.tokenizer.Tokenizer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training text as token ids. A corpus file (or its gzip, "*.gz") is UTF-8 text with one sentence (or one poem line) per line and
 * documents separated by blank lines; each line is tokenized once, without special tokens. Sentence pairs for the
 * sentence-order task come from consecutive lines of one document.
 */
public final class TrainingCorpus {

    /** A corpus file larger than this is refused (the whole corpus is held in memory as ids). */
    public static final long MAX_FILE_BYTES = 2L << 30;

    private final List<int[][]> documents;
    private final long tokens;
    private final long lines;

    private TrainingCorpus(List<int[][]> documents) {
        this.documents = List.copyOf(documents);
        long t = 0;
        long l = 0;
        for (int[][] d : documents) {
            l += d.length;
            for (int[] line : d) t += line.length;
        }
        this.tokens = t;
        this.lines = l;
    }

    /** Reads and tokenizes the files in order; a missing, empty or non-UTF-8 file is a CheckpointException. */
    public static TrainingCorpus read(List<Path> files, Tokenizer tokenizer) throws CheckpointException {
        List<int[][]> documents = new ArrayList<>();
        for (Path file : files) {
            int before = documents.size();
            parse(file, text(file), tokenizer, documents);
            if (documents.size() == before) {
                throw new CheckpointException(file, "has no text (only blank lines or tokens the tokenizer drops)");
            }
        }
        return new TrainingCorpus(documents);
    }

    /** A corpus from text in memory (tests, the Training page's probe). */
    public static TrainingCorpus of(String text, Tokenizer tokenizer) {
        List<int[][]> documents = new ArrayList<>();
        parse(Path.of("text"), text, tokenizer, documents);
        return new TrainingCorpus(documents);
    }

    private static String text(Path file) throws CheckpointException {
        if (!Files.exists(file)) throw new CheckpointException(file, "no such corpus file");
        if (!Files.isRegularFile(file)) throw new CheckpointException(file, "is not a file (a corpus is a text file)");
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CheckpointException(file, "is larger than " + (MAX_FILE_BYTES >> 20) + " MB");
            }
            bytes = Files.readAllBytes(file);
            if (file.getFileName().toString().endsWith(".gz") && bytes.length > 0) bytes = gunzip(file, bytes);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read (" + CheckpointException.firstLine(e) + ")", e);
        }
        if (bytes.length == 0) throw new CheckpointException(file, "is empty");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointException(file, "line " + lineOf(bytes) + " is not valid UTF-8 text (a corpus file "
                    + "is UTF-8, one sentence per line)");
        }
    }

    /** A gzipped corpus (the shipped slices are), at most {@link #MAX_FILE_BYTES} unpacked. */
    private static byte[] gunzip(Path file, byte[] packed) throws CheckpointException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(packed))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_FILE_BYTES + 1));
            if (out.length > MAX_FILE_BYTES) {
                throw new CheckpointException(file, "unpacks to more than " + (MAX_FILE_BYTES >> 20) + " MB");
            }
            return out;
        } catch (IOException e) {
            throw new CheckpointException(file, "is not a complete gzip file (" + CheckpointException.firstLine(e) + ")", e);
        }
    }

    /** The 1-based line of the first byte sequence that is not UTF-8. */
    private static int lineOf(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }

    private static void parse(Path file, String text, Tokenizer tokenizer, List<int[][]> documents) {
        EncodeOptions plain = new EncodeOptions(0, false, false);
        for (List<String> doc : documentsOf(text)) {
            List<int[]> lines = new ArrayList<>(doc.size());
            for (String line : doc) {
                int[] ids = tokenizer.encode(line, null, plain).ids();
                if (ids.length > 0) lines.add(ids);
            }
            if (!lines.isEmpty()) documents.add(lines.toArray(new int[0][]));
        }
    }

    /** The corpus format's documents: runs of non-blank lines (stripped), split at blank lines. */
    public static List<List<String>> documentsOf(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String raw : text.split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (!current.isEmpty()) out.add(List.copyOf(current));
                current.clear();
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) out.add(List.copyOf(current));
        return out;
    }

    /** A corpus file's text, strictly UTF-8; a missing, empty or non-UTF-8 file is a CheckpointException. */
    public static String readText(Path file) throws CheckpointException {
        return text(file);
    }

    /** A corpus cut in two: every {@code every}-th document (from the middle of each stretch) is held out. */
    public record Split(TrainingCorpus train, TrainingCorpus heldOut) {
    }

    /**
     * Holds out one document in {@code every} for evaluation (a text file opened on the Training page comes
     * without a held-out file); with fewer than two documents nothing is held out and {@code heldOut} is null.
     */
    public Split split(int every) {
        if (every < 2) throw new IllegalArgumentException("hold out one document in at least 2, got " + every);
        if (documents.size() < 2) return new Split(this, null);
        List<int[][]> train = new ArrayList<>();
        List<int[][]> held = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            (d % every == every / 2 ? held : train).add(documents.get(d));
        }
        if (held.isEmpty()) held.add(train.remove(train.size() - 1));
        return new Split(new TrainingCorpus(train), new TrainingCorpus(held));
    }

    public List<int[][]> documents() {
        return documents;
    }

    public long tokens() {
        return tokens;
    }

    public long lines() {
        return lines;
    }
}
