package albertlab.viewmodel.training;

import albertlab.core.io.AppResources;

import java.nio.file.Path;
import java.util.List;

/**
 * A text the Training page can train on: a corpus slice that ships in {@code assets/corpora/} (with its held-out
 * documents and the tokenizer of its trained models) or a text file the user opened (one sentence per line, a
 * blank line between documents, as {@code train} reads it).
 *
 * @param nameKey   i18n key of the name ({0} = {@code nameArg})
 * @param heldOut   the held-out file, or null: then one document in {@link #HOLD_OUT_EVERY} is held out
 * @param tokenizer spiece.model or vocab.txt
 * @param language  "en" or "zh": which probe sentence fits
 */
public record CorpusChoice(String id, String nameKey, String nameArg, Path train, Path heldOut, Path tokenizer,
                           String language) {

    public static final int HOLD_OUT_EVERY = 20;

    public CorpusChoice {
        nameArg = nameArg == null ? "" : nameArg;
    }

    /** The two shipped slices: Brown (English) and classical poetry (Chinese). */
    public static List<CorpusChoice> shipped() {
        return shipped(AppResources.assets());
    }

    static List<CorpusChoice> shipped(Path assets) {
        Path corpora = assets.resolve("corpora");
        Path models = assets.resolve("models");
        return List.of(
                new CorpusChoice("brown", "training.corpus.brown", "", corpora.resolve("brown/train-slice.txt.gz"),
                        corpora.resolve("brown/held-out.txt.gz"), models.resolve("albert-mini-brown/spiece.model"),
                        "en"),
                new CorpusChoice("poetry", "training.corpus.poetry", "",
                        corpora.resolve("poetry/train-slice.txt.gz"), corpora.resolve("poetry/held-out.txt.gz"),
                        models.resolve("albert-mini-poetry/vocab.txt"), "zh"));
    }

    /** A text file of the user's, read with {@code like}'s tokenizer. */
    public static CorpusChoice file(Path file, CorpusChoice like) {
        return new CorpusChoice(file.toAbsolutePath().toString(), "training.corpus.file",
                file.getFileName() == null ? file.toString() : file.getFileName().toString(), file, null,
                like.tokenizer(), like.language());
    }
}
