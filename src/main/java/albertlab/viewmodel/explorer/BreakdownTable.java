package albertlab.viewmodel.explorer;

import albertlab.viewmodel.common.I18n;
import albertlab.core.config.AlbertConfig;
import albertlab.core.params.ParameterBreakdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The breakdown as a table for CSV export: the settings, then one row per group of tensors with its formula,
 * for this configuration and its BERT twin. Plain digits (no grouping) so spreadsheets read them as numbers.
 */
final class BreakdownTable {

    private BreakdownTable() {
    }

    static List<List<String>> rows(ExplorerResult r, I18n i18n) {
        ParameterBreakdown a = r.breakdown();
        ParameterBreakdown b = r.bertTwin();
        AlbertConfig ca = a.config();
        AlbertConfig cb = b.config();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(i18n.get("explorer.csv.item"), i18n.get("explorer.csv.formula"),
                i18n.get("explorer.csv.this"), i18n.get("explorer.csv.twin")));
        setting(rows, i18n, "V", ca.vocabSize(), cb.vocabSize());
        setting(rows, i18n, "E", ca.embeddingSize(), cb.embeddingSize());
        setting(rows, i18n, "H", ca.hiddenSize(), cb.hiddenSize());
        setting(rows, i18n, "L", ca.numHiddenLayers(), cb.numHiddenLayers());
        setting(rows, i18n, "A", ca.numAttentionHeads(), cb.numAttentionHeads());
        setting(rows, i18n, "I", ca.intermediateSize(), cb.intermediateSize());
        setting(rows, i18n, "G", ca.effectiveGroups(), cb.effectiveGroups());
        rows.add(List.of(i18n.get("explorer.csv.sharing"), "",
                i18n.get("explorer.sharing." + ca.sharingMode().cliName()),
                i18n.get("explorer.sharing." + cb.sharingMode().cliName())));
        count(rows, i18n, "wordEmbeddings", "V×E", a.wordEmbeddings(), b.wordEmbeddings());
        count(rows, i18n, "positionEmbeddings", "P×E", a.positionEmbeddings(), b.positionEmbeddings());
        count(rows, i18n, "tokenTypeEmbeddings", "T×E", a.tokenTypeEmbeddings(), b.tokenTypeEmbeddings());
        count(rows, i18n, "embeddingLayerNorm", "2E", a.embeddingLayerNorm(), b.embeddingLayerNorm());
        count(rows, i18n, "projection", "E×H + H", a.projection(), b.projection());
        count(rows, i18n, "attentionPerLayer", "4(H×H + H) + 2H", a.attentionPerLayer(), b.attentionPerLayer());
        count(rows, i18n, "attentionSets", "", a.attentionSets(), b.attentionSets());
        count(rows, i18n, "attention", "", a.attentionUnique(), b.attentionUnique());
        count(rows, i18n, "ffnPerLayer", "H×I + I + I×H + H + 2H", a.ffnPerLayer(), b.ffnPerLayer());
        count(rows, i18n, "ffnSets", "", a.ffnSets(), b.ffnSets());
        count(rows, i18n, "ffn", "", a.ffnUnique(), b.ffnUnique());
        count(rows, i18n, "pooler", "H×H + H", a.pooler(), b.pooler());
        count(rows, i18n, "total", "", a.total(), b.total());
        count(rows, i18n, "bytes", "4 × total", a.bytesFp32(), b.bytesFp32());
        rows.add(List.of(i18n.get("explorer.csv.flopsPerToken", a.flops().sequenceLength()), "",
                String.format(Locale.ROOT, "%.0f", a.flops().perToken()),
                String.format(Locale.ROOT, "%.0f", b.flops().perToken())));
        return rows;
    }

    private static void setting(List<List<String>> rows, I18n i18n, String symbol, long a, long b) {
        rows.add(List.of(i18n.get("explorer.input." + symbol + ".name") + " (" + symbol + ")", "",
                Long.toString(a), Long.toString(b)));
    }

    private static void count(List<List<String>> rows, I18n i18n, String key, String formula, long a, long b) {
        rows.add(List.of(i18n.get("explorer.csv." + key), formula, Long.toString(a), Long.toString(b)));
    }
}
