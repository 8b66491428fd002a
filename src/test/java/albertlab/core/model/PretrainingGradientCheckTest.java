package albertlab.core.model;

import albertlab.core.config.Activation;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.ops.Kernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole model's gradient against central finite differences of its own loss, in every sharing mode and
 * schedule: shared and unshared halves, Hugging Face groups (G > 1), inner layers, extra repeats of the shared
 * layer, padding, each activation, and a BERT-style model without the E→H projection.
 *
 * <p>Float32 central differences with step 1e-2 (1e-3 for relu, whose kinks a larger step crosses): the loss (≈ 5) carries round-off of about 1e-6, which the
 * difference quotient turns into about 1e-4 of noise; the truncation error is O(h²). So each checked element must
 * agree within 2e-3 + 3% of the gradient. The elements checked per tensor are its largest-gradient one and two
 * random ones: a missed application of a shared layer (1 of 3 to 6) would move the largest gradient by 15–30%.
 */
class PretrainingGradientCheckTest {


    record Case(String name, AlbertConfig config, int extraLayers, boolean padded) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        AlbertConfig base = AlbertConfig.builder().vocabSize(40).embeddingSize(8).hiddenSize(12)
                .numAttentionHeads(2).intermediateSize(20).numHiddenLayers(3).maxPositionEmbeddings(16)
                .sharingMode(SharingMode.ALL_SHARED).hiddenAct(Activation.GELU_NEW).build();
        return Stream.of(
                new Case("all-shared", base, 0, false),
                new Case("not-shared", base.toBuilder().sharingMode(SharingMode.NOT_SHARED).build(), 0, false),
                new Case("shared-attention", base.toBuilder().sharingMode(SharingMode.SHARED_ATTENTION).build(), 0, false),
                new Case("shared-FFN", base.toBuilder().sharingMode(SharingMode.SHARED_FFN).build(), 0, false),
                new Case("two groups over four layers", base.toBuilder().numHiddenLayers(4).numHiddenGroups(2).build(), 0, false),
                new Case("two inner layers", base.toBuilder().numHiddenLayers(2).innerGroupNum(2).build(), 0, false),
                new Case("two extra repeats", base, 2, false),
                new Case("padding", base, 0, true),
                new Case("gelu", base.toBuilder().hiddenAct(Activation.GELU).build(), 0, true),
                new Case("relu", base.toBuilder().hiddenAct(Activation.RELU).build(), 0, false),
                new Case("BERT style (E = H, no projection)", base.toBuilder().embeddingSize(12)
                        .sharingMode(SharingMode.NOT_SHARED).projection(ProjectionConvention.ORIGINAL_ONLY_WHEN_FACTORIZED)
                        .build(), 0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(Case c) {
        AlbertWeights w = RandomWeights.draw(c.config(), 7, true);
        PretrainingBatch batch = batch(c.config(), c.padded(), new Random(11));
        PretrainingPass pass = new PretrainingPass(c.config(), Kernels.best(), c.extraLayers());
        double step = c.config().hiddenAct() == Activation.RELU ? 1e-3 : 1e-2;
        AlbertWeights g = WeightArrays.zerosLike(w);
        pass.run(w, batch, g);
        List<float[]> values = WeightArrays.of(w);
        List<float[]> grads = WeightArrays.of(g);
        Random pick = new Random(3);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int k = 0; k < values.size(); k++) {
            float[] x = values.get(k);
            float[] dx = grads.get(k);
            int largest = 0;
            for (int i = 1; i < dx.length; i++) if (Math.abs(dx[i]) > Math.abs(dx[largest])) largest = i;
            for (int i : new int[]{largest, pick.nextInt(x.length), pick.nextInt(x.length)}) {
                float keep = x[i];
                x[i] = (float) (keep + step);
                double up = pass.loss(w, batch).total();
                x[i] = (float) (keep - step);
                double down = pass.loss(w, batch).total();
                x[i] = keep;
                double numeric = (up - down) / (2 * step);
                checked++;
                if (Math.abs(numeric - dx[i]) > 2e-3 + 0.03 * Math.abs(dx[i])) {
                    failures.add("array " + k + " [" + i + "]: backward " + dx[i] + ", finite difference " + numeric);
                }
            }
        }
        assertTrue(failures.isEmpty(), c + ": " + failures.size() + " of " + checked + " differ: " + failures);
    }

    /** Two sequences [CLS] a a a [SEP] b b [SEP] with 3 targets each; the second padded when asked. */
    static PretrainingBatch batch(AlbertConfig c, boolean padded, Random random) {
        int b = 2;
        int s = 9;
        int[][] ids = new int[b][s];
        int[][] mask = new int[b][s];
        int[][] types = new int[b][s];
        int[][] labels = new int[b][s];
        for (int i = 0; i < b; i++) {
            int real = padded && i == 1 ? 6 : s;
            Arrays.fill(labels[i], PretrainingBatch.IGNORED);
            for (int t = 0; t < s; t++) {
                if (t >= real) continue;
                mask[i][t] = 1;
                ids[i][t] = t == 0 ? 2 : t == real - 1 || t == real / 2 ? 3 : 5 + random.nextInt(c.vocabSize() - 5);
                types[i][t] = t > real / 2 ? 1 : 0;
            }
            for (int t : new int[]{1, 2, real - 2}) {
                labels[i][t] = ids[i][t];
                ids[i][t] = 4;
            }
        }
        return new PretrainingBatch(ids, mask, types, labels, new int[]{0, 1});
    }
}
