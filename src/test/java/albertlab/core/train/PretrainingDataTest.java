package albertlab.core.train;

import albertlab.core.model.PretrainingBatch;
import albertlab.core.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the trainer is fed: masking rates, n-gram spans, sentence pairs and their order labels, reproducibility. */
class PretrainingDataTest {

    @TempDir
    Path dir;

    private static final SpecialTokens SPECIALS = new SpecialTokens(2, 3, 4, 0, 1000);

    @Test
    void fifteenPercentOfTheTokensBecomeTargetsAndEightyPercentOfThoseMasks() {
        MlmMasking masking = new MlmMasking(MaskingStrategy.TOKEN, SPECIALS, 1000);
        SplittableRandom random = new SplittableRandom(1);
        long targets = 0;
        long masked = 0;
        long kept = 0;
        long tokens = 0;
        for (int n = 0; n < 2000; n++) {
            int[] ids = sequence(100, random);
            int[] original = ids.clone();
            int[] labels = new int[ids.length];
            masking.apply(ids, labels, random);
            int sequenceTargets = 0;
            for (int t = 0; t < ids.length; t++) {
                if (labels[t] == PretrainingBatch.IGNORED) {
                    assertEquals(original[t], ids[t], "only targets change");
                    continue;
                }
                assertFalse(SPECIALS.isSpecial(original[t]), "a special token is never a target");
                assertEquals(original[t], labels[t]);
                sequenceTargets++;
                if (ids[t] == SPECIALS.mask()) masked++;
                else if (ids[t] == original[t]) kept++;
            }
            assertEquals(15, sequenceTargets, "round(0.15 x 98 non-special tokens)");
            targets += sequenceTargets;
            tokens += 98;
        }
        assertEquals(0.15, (double) targets / tokens, 0.005);
        assertEquals(0.8, (double) masked / targets, 0.01);
        // a random replacement equal to the original counts as kept: 10% + 10%/996
        assertEquals(0.1, (double) kept / targets, 0.01);
    }

    @Test
    void ngramMaskingTakesSpansOfUpToThreeMostlySingles() {
        MlmMasking token = new MlmMasking(MaskingStrategy.TOKEN, SPECIALS, 1000);
        MlmMasking ngram = new MlmMasking(MaskingStrategy.NGRAM, SPECIALS, 1000);
        double tokenRun = meanRun(token);
        double ngramRun = meanRun(ngram);
        // single tokens chosen at random in 98 form runs of about 1.18; with p(n) ∝ 1/n the mean span is 18/11
        assertTrue(tokenRun < 1.25, "token masking, mean run " + tokenRun);
        assertTrue(ngramRun > 1.45 && ngramRun < 1.9, "n-gram masking, mean run " + ngramRun);
    }

    private static double meanRun(MlmMasking masking) {
        SplittableRandom random = new SplittableRandom(5);
        long runs = 0;
        long length = 0;
        for (int n = 0; n < 500; n++) {
            int[] ids = sequence(100, random);
            int[] labels = new int[ids.length];
            masking.apply(ids, labels, random);
            for (int t = 0; t < ids.length; t++) {
                if (labels[t] == PretrainingBatch.IGNORED) continue;
                length++;
                if (t == 0 || labels[t - 1] == PretrainingBatch.IGNORED) runs++;
            }
        }
        return (double) length / runs;
    }

    /** [CLS] 98 ordinary tokens [SEP]. */
    private static int[] sequence(int length, SplittableRandom random) {
        int[] ids = new int[length];
        ids[0] = SPECIALS.cls();
        ids[length - 1] = SPECIALS.sep();
        for (int t = 1; t < length - 1; t++) ids[t] = 5 + random.nextInt(995);
        return ids;
    }

    @Test
    void sequencesArePairsOfConsecutiveLinesInTheOrderTheLabelSays() throws Exception {
        TinyCorpus.write(dir);
        Tokenizer tokenizer = TinyCorpus.tokenizer(dir);
        TrainingCorpus corpus = TrainingCorpus.read(List.of(dir.resolve("corpus.txt")), tokenizer);
        SpecialTokens specials = SpecialTokens.of(tokenizer);
        // a cap of 1 target and no replacement keeps the text readable: check the order on the unmasked tokens
        PretrainingBatches batches = new PretrainingBatches(corpus, specials,
                new MlmMasking(MaskingStrategy.TOKEN, specials, 1), 64, 24, 7);
        int swapped = 0;
        PretrainingBatch b = batches.batch(3);
        for (int i = 0; i < b.sequences(); i++) {
            int[] ids = b.inputIds()[i].clone();
            for (int t = 0; t < ids.length; t++) if (b.labels()[i][t] != PretrainingBatch.IGNORED) ids[t] = b.labels()[i][t];
            assertEquals(specials.cls(), ids[0]);
            int firstSep = indexOf(ids, specials.sep(), 1);
            int secondSep = indexOf(ids, specials.sep(), firstSep + 1);
            assertTrue(firstSep > 1 && secondSep > firstSep + 1, Arrays.toString(ids));
            for (int t = 0; t < ids.length; t++) {
                assertEquals(t <= secondSep ? 1 : 0, b.attentionMask()[i][t]);
                assertEquals(t > firstSep && t <= secondSep ? 1 : 0, b.tokenTypeIds()[i][t]);
                if (t > secondSep) assertEquals(specials.pad(), ids[t]);
            }
            String a = tokenizer.decode(Arrays.copyOfRange(ids, 1, firstSep), true);
            String c = tokenizer.decode(Arrays.copyOfRange(ids, firstSep + 1, secondSep), true);
            // in the text, the first segment's end comes right before the second segment's start
            String inOrder = b.sentenceOrderLabel()[i] == 0 ? a + " " + c : c + " " + a;
            // WordPiece's decoding drops the space before "."
            String text = TinyCorpus.TEXT.replaceAll("\\s+", " ").replace(" .", ".");
            assertTrue(text.contains(inOrder), "label " + b.sentenceOrderLabel()[i] + ": [" + a + "] [" + c + "]");
            swapped += b.sentenceOrderLabel()[i];
        }
        assertTrue(swapped > 16 && swapped < 48, "about half swapped: " + swapped + " of 64");
    }

    @Test
    void batchIDependsOnTheSeedAndIAlone() throws Exception {
        TinyCorpus.write(dir);
        Tokenizer tokenizer = TinyCorpus.tokenizer(dir);
        TrainingCorpus corpus = TrainingCorpus.read(List.of(dir.resolve("corpus.txt")), tokenizer);
        SpecialTokens specials = SpecialTokens.of(tokenizer);
        MlmMasking masking = new MlmMasking(MaskingStrategy.NGRAM, specials, 4);
        PretrainingBatches a = new PretrainingBatches(corpus, specials, masking, 8, 16, 11);
        PretrainingBatches b = new PretrainingBatches(corpus, specials, masking, 8, 16, 11);
        PretrainingBatch later = a.batch(9);
        a.batch(2);
        assertArrayEquals(later.inputIds(), b.batch(9).inputIds());
        assertArrayEquals(later.labels(), a.batch(9).labels());
        assertFalse(Arrays.deepEquals(a.batch(9).inputIds(), a.batch(10).inputIds()));
        assertFalse(Arrays.deepEquals(a.batch(9).inputIds(),
                new PretrainingBatches(corpus, specials, masking, 8, 16, 12).batch(9).inputIds()));
        // the producer hands them out in order, ahead of the trainer
        try (BatchProducer producer = new BatchProducer(a, 5, 2)) {
            for (long i = 5; i < 12; i++) assertArrayEquals(a.batch(i).inputIds(), producer.next().inputIds());
        }
    }

    private static int indexOf(int[] ids, int id, int from) {
        for (int t = from; t < ids.length; t++) if (ids[t] == id) return t;
        return -1;
    }
}
