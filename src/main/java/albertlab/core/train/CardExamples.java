package albertlab.core.train;

import albertlab.core.model.AlbertModel;
import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.ModelInput;
import albertlab.core.model.TokenProbabilities;
import albertlab.core.tokenizer.EncodeOptions;
import albertlab.core.tokenizer.Encoding;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.tokenizer.TokenizerSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sentences from held-out text with one word masked, some that the model gets right and some it gets wrong, for
 * the Live page's example list. Each is a pair of consecutive lines (so the sentence-order panel has something to
 * judge) with one whole word of the first line masked: a Han character in Chinese, a one-piece word of at least
 * three letters in English (a word cut into pieces would need several masks).
 */
public final class CardExamples {

    /** How many of each kind a card keeps. */
    public static final int EACH = 4;
    private static final int MAX_TRIES = 2000;

    /**
     * @param position the masked token's index in [CLS] A [SEP] B [SEP]
     * @param answer   the piece that was there
     * @param guess    the model's top-1 piece
     */
    public record Example(String a, String b, int position, String answer, String guess, double probability,
                          boolean correct) {
    }

    private CardExamples() {
    }

    /** Up to {@link #EACH} right and {@link #EACH} wrong examples, right ones first; the same for the same seed. */
    public static List<Example> find(AlbertModel model, Tokenizer tokenizer, List<List<String>> documents, long seed) {
        SpecialTokens specials = SpecialTokens.of(tokenizer);
        SplittableRandom random = new SplittableRandom(seed);
        List<Example> right = new ArrayList<>();
        List<Example> wrong = new ArrayList<>();
        int max = Math.min(model.config().maxPositionEmbeddings(), 64);
        List<String[]> pairs = new ArrayList<>();
        for (List<String> doc : documents) {
            for (int k = 0; k + 1 < doc.size(); k++) pairs.add(new String[] {doc.get(k), doc.get(k + 1)});
        }
        for (int tries = 0; tries < MAX_TRIES && !pairs.isEmpty() && (right.size() < EACH || wrong.size() < EACH);
             tries++) {
            String[] pair = pairs.get(random.nextInt(pairs.size()));
            Encoding enc = tokenizer.encode(pair[0], pair[1], EncodeOptions.DEFAULT);
            if (enc.length() > max) continue;
            int firstSep = 1;
            while (firstSep < enc.length() && enc.ids()[firstSep] != specials.sep()) firstSep++;
            if (firstSep < 6) continue; // a line of a few pieces says too little
            List<Integer> words = new ArrayList<>();
            for (int t = 1; t < firstSep; t++) {
                if (isWholeWord(tokenizer, enc.ids(), t, firstSep)) words.add(t);
            }
            if (words.isEmpty()) continue;
            int position = words.get(random.nextInt(words.size()));
            int[] ids = enc.ids().clone();
            int answer = ids[position];
            ids[position] = specials.mask();
            ForwardTrace trace = model.forward(new ModelInput(ids, enc.typeIds(), enc.attentionMask()),
                    new ForwardOptions(0, false, true).withMlmRows(position));
            double[] p = TokenProbabilities.softmax(trace.mlmLogits()[position]);
            int guess = TokenProbabilities.topIds(p, 1)[0];
            Example e = new Example(pair[0], pair[1], position, tokenizer.idToToken(answer),
                    tokenizer.idToToken(guess), Math.round(p[guess] * 1000) / 1000.0, guess == answer);
            if (e.correct() && right.size() < EACH) right.add(e);
            if (!e.correct() && wrong.size() < EACH) wrong.add(e);
        }
        List<Example> out = new ArrayList<>(right);
        out.addAll(wrong);
        return out;
    }

    /**
     * A Han character, or an English word of one piece and at least three letters: a SentencePiece piece that
     * starts a word (▁) and is followed by the start of another, or a WordPiece piece that is not a continuation
     * (##) and is not followed by one.
     */
    static boolean isWholeWord(Tokenizer tokenizer, int[] ids, int t, int end) {
        String piece = tokenizer.idToToken(ids[t]);
        if (ModelEvaluation.isHan(piece)) return true;
        boolean wordPiece = tokenizer.source() != null
                && tokenizer.source().kind() == TokenizerSource.Kind.WORDPIECE_VOCAB;
        String next = t + 1 >= end ? null : tokenizer.idToToken(ids[t + 1]);
        String word;
        boolean nextStartsAWord;
        if (wordPiece) {
            if (piece.startsWith("##")) return false;
            word = piece;
            nextStartsAWord = next == null || !next.startsWith("##");
        } else {
            if (!piece.startsWith("\u2581")) return false;
            word = piece.substring(1);
            nextStartsAWord = next == null || next.startsWith("\u2581") || ModelEvaluation.isPunctuation(next);
        }
        return word.length() >= 3 && word.chars().allMatch(Character::isLetter) && nextStartsAWord;
    }
}
