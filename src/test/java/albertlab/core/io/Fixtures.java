package albertlab.core.io;

import albertlab.core.config.AlbertConfig;
import albertlab.core.model.AlbertWeights;
import albertlab.core.model.AlbertWeights.Attention;
import albertlab.core.model.AlbertWeights.Ffn;
import albertlab.core.model.AlbertWeights.Linear;
import albertlab.core.model.AlbertWeights.Norm;
import albertlab.core.model.LayerSchedule;
import org.ejml.data.FMatrixRMaj;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test data: the golden albert-tiny-a folder, hand-made safetensors bytes and seeded random weights. */
final class Fixtures {

    static final String GOLDEN = "/golden/albert-tiny-a/";

    private Fixtures() {
    }

    static byte[] golden(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(GOLDEN + name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + GOLDEN + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model folder with the golden config.json and model.safetensors (no tokenizer). */
    static Path goldenFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("config.json"), golden("config.json"));
        Files.write(dir.resolve("model.safetensors"), golden("model.safetensors"));
        return dir;
    }

    /** A safetensors file: the 8-byte length of {@code header} (or {@code claimedLength} when not null), header, data. */
    static byte[] safetensors(String header, byte[] data, Long claimedLength) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(claimedLength != null ? claimedLength : h.length).put(h).put(data);
        return b.array();
    }

    static byte[] safetensors(String header, byte[] data) {
        return safetensors(header, data, null);
    }

    static byte[] littleEndianShorts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) b.putShort((short) v);
        return b.array();
    }

    static byte[] littleEndianFloats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return b.array();
    }

    /** Seeded random weights of the right shapes for any config (values are irrelevant to I/O). */
    static AlbertWeights randomWeights(AlbertConfig c, long seed, boolean mlm, boolean sop) {
        Random r = new Random(seed);
        int e = c.embeddingSize();
        int h = c.hiddenSize();
        LayerSchedule s = LayerSchedule.of(c);
        List<Attention> attention = new ArrayList<>();
        for (int k = 0; k < s.attentionSlots(); k++) {
            attention.add(new Attention(linear(r, h, h), linear(r, h, h), linear(r, h, h), linear(r, h, h), norm(r, h)));
        }
        List<Ffn> ffn = new ArrayList<>();
        for (int k = 0; k < s.ffnSlots(); k++) {
            ffn.add(new Ffn(linear(r, c.intermediateSize(), h), linear(r, h, c.intermediateSize()), norm(r, h)));
        }
        return new AlbertWeights(c,
                new AlbertWeights.Embeddings(matrix(r, c.vocabSize(), e), matrix(r, c.maxPositionEmbeddings(), e),
                        matrix(r, c.typeVocabSize(), e), norm(r, e)),
                c.hasProjection() ? linear(r, h, e) : null,
                attention, ffn, linear(r, h, h),
                mlm ? new AlbertWeights.MaskedLmHead(linear(r, e, h), norm(r, e), vector(r, c.vocabSize())) : null,
                sop ? linear(r, 2, h) : null);
    }

    static FMatrixRMaj matrix(Random r, int rows, int cols) {
        return FMatrixRMaj.wrap(rows, cols, vector(r, rows * cols));
    }

    static float[] vector(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    static Linear linear(Random r, int out, int in) {
        return new Linear(matrix(r, out, in), vector(r, out));
    }

    static Norm norm(Random r, int n) {
        return new Norm(vector(r, n), vector(r, n));
    }
}
