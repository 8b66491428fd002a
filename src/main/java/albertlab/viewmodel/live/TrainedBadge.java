package albertlab.viewmodel.live;

import albertlab.core.train.TrainedModelCard;
import albertlab.viewmodel.common.I18n;

import java.util.Locale;

/** What a trained model's badge and tooltip say, from its card and nothing else, in the UI's language. */
public final class TrainedBadge {

    private TrainedBadge() {
    }

    /** "trained · Brown corpus · 6.5 M tokens · 44 min". */
    public static String badge(I18n i18n, TrainedModelCard card) {
        return i18n.get("live.model.trained.badge", corpus(i18n, card), tokens(i18n, card.trainingTokens()),
                minutes(card.trainingMinutes()));
    }

    public static String tooltip(I18n i18n, TrainedModelCard card) {
        TrainedModelCard.HeldOut h = card.heldOut();
        String counted = "Han characters only".equals(h.mlmCounted()) ? "live.model.trained.counted.han"
                : "live.model.trained.counted.all";
        return i18n.get("live.model.trained.tip", String.format(Locale.ROOT, "%,d", card.parameters()),
                String.format(Locale.ROOT, "%,d", card.trainingSteps()), tokens(i18n, card.trainingTokens()),
                minutes(card.trainingMinutes()), h.text(), percent(h.mlmTop1()), i18n.get(counted),
                percent(h.mostFrequentBaseline()), percent(h.mlmTop5()), percent(h.sopAccuracy()));
    }

    public static String corpus(I18n i18n, TrainedModelCard card) {
        return i18n.isChinese() ? card.corpusZh() : card.corpus();
    }

    /** Millions in English ("6.5 M"), 万 in Chinese ("650 万"). */
    static String tokens(I18n i18n, long tokens) {
        if (i18n.isChinese()) return String.format(Locale.ROOT, "%,d 万", Math.round(tokens / 1e4));
        return String.format(Locale.ROOT, "%.1f M", tokens / 1e6);
    }

    static String minutes(double minutes) {
        return String.format(Locale.ROOT, "%.0f", minutes);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }
}
