package albertlab.viewmodel.training;

import albertlab.core.io.CheckpointException;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.tokenizer.Tokenizers;
import albertlab.core.train.TrainingCorpus;

import java.util.List;

/** A corpus choice read and tokenized: what a run trains on and is scored on. */
public record LoadedCorpus(CorpusChoice choice, Tokenizer tokenizer, TrainingCorpus train, TrainingCorpus heldOut) {

    /** Reads the tokenizer and the text (seconds for a 3 MB slice: call it off the JavaFX thread). */
    public static LoadedCorpus read(CorpusChoice choice) throws CheckpointException {
        Tokenizer tokenizer = Tokenizers.load(choice.tokenizer());
        TrainingCorpus all = TrainingCorpus.read(List.of(choice.train()), tokenizer);
        if (choice.heldOut() != null) {
            return new LoadedCorpus(choice, tokenizer, all, TrainingCorpus.read(List.of(choice.heldOut()), tokenizer));
        }
        TrainingCorpus.Split split = all.split(CorpusChoice.HOLD_OUT_EVERY);
        return new LoadedCorpus(choice, tokenizer, split.train(), split.heldOut());
    }
}
