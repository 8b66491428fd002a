package albertlab.core.train;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.tokenizer.Tokenizers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** TEST ONLY: a handful of sentences in three documents, a WordPiece vocabulary of their words, a tiny model. */
public final class TinyCorpus {

    static final String TEXT = """
            the cat sat on the mat .
            the dog ran to the park .
            a bird sang in the tree .

            my sister reads a long book .
            her brother plays the old piano .

            we walk home after the rain .
            they cook rice for the family .
            """;

    private TinyCorpus() {
    }

    /** Writes vocab.txt (specials, then every word of the text) and corpus.txt into {@code dir}. */
    static Path write(Path dir) throws IOException {
        write(dir, TEXT);
        return dir;
    }

    /** The same for any text; returns corpus.txt. */
    public static Path write(Path dir, String text) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        for (String w : text.split("\\s+")) if (!w.isBlank()) words.add(w);
        StringBuilder vocab = new StringBuilder("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n");
        for (String w : words) vocab.append(w).append('\n');
        Files.writeString(dir.resolve("vocab.txt"), vocab, StandardCharsets.UTF_8);
        Path corpus = dir.resolve("corpus.txt");
        Files.writeString(corpus, text, StandardCharsets.UTF_8);
        return corpus;
    }

    static Tokenizer tokenizer(Path dir) throws CheckpointException {
        return Tokenizers.load(dir.resolve("vocab.txt"));
    }

    static AlbertConfig config(Tokenizer tokenizer, SharingMode mode) {
        return AlbertConfig.builder().vocabSize(tokenizer.vocabSize()).embeddingSize(16).hiddenSize(32)
                .numHiddenLayers(2).numAttentionHeads(2).intermediateSize(64).maxPositionEmbeddings(32)
                .sharingMode(mode).build();
    }
}
