package albertlab.core.model;

import albertlab.core.config.Activation;
import albertlab.core.config.AlbertConfig;
import albertlab.core.config.ProjectionConvention;
import albertlab.core.config.SharingMode;
import albertlab.core.ops.Kernel;
import albertlab.core.ops.KernelTestAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fast model against {@link ReferenceAlbert} (plain double loops) on configs the golden set lacks: G > 1 with
 * inner_group_num > 1, a head count that is not a power of two, every sharing mode and activation, no projection,
 * S = 1 and S = 37 with padding and token types.
 */
class ReferenceForwardTest {

    private static final AlbertConfig GROUPED = AlbertConfig.builder()
            .vocabSize(50).embeddingSize(12).hiddenSize(30).numAttentionHeads(3).intermediateSize(40)
            .numHiddenLayers(4).numHiddenGroups(2).innerGroupNum(2).maxPositionEmbeddings(40).typeVocabSize(3)
            .hiddenAct(Activation.GELU).sharingMode(SharingMode.ALL_SHARED).build();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        List<AlbertConfig> configs = List.of(
                GROUPED,
                GROUPED.toBuilder().hiddenAct(Activation.GELU_NEW).sharingMode(SharingMode.SHARED_ATTENTION).build(),
                GROUPED.toBuilder().hiddenAct(Activation.RELU).sharingMode(SharingMode.SHARED_FFN).build(),
                GROUPED.toBuilder().sharingMode(SharingMode.NOT_SHARED).numHiddenLayers(3).numHiddenGroups(1).build(),
                // BERT style: E = H and no projection, hidden_states[0] is the embedding output itself
                GROUPED.toBuilder().embeddingSize(30).projection(ProjectionConvention.ORIGINAL_ONLY_WHEN_FACTORIZED)
                        .build());
        for (Kernel kernel : KernelTestAccess.kernels()) {
            for (AlbertConfig config : configs) {
                for (int s : new int[]{1, 37}) out.add(Arguments.of(kernel, config, s));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fastModelMatchesNaiveReference(Kernel kernel, AlbertConfig config, int tokens) {
        AlbertModel model = AlbertModel.create(AlbertModel.random(config, 11, true).weights(), kernel);
        Random random = new Random(tokens);
        int[] ids = new int[tokens];
        int[] types = new int[tokens];
        int[] mask = new int[tokens];
        for (int t = 0; t < tokens; t++) {
            ids[t] = random.nextInt(config.vocabSize());
            types[t] = t < tokens / 2 ? 0 : 1 + random.nextInt(2);
            mask[t] = t == 0 || t < tokens - 5 ? 1 : 0;
        }
        ForwardTrace got = model.forward(new ModelInput(ids, types, mask));
        ReferenceAlbert.Result want = ReferenceAlbert.forward(model.weights(), ids, types, mask);
        String at = kernel.name() + " " + config.sharingMode() + " " + config.hiddenAct() + " S=" + tokens;

        near(at + " embedding", want.embedding(), got.embeddingOutput());
        assertEquals(want.states().size(), got.hiddenStates().size(), at);
        assertEquals(config.layerApplications(), got.attentions().size(), at);
        for (int t = 0; t < want.states().size(); t++) near(at + " state " + t, want.states().get(t), got.hiddenStates().get(t));
        if (!config.hasProjection()) near(at + " no projection", want.embedding(), got.hiddenStates().get(0));
        for (int t = 0; t < want.attentions().size(); t++) {
            for (int n = 0; n < config.numAttentionHeads(); n++) {
                near(at + " attention " + t + " head " + n, want.attentions().get(t)[n], got.attentions().get(t)[n]);
            }
        }
        near(at + " pooled", new double[][]{want.pooled()}, new float[][]{got.pooledOutput()});
        near(at + " mlm", want.mlm(), got.mlmLogits());
        near(at + " sop", new double[][]{want.sop()}, new float[][]{got.sopLogits()});
        for (int t = 0; t < got.layerSummaries().size(); t++) {
            double[][] x = want.states().get(t);
            double[][] y = want.states().get(t + 1);
            double cos = 0, angle = 0, l2 = 0;
            int real = 0;
            for (int i = 0; i < tokens; i++) {
                if (mask[i] == 0) continue;
                double dot = 0, xx = 0, yy = 0, dd = 0;
                for (int f = 0; f < x[i].length; f++) {
                    dot += x[i][f] * y[i][f];
                    xx += x[i][f] * x[i][f];
                    yy += y[i][f] * y[i][f];
                    dd += (y[i][f] - x[i][f]) * (y[i][f] - x[i][f]);
                }
                double c = dot / Math.sqrt(xx * yy);
                cos += c;
                angle += Math.toDegrees(Math.acos(c));
                l2 += Math.sqrt(dd);
                real++;
            }
            LayerSummary summary = got.layerSummaries().get(t);
            near(at + " cosine " + t, cos / real, summary.cosine());
            near(at + " angle " + t, angle / real, summary.angleDegrees());
            near(at + " l2 " + t, l2 / real, summary.l2());
        }
    }

    static void near(String where, double[][] want, float[][] got) {
        assertEquals(want.length, got.length, where);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i].length, got[i].length, where);
            for (int j = 0; j < want[i].length; j++) near(where + " [" + i + "][" + j + "]", want[i][j], got[i][j]);
        }
    }

    static void near(String where, double want, double got) {
        if (!(Math.abs(got - want) <= 1e-4 + 1e-4 * Math.abs(want))) fail(where + ": got " + got + ", want " + want);
    }
}
