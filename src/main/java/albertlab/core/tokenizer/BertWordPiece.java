package albertlab.core.tokenizer;

import albertlab.core.io.CheckpointException;

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
 * The BERT tokenizer of a {@code vocab.txt} (one token per line, the line number is the id), which the Chinese
 * ALBERT checkpoints use: BertNormalizer (clean the text, a space around every CJK ideograph, strip accents and
 * lower-case when asked), BertPreTokenizer (whitespace and punctuation), WordPiece, [CLS] A [SEP] (B [SEP]).
 * [PAD], [UNK], [CLS], [SEP] and [MASK] written in the text are single tokens (HF's never_split).
 */
final class BertWordPiece {

    static final String[] SPECIAL_TOKENS = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
    static final int MAX_INPUT_CHARS_PER_WORD = 100;

    private BertWordPiece() {
    }

    static PipelineTokenizer load(Path file, TokenizerConfig config, TextOptions options) throws CheckpointException {
        String[] vocab = readVocab(file);
        WordPiece model;
        try {
            model = new WordPiece(vocab, "[UNK]", "##", MAX_INPUT_CHARS_PER_WORD);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, "no [UNK] token in the vocabulary (" + vocab.length + " lines)");
        }
        boolean lowerCase = options.lowerCaseOr(config.doLowerCase());
        boolean stripAccents = options.keepAccents() != null ? !options.keepAccents()
                : config.stripAccents() != null ? config.stripAccents() : lowerCase;
        List<AddedTokens.Token> added = new ArrayList<>();
        for (String s : SPECIAL_TOKENS) {
            int id = model.tokenToId(s);
            if (id >= 0) added.add(new AddedTokens.Token(s, id, true, false, false, false, false));
        }
        int cls = model.tokenToId("[CLS]");
        int sep = model.tokenToId("[SEP]");
        TemplateProcessing template = cls >= 0 && sep >= 0 ? TemplateProcessing.bert("[CLS]", cls, "[SEP]", sep) : null;
        int pad = Math.max(model.tokenToId("[PAD]"), 0);
        String description = String.format("BERT WordPiece (%s, %,d entries): %s, %s, CJK characters split",
                file.getFileName(), vocab.length, lowerCase ? "lower-case" : "keep case",
                stripAccents ? "strip accents" : "keep accents");
        return new PipelineTokenizer(added,
                new TextNormalizer.Bert(true, config.tokenizeChineseChars(), stripAccents, lowerCase),
                new PreTokenizer.Bert(), model, template, new TokenDecoder.WordPiece("##", true),
                vocab[pad], pad, model.tokenToId("[MASK]"), description);
    }

    /** The lines of a UTF-8 vocab.txt, as Hugging Face's load_vocab reads them. */
    static String[] readVocab(Path file) throws CheckpointException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read the file (" + e.getMessage() + ")", e);
        }
        if (bytes.length == 0) throw new CheckpointException(file, "empty file, not a vocabulary");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointException(file, "not UTF-8 text, so not a vocab.txt");
        }
        // as Python's readlines() in text mode: lines end at \n, \r\n or \r; the last newline adds no token
        return text.lines().toArray(String[]::new);
    }
}
