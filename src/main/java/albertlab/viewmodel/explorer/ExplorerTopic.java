package albertlab.viewmodel.explorer;

import java.util.Locale;

/**
 * Something on the explorer a student can ask about. Each has a title and a body in both languages under
 * {@code explorer.topic.<key>.title} and {@code .body}: what is counted, and the formula.
 */
public enum ExplorerTopic {
    VOCAB, EMBEDDING, HIDDEN, LAYERS, HEADS, INTERMEDIATE, GROUPS, SHARING, PROJECTION, PRESET,
    FACTORIZATION, TOTAL, BERT_TWIN, SIZE, FLOPS, PAPER,
    CHART_BREAKDOWN, CHART_LAYERS, CHART_COMPUTE;

    /** The i18n key stem: {@code explorer.topic.bertTwin}. */
    public String key() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            sb.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return "explorer.topic." + sb;
    }

    public String titleKey() {
        return key() + ".title";
    }

    public String bodyKey() {
        return key() + ".body";
    }
}
