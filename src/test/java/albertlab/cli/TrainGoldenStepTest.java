package albertlab.cli;

import albertlab.core.io.CheckpointLayout;
import albertlab.core.io.ModelFolder;
import albertlab.core.io.Safetensors;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.PretrainingBatch;
import albertlab.core.model.PretrainingLoss;
import albertlab.core.model.PretrainingPass;
import albertlab.core.model.Tensor;
import albertlab.core.model.WeightArrays;
import albertlab.core.ops.Kernel;
import albertlab.core.ops.Kernels;
import albertlab.core.io.BatchFile;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One SGD step of albert-tiny-a against the independent float64 reference of
 * {@code golden/albert-tiny-a-train}: the loss, every gradient and every weight after the step, within the
 * tolerance its README defines. The step runs through the production path: {@code train --init --batch-file}.
 */
class TrainGoldenStepTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/albert-tiny-a-train");

    @Test
    void trainOnTheBatchFileReproducesTheGoldenStep(@TempDir Path out) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = Main.run(new String[]{"train", "--init", GOLDEN.toString(), "--batch-file",
                        GOLDEN.resolve("batch.json").toString(), "--optimizer", "sgd", "--learning-rate", "0.05",
                        "--steps", "1", "--out", out.toString(), "--json"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, status, stderr.toString(StandardCharsets.UTF_8));
        JsonObject expected = expected();
        JsonObject step = JsonParser.parseString(stdout.toString(StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonArray("steps").get(0).getAsJsonObject();
        assertEquals(expected.get("loss").getAsDouble(), step.get("loss").getAsDouble(), 1e-4);
        assertEquals(expected.get("mlm_loss").getAsDouble(), step.get("mlmLoss").getAsDouble(), 1e-4);
        assertEquals(expected.get("sop_loss").getAsDouble(), step.get("sopLoss").getAsDouble(), 1e-4);

        Map<String, Tensor> before = Safetensors.read(GOLDEN.resolve("model.safetensors"));
        Map<String, Tensor> want = Safetensors.read(GOLDEN.resolve("after-one-step.safetensors"));
        Map<String, Tensor> got = Safetensors.read(out.resolve("model.safetensors"));
        assertEquals(want.keySet(), got.keySet());
        assertEquals(expected.get("tensors").getAsInt(), got.size());
        int elements = 0;
        for (String name : want.keySet()) {
            float[] w0 = before.get(name).data();
            float[] w1 = want.get(name).data();
            float[] g1 = got.get(name).data();
            for (int i = 0; i < w1.length; i++) {
                double change = (double) g1[i] - w0[i];
                double wanted = (double) w1[i] - w0[i];
                assertTrue(Math.abs(change - wanted) <= 2e-6 + 1e-3 * Math.abs(wanted),
                        name + "[" + i + "]: changed by " + change + ", reference " + wanted);
                elements++;
            }
        }
        assertEquals(expected.get("parameters").getAsInt(), elements);
        // the folder it wrote is a model folder the other commands open
        assertEquals(expected.get("parameters").getAsLong(),
                WeightArrays.count(ModelFolder.load(out).model().weights()));
    }

    @Test
    void everyGradientMatchesTheReferenceOnBothKernels() throws Exception {
        for (Kernel kernel : kernels()) {
            AlbertWeights w = ModelFolder.load(GOLDEN).model().weights();
            PretrainingBatch batch = BatchFile.read(GOLDEN.resolve("batch.json"), 120, 2, 64);
            AlbertWeights g = WeightArrays.zerosLike(w);
            PretrainingLoss loss = new PretrainingPass(w.config(), kernel, 0).run(w, batch, g);
            assertEquals(expected().get("loss").getAsDouble(), loss.total(), 1e-4, kernel.name());
            assertEquals(9, loss.targets());
            Map<String, Tensor> want = Safetensors.read(GOLDEN.resolve("gradients.safetensors"));
            List<Tensor> got = CheckpointLayout.toTensors(g);
            assertEquals(want.size(), got.size());
            for (Tensor t : got) {
                float[] x = want.get(t.name()).data();
                for (int i = 0; i < x.length; i++) {
                    assertTrue(Math.abs(t.data()[i] - x[i]) <= 1e-5 + 1e-3 * Math.abs(x[i]),
                            kernel.name() + " " + t.name() + "[" + i + "]: " + t.data()[i] + ", reference " + x[i]);
                }
            }
        }
    }

    static List<Kernel> kernels() {
        return Kernels.vector().map(v -> List.of(v, Kernels.scalar())).orElse(List.of(Kernels.scalar()));
    }

    private static JsonObject expected() throws Exception {
        return JsonParser.parseString(Files.readString(GOLDEN.resolve("expected.json"))).getAsJsonObject();
    }
}
