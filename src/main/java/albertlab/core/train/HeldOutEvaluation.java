package albertlab.core.train;

import albertlab.core.model.AlbertWeights;
import albertlab.core.model.PretrainingBatch;
import albertlab.core.model.PretrainingLoss;
import albertlab.core.model.PretrainingPass;

import java.util.ArrayList;
import java.util.List;

/** A fixed set of held-out batches (drawn once, seeded) that a run scores every few steps. */
public final class HeldOutEvaluation {

    private final List<PretrainingBatch> batches;

    public HeldOutEvaluation(BatchSource source, int count) {
        List<PretrainingBatch> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(source.batch(i));
        this.batches = List.copyOf(out);
    }

    public HeldOutScore score(PretrainingPass pass, AlbertWeights weights, long step) {
        double loss = 0;
        int targets = 0;
        int correct = 0;
        int pairs = 0;
        int ordered = 0;
        for (PretrainingBatch b : batches) {
            PretrainingLoss l = pass.loss(weights, b);
            loss += l.mlmLoss() * l.targets();
            targets += l.targets();
            correct += l.mlmCorrect();
            pairs += l.sequences();
            ordered += l.sopCorrect();
        }
        return new HeldOutScore(step, targets == 0 ? 0 : loss / targets, targets == 0 ? 0 : (double) correct / targets,
                targets, pairs == 0 ? 0 : (double) ordered / pairs, pairs);
    }
}
