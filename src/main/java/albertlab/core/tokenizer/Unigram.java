package albertlab.core.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Unigram language model's segmentation: of all ways to cut a word into vocabulary pieces, the one whose
 * piece scores (log probabilities) add up highest, found by Viterbi in one left-to-right pass over the UTF-8 bytes
 * (SentencePiece's "optimized" encoder, which Hugging Face's Rust Unigram follows step for step, ties included).
 *
 * <p>A character that no single piece covers gets an unknown node scored {@code min score - 10}; runs of unknown
 * characters come out as one {@code <unk>} token whose text is the run.
 *
 * <p>Two scorings exist, and they differ only in corner cases: {@link #huggingFace} (every piece in the lattice
 * with its own score, sums in double) and {@link #sentencePiece} (control and unused pieces left out,
 * user-defined pieces scored {@code bytes × max score − 0.1} so they are always chosen, sums in float).
 */
final class Unigram implements SubwordModel {

    private static final double UNK_PENALTY = 10.0;
    private static final int CACHE_LIMIT = 50_000;

    private final String[] pieces;
    private final double[] scores;
    private final boolean[] userDefined;
    private final Vocabulary vocabulary;
    private final ByteTrie trie;
    private final int unkId;
    private final double unkScore;
    /** SentencePiece keeps path scores in float; Hugging Face in double. */
    private final boolean floatScores;
    private final double userDefinedScoreBase;
    private final Map<String, Result> cache = new ConcurrentHashMap<>();

    private record Result(String[] tokens, int[] ids) {
    }

    private Unigram(String[] pieces, double[] scores, boolean[] inLattice, boolean[] userDefined, int unkId,
                    double unkScore, boolean floatScores, double userDefinedScoreBase) {
        this.pieces = pieces;
        this.scores = scores;
        this.userDefined = userDefined;
        this.unkId = unkId;
        this.unkScore = unkScore;
        this.floatScores = floatScores;
        this.userDefinedScoreBase = userDefinedScoreBase;
        this.vocabulary = new Vocabulary(pieces);
        List<String> keys = new ArrayList<>(pieces.length);
        int[] values = new int[pieces.length];
        for (int i = 0; i < pieces.length; i++) {
            keys.add(inLattice[i] ? pieces[i] : null);
            values[i] = i;
        }
        this.trie = ByteTrie.build(keys, values);
    }

    /** As Hugging Face's {@code Unigram} model: all pieces, their scores as given, fused unknowns. */
    static Unigram huggingFace(String[] pieces, double[] scores, int unkId) {
        if (unkId < 0 || unkId >= pieces.length) {
            throw new IllegalArgumentException("unk_id " + unkId + " is outside the vocabulary of " + pieces.length);
        }
        double min = Double.POSITIVE_INFINITY;
        for (double s : scores) min = Math.min(min, s);
        boolean[] all = new boolean[pieces.length];
        Arrays.fill(all, true);
        return new Unigram(pieces.clone(), scores.clone(), all, new boolean[pieces.length], unkId,
                min - UNK_PENALTY, false, 0);
    }

    /** As SentencePiece's own {@code unigram_model.cc} (EncodeOptimized), for raw SentencePiece output. */
    static Unigram sentencePiece(SentencePieceModel m) {
        int n = m.size();
        String[] pieces = new String[n];
        double[] scores = new double[n];
        boolean[] inLattice = new boolean[n];
        boolean[] userDefined = new boolean[n];
        float min = Float.MAX_VALUE;
        float max = Float.MIN_NORMAL; // SentencePiece starts from FLT_MIN, the smallest positive normal float
        for (int i = 0; i < n; i++) {
            pieces[i] = m.piece(i);
            scores[i] = m.score(i);
            PieceType t = m.type(i);
            inLattice[i] = t == PieceType.NORMAL || t == PieceType.USER_DEFINED;
            userDefined[i] = t == PieceType.USER_DEFINED;
            if (t == PieceType.NORMAL) {
                min = Math.min(min, m.score(i));
                max = Math.max(max, m.score(i));
            }
        }
        return new Unigram(pieces, scores, inLattice, userDefined, m.unkId(), min - (float) UNK_PENALTY,
                true, max);
    }

    @Override
    public void tokenize(String word, TokenList out) {
        Result r = cache.get(word);
        if (r == null) {
            byte[] utf8 = word.getBytes(StandardCharsets.UTF_8);
            r = viterbi(utf8);
            if (cache.size() >= CACHE_LIMIT) cache.clear();
            if (word.length() < 256) cache.put(word, r);
        }
        for (int i = 0; i < r.ids.length; i++) out.add(r.tokens[i], r.ids[i]);
    }

    /** Segments a whole byte string (SentencePiece applies it to the full normalized text). */
    void tokenizeBytes(byte[] utf8, TokenList out) {
        Result r = viterbi(utf8);
        for (int i = 0; i < r.ids.length; i++) out.add(r.tokens[i], r.ids[i]);
    }

    private Result viterbi(byte[] s) {
        int size = s.length;
        // bestScore[e], startsAt[e], bestId[e]: the best path that ends at byte e, and its last piece
        double[] bestScore = new double[size + 1];
        int[] startsAt = new int[size + 1];
        int[] bestId = new int[size + 1];
        Arrays.fill(startsAt, -1);
        int pos = 0;
        while (pos < size) {
            double tillHere = bestScore[pos];
            int charLen = Math.min(Utf8.charLength(s, pos), size - pos);
            boolean hasSingleNode = false;
            int node = ByteTrie.ROOT;
            for (int k = pos; k < size; k++) {
                node = trie.child(node, s[k] & 0xFF);
                if (node < 0) break;
                int id = trie.value(node);
                if (id < 0) continue;
                int end = k + 1;
                double candidate = candidate(id, end - pos, tillHere);
                if (startsAt[end] == -1 || candidate > bestScore[end]) {
                    bestScore[end] = store(candidate);
                    startsAt[end] = pos;
                    bestId[end] = id;
                }
                if (end - pos == charLen) hasSingleNode = true;
            }
            if (!hasSingleNode) {
                int end = pos + charLen;
                double candidate = floatScores ? (float) (unkScore + tillHere) : unkScore + tillHere;
                if (startsAt[end] == -1 || candidate > bestScore[end]) {
                    bestScore[end] = store(candidate);
                    startsAt[end] = pos;
                    bestId[end] = unkId;
                }
            }
            pos += charLen;
        }
        return backtrack(s, startsAt, bestId);
    }

    private double candidate(int id, int byteLength, double tillHere) {
        if (!floatScores) return scores[id] + tillHere;
        if (userDefined[id]) {
            // SentencePiece: (length * max_score - 0.1) is a double, added to the float path score in double
            return (double) (byteLength * (float) userDefinedScoreBase) - 0.1 + tillHere;
        }
        return (float) (scores[id] + tillHere);
    }

    private double store(double score) {
        return floatScores ? (float) score : score;
    }

    private Result backtrack(byte[] s, int[] startsAt, int[] bestId) {
        // walk back from the end, writing tokens from the back of arrays sized for the worst case
        int n = 0;
        for (int end = s.length; end > 0; end = startsAt[end]) n++;
        String[] tokens = new String[n];
        int[] ids = new int[n];
        int at = n;
        int end = s.length;
        int unkEnd = -1;
        while (end > 0) {
            int start = startsAt[end];
            int id = bestId[end];
            if (id == unkId) {
                if (unkEnd < 0) unkEnd = end;
            } else {
                if (unkEnd >= 0) {
                    at--;
                    tokens[at] = new String(s, end, unkEnd - end, StandardCharsets.UTF_8);
                    ids[at] = unkId;
                    unkEnd = -1;
                }
                at--;
                tokens[at] = pieces[id];
                ids[at] = id;
            }
            end = start;
        }
        if (unkEnd >= 0) {
            at--;
            tokens[at] = new String(s, 0, unkEnd, StandardCharsets.UTF_8);
            ids[at] = unkId;
        }
        return new Result(Arrays.copyOfRange(tokens, at, n), Arrays.copyOfRange(ids, at, n));
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int unkId() {
        return unkId;
    }

    @Override
    public String describe() {
        return String.format("Unigram, %,d pieces", pieces.length);
    }
}
