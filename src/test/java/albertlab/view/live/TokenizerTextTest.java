package albertlab.view.live;

import albertlab.core.tokenizer.Tokenizer;
import albertlab.core.tokenizer.TokenizerSource;
import albertlab.core.tokenizer.Tokenizers;
import albertlab.viewmodel.common.I18n;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model bar names the tokenizer in the UI's language, not in the core's English description. */
class TokenizerTextTest {

    private static final NumberFormat NF = NumberFormat.getIntegerInstance(Locale.ROOT);

    @Test
    void chineseVocabularyIsDescribedInChineseAndEnglish() throws Exception {
        Tokenizer t = Tokenizers.load(Path.of("src/test/resources/real/albert-chinese-vocab/vocab.txt"));
        assertEquals(new TokenizerSource(TokenizerSource.Kind.WORDPIECE_VOCAB, "vocab.txt"), t.source());
        String zh = ModelBar.tokenizerText(new I18n(I18n.CHINESE), t, NF);
        String en = ModelBar.tokenizerText(new I18n(I18n.ENGLISH), t, NF);
        assertTrue(zh.contains("每个汉字") && zh.contains("21,128"), zh);
        assertTrue(en.contains("each Chinese character") && en.contains("21,128"), en);
    }

    @Test
    void sentencePieceModelIsNamedWithItsPieceCount() throws Exception {
        Tokenizer t = Tokenizers.load(Path.of("src/test/resources/real/albert-base-v2-spm/spiece.model"));
        assertEquals(TokenizerSource.Kind.SENTENCEPIECE_MODEL, t.source().kind());
        assertTrue(ModelBar.tokenizerText(new I18n(I18n.ENGLISH), t, NF).contains("30,000 pieces"));
    }
}
