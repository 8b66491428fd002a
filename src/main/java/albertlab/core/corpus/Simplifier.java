package albertlab.core.corpus;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Traditional to Simplified Chinese with OpenCC's dictionaries (TSPhrases before TSCharacters, so that a phrase such
 * as 乾坤 keeps its 乾 while 乾燥 becomes 干燥), through opencc4j.
 */
public final class Simplifier {

    private Simplifier() {
    }

    public static String toSimplified(String text) {
        return text.isEmpty() ? text : ZhConverterUtil.toSimple(text);
    }
}
