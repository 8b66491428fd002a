package albertlab.viewmodel.explorer;

import albertlab.viewmodel.common.I18n;
import albertlab.viewmodel.common.Numbers;
import albertlab.core.config.AlbertConfig;
import albertlab.core.params.ParameterBreakdown;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

import java.util.function.Function;

/**
 * The explorer's readouts as text in the current language, each following the shown result: the embedding
 * formula with today's numbers, totals, size, FLOPs and the paper comparison. The view binds labels to these.
 */
public final class ExplorerReadouts {

    private final I18n i18n;
    private final ObservableValue<ExplorerResult> result;

    public final StringBinding unfactorized;
    public final StringBinding factorized;
    public final StringBinding saving;
    public final StringBinding total;
    public final StringBinding totalShort;
    public final StringBinding twinTotal;
    public final StringBinding twinShort;
    public final StringBinding twinRatio;
    public final StringBinding size;
    public final StringBinding twinSize;
    public final StringBinding flops;
    public final StringBinding twinFlops;
    public final StringBinding paperLabel;
    public final StringBinding paperExact;
    public final StringBinding paperReason;
    public final BooleanBinding paperShown;
    public final StringBinding shownConfig;

    ExplorerReadouts(I18n i18n, ObservableValue<ExplorerResult> result) {
        this.i18n = i18n;
        this.result = result;
        unfactorized = text(r -> {
            AlbertConfig c = r.config();
            return i18n.get("explorer.readout.unfactorized", Numbers.grouped(c.vocabSize()),
                    Numbers.grouped(c.hiddenSize()), Numbers.grouped(r.breakdown().unfactorizedEmbedding()));
        });
        factorized = text(r -> {
            AlbertConfig c = r.config();
            return i18n.get("explorer.readout.factorized", Numbers.grouped(c.vocabSize()),
                    Numbers.grouped(c.embeddingSize()), Numbers.grouped(c.hiddenSize()),
                    Numbers.grouped(r.breakdown().factorizedEmbedding()));
        });
        saving = text(r -> {
            double s = r.breakdown().factorizationSaving();
            return s >= 1 ? i18n.get("explorer.readout.saving", Numbers.ratio(s))
                    : i18n.get("explorer.readout.savingNegative", Numbers.ratio(1 / s));
        });
        total = text(r -> Numbers.grouped(r.breakdown().total()));
        totalShort = text(r -> Numbers.millions(r.breakdown().total()));
        twinTotal = text(r -> Numbers.grouped(r.bertTwin().total()));
        twinShort = text(r -> Numbers.millions(r.bertTwin().total()));
        twinRatio = text(r -> {
            double q = (double) r.bertTwin().total() / r.breakdown().total();
            return q >= 1 ? i18n.get("explorer.readout.twinRatio", Numbers.ratio(q))
                    : i18n.get("explorer.readout.twinRatioSmaller", Numbers.ratio(1 / q));
        });
        size = text(r -> Numbers.megabytes(r.breakdown().bytesFp32()));
        twinSize = text(r -> Numbers.megabytes(r.bertTwin().bytesFp32()));
        flops = text(r -> Numbers.flops(r.breakdown().flops().perToken()));
        twinFlops = text(r -> Numbers.flops(r.bertTwin().flops().perToken()));
        paperShown = Bindings.createBooleanBinding(
                () -> result.getValue() != null && result.getValue().paper().isPresent(), result);
        paperLabel = text(r -> r.paper().map(PaperComparison::paperLabel)
                .orElseGet(() -> i18n.get("explorer.readout.paperNone")));
        paperExact = text(r -> r.paper().map(p -> i18n.get("explorer.readout.paperExact",
                Numbers.grouped(p.exact()), Numbers.millions(p.exact()), Numbers.signed(p.difference())))
                .orElse(""));
        paperReason = text(r -> r.paper().map(p -> i18n.get(
                "explorer.readout.paperReason." + p.reason().name().toLowerCase(java.util.Locale.ROOT),
                Numbers.grouped(p.pooler()), Numbers.millions(p.exact() - p.pooler())))
                .orElseGet(() -> i18n.get("explorer.readout.paperNoneReason")));
        shownConfig = text(r -> describe(r.config()));
    }

    /** "V = 30,000 · E = 128 · H = 768 · L = 12 · A = 12 · I = 3,072" plus sharing */
    public String describe(AlbertConfig c) {
        return i18n.get("explorer.readout.config", Numbers.grouped(c.vocabSize()),
                Numbers.grouped(c.embeddingSize()), Numbers.grouped(c.hiddenSize()), c.numHiddenLayers(),
                c.numAttentionHeads(), Numbers.grouped(c.intermediateSize()),
                i18n.get("explorer.sharing." + c.sharingMode().cliName()));
    }

    public ParameterBreakdown breakdown() {
        return result.getValue().breakdown();
    }

    private StringBinding text(Function<ExplorerResult, String> f) {
        return i18n.bind(() -> {
            ExplorerResult r = result.getValue();
            return r == null ? "" : f.apply(r);
        }, result);
    }
}
