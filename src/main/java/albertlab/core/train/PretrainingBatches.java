package albertlab.core.train;

import albertlab.core.model.PretrainingBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batch number i of a run is a pure function of (corpus, seed, i): a resumed run draws exactly the batches the
 * unbroken run would have drawn, and a race of several sharing modes sees the same batches in the same order.
 *
 * <p>Each sequence is [CLS] A [SEP] B [SEP], padded to S: A and B are consecutive stretches of lines of one document
 * (a one-line document is split inside its line), swapped with probability 0.5 (sentence-order label 1). A long
 * pair is cut away from its A|B boundary (A loses its start, B its end), so the boundary the SOP task is about is
 * always kept. Documents are drawn in proportion to their tokens.
 */
public final class PretrainingBatches implements BatchSource {

    private static final int MAX_TRIES = 100;

    private final TrainingCorpus corpus;
    private final SpecialTokens specials;
    private final MlmMasking masking;
    private final int sequences;
    private final int tokens;
    private final long seed;
    private final long[] cumulativeTokens;

    public PretrainingBatches(TrainingCorpus corpus, SpecialTokens specials, MlmMasking masking, int sequences,
                              int tokens, long seed) {
        if (tokens < 5) throw new IllegalArgumentException("--max-seq-length must be at least 5, got " + tokens);
        if (sequences < 1) throw new IllegalArgumentException("--batch-size must be at least 1, got " + sequences);
        this.corpus = corpus;
        this.specials = specials;
        this.masking = masking;
        this.sequences = sequences;
        this.tokens = tokens;
        this.seed = seed;
        List<int[][]> docs = corpus.documents();
        cumulativeTokens = new long[docs.size()];
        long sum = 0;
        for (int d = 0; d < docs.size(); d++) {
            for (int[] line : docs.get(d)) sum += line.length;
            cumulativeTokens[d] = sum;
        }
        if (sum < 2) throw new IllegalArgumentException("the corpus has fewer than 2 tokens");
    }

    public int sequences() {
        return sequences;
    }

    public int tokens() {
        return tokens;
    }

    /** Batch {@code index} (from 0). */
    @Override
    public PretrainingBatch batch(long index) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        int[][] ids = new int[sequences][tokens];
        int[][] mask = new int[sequences][tokens];
        int[][] types = new int[sequences][tokens];
        int[][] labels = new int[sequences][tokens];
        int[] order = new int[sequences];
        for (int b = 0; b < sequences; b++) {
            order[b] = example(random, ids[b], mask[b], types[b]);
            int real = 0;
            while (real < tokens && mask[b][real] == 1) real++;
            int[] head = Arrays.copyOf(ids[b], real);
            int[] headLabels = new int[real];
            masking.apply(head, headLabels, random);
            System.arraycopy(head, 0, ids[b], 0, real);
            Arrays.fill(labels[b], PretrainingBatch.IGNORED);
            System.arraycopy(headLabels, 0, labels[b], 0, real);
        }
        return new PretrainingBatch(ids, mask, types, labels, order);
    }

    /** Fills one sequence; returns its sentence-order label. */
    private int example(SplittableRandom random, int[] ids, int[] mask, int[] types) {
        int budget = tokens - 3;
        List<int[]> a = new ArrayList<>();
        List<int[]> b = new ArrayList<>();
        for (int tries = 0; tries < MAX_TRIES && a.isEmpty(); tries++) pair(random, budget, a, b);
        if (a.isEmpty()) throw new IllegalArgumentException("the corpus has no line or document of 2 or more tokens");
        int[] first = concat(a);
        int[] second = concat(b);
        // cut away from the boundary: A keeps its end, B its start
        while (first.length + second.length > budget) {
            if (first.length >= second.length) first = Arrays.copyOfRange(first, 1, first.length);
            else second = Arrays.copyOf(second, second.length - 1);
        }
        int label = random.nextBoolean() ? 1 : 0;
        if (label == 1) {
            int[] t = first;
            first = second;
            second = t;
        }
        Arrays.fill(ids, specials.pad());
        int t = 0;
        ids[t++] = specials.cls();
        for (int id : first) ids[t++] = id;
        ids[t++] = specials.sep();
        int segmentB = t;
        for (int id : second) ids[t++] = id;
        ids[t++] = specials.sep();
        for (int i = 0; i < t; i++) {
            mask[i] = 1;
            types[i] = i >= segmentB ? 1 : 0;
        }
        return label;
    }

    /** A and B from one document, or nothing when the drawn document is too short. */
    private void pair(SplittableRandom random, int budget, List<int[]> a, List<int[]> b) {
        a.clear();
        b.clear();
        long at = random.nextLong(cumulativeTokens[cumulativeTokens.length - 1]);
        int d = Arrays.binarySearch(cumulativeTokens, at + 1);
        if (d < 0) d = -d - 1;
        int[][] doc = corpus.documents().get(d);
        if (doc.length == 1) {
            int[] line = doc[0];
            if (line.length < 2) return;
            int length = Math.min(line.length, budget);
            int start = random.nextInt(line.length - length + 1);
            int cut = start + 1 + random.nextInt(length - 1);
            a.add(Arrays.copyOfRange(line, start, cut));
            b.add(Arrays.copyOfRange(line, cut, start + length));
            return;
        }
        int start = random.nextInt(doc.length - 1);
        int end = start + 1;
        int used = doc[start].length + doc[end].length;
        while (end + 1 < doc.length && used + doc[end + 1].length <= budget) used += doc[++end].length;
        int cut = start + 1 + random.nextInt(end - start);
        for (int i = start; i < cut; i++) a.add(doc[i]);
        for (int i = cut; i <= end; i++) b.add(doc[i]);
    }

    private static int[] concat(List<int[]> lines) {
        int n = 0;
        for (int[] l : lines) n += l.length;
        int[] out = new int[n];
        int o = 0;
        for (int[] l : lines) {
            System.arraycopy(l, 0, out, o, l.length);
            o += l.length;
        }
        return out;
    }

    /** SplitMix64's finalizer over (seed, index): independent streams per batch. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
