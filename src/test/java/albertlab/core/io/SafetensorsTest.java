package albertlab.core.io;

import albertlab.core.model.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafetensorsTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private String failure(byte[] bytes) throws IOException {
        Path f = file("model.safetensors", bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.readContents(f));
        assertTrue(e.getMessage().startsWith("model.safetensors: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void goldenFileHas32Float32TensorsWithKnownValues() throws Exception {
        Safetensors.Contents c = Safetensors.readContents(file("model.safetensors", Fixtures.golden("model.safetensors")));
        assertEquals(32, c.tensors().size());
        assertEquals(Map.of("format", "pt"), c.metadata());
        assertEquals(Map.of(), c.otherDtypes());
        Tensor word = c.tensors().get("albert.embeddings.word_embeddings.weight");
        assertArrayEquals(new int[]{120, 16}, word.shape());
        assertEquals(-0.06335673481225967f, word.data()[0]);
        assertEquals(-0.15532004833221436f, word.data()[1]);
        Tensor ffn = c.tensors().get("albert.encoder.albert_layer_groups.0.albert_layers.0.ffn.weight");
        assertArrayEquals(new int[]{64, 32}, ffn.shape());
        assertEquals(0.09582401067018509f, ffn.data()[0]);
        assertEquals(0.20429925620555878f, c.tensors().get("sop_classifier.classifier.bias").data()[1]);
    }

    @Test
    void writingTheGoldenTensorsReproducesTheGoldenFileByteForByte() throws Exception {
        byte[] golden = Fixtures.golden("model.safetensors");
        Map<String, Tensor> tensors = Safetensors.read(file("in.safetensors", golden));
        List<Tensor> shuffled = new ArrayList<>(tensors.values());
        java.util.Collections.shuffle(shuffled, new Random(7));
        Path out = dir.resolve("out.safetensors");
        Safetensors.write(out, shuffled);
        assertArrayEquals(golden, Files.readAllBytes(out));
    }

    @Test
    void writerPadsTheHeaderWithSpacesToAMultipleOf8AndKeepsOffsetsInOrder() throws Exception {
        Random r = new Random(3);
        List<Tensor> tensors = List.of(
                new Tensor("b", new int[]{3}, Fixtures.vector(r, 3)),
                new Tensor("a", new int[]{2, 5}, Fixtures.vector(r, 10)),
                new Tensor("scalar", new int[]{}, new float[]{Float.NaN}),
                new Tensor("empty", new int[]{0, 4}, new float[0]));
        Path out = dir.resolve("w.safetensors");
        Safetensors.write(out, tensors);
        byte[] bytes = Files.readAllBytes(out);
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertEquals(0, n % 8);
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F32\",\"shape\":[2,5],"
                + "\"data_offsets\":[0,40]},\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[40,52]},"
                + "\"empty\":{\"dtype\":\"F32\",\"shape\":[0,4],\"data_offsets\":[52,52]},"
                + "\"scalar\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[52,56]}}"), header);
        assertTrue(n - header.stripTrailing().length() < 8, "at most 7 spaces of padding");
        assertTrue(header.substring(header.lastIndexOf('}') + 1).isBlank());
        assertEquals(8 + n + 56, bytes.length);

        Map<String, Tensor> back = Safetensors.read(out);
        assertEquals(List.of("a", "b", "empty", "scalar"), new ArrayList<>(back.keySet()));
        for (Tensor t : tensors) {
            assertArrayEquals(t.shape(), back.get(t.name()).shape());
            assertArrayEquals(t.data(), back.get(t.name()).data());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("w.safetensors"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void float16DecodesKnownBitPatterns() throws Exception {
        // 1, -2, 65504 (largest), 2^-14 (smallest normal), 2^-24 (smallest subnormal), -0, +inf, -inf, 1/3 rounded
        byte[] data = Fixtures.littleEndianShorts(0x3C00, 0xC000, 0x7BFF, 0x0400, 0x0001, 0x8000, 0x7C00, 0xFC00,
                0x3555, 0x7E00);
        float[] x = readOne("F16", 10, data);
        assertEquals(1f, x[0]);
        assertEquals(-2f, x[1]);
        assertEquals(65504f, x[2]);
        assertEquals(0x1p-14f, x[3]);
        assertEquals(0x1p-24f, x[4]);
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(x[5]));
        assertEquals(Float.POSITIVE_INFINITY, x[6]);
        assertEquals(Float.NEGATIVE_INFINITY, x[7]);
        assertEquals(0.333251953125f, x[8]);
        assertTrue(Float.isNaN(x[9]));
    }

    @Test
    void float16EncodingRoundsToNearestEven() {
        assertEquals(0x3C00, HalfFloat.fromFloat(1f) & 0xffff);
        assertEquals(0x3555, HalfFloat.fromFloat(1f / 3) & 0xffff);
        assertEquals(0x7BFF, HalfFloat.fromFloat(65504f) & 0xffff);
        assertEquals(0x7C00, HalfFloat.fromFloat(65520f) & 0xffff); // the tie above the largest goes to infinity
        assertEquals(0x3C00, HalfFloat.fromFloat(1 + 0x1p-11f) & 0xffff); // tie: to the even mantissa 0
        assertEquals(0x3C02, HalfFloat.fromFloat(1 + 3 * 0x1p-11f) & 0xffff); // tie: to the even mantissa 2
        assertEquals(0x0001, HalfFloat.fromFloat(0x1p-24f) & 0xffff);
        assertEquals(0x0000, HalfFloat.fromFloat(0x1p-25f) & 0xffff); // tie between 0 and 2^-24: to 0
        assertEquals(0x0001, HalfFloat.fromFloat(1.5f * 0x1p-25f) & 0xffff);
        assertEquals(0x8000, HalfFloat.fromFloat(-1e-30f) & 0xffff);
        assertEquals(0x03FF, HalfFloat.fromFloat(0x1p-14f - 0x1p-24f) & 0xffff); // largest subnormal
        assertEquals(0x0400, HalfFloat.fromFloat(0x1p-14f - 0x1p-26f) & 0xffff); // rounds up into the normals
        assertEquals(0xFC00, HalfFloat.fromFloat(Float.NEGATIVE_INFINITY) & 0xffff);
        assertTrue(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NaN))));
    }

    @Test
    void everyFloat16SurvivesTheRoundTripAndEveryFloatGoesToANearestOne() {
        for (int h = 0; h < 0x10000; h++) {
            if ((h & 0x7C00) == 0x7C00 && (h & 0x3FF) != 0) continue; // NaNs
            assertEquals(h, HalfFloat.fromFloat(HalfFloat.toFloat((short) h)) & 0xffff, Integer.toHexString(h));
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float x = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 6));
            int h = HalfFloat.fromFloat(x) & 0xffff;
            double error = Math.abs(HalfFloat.toFloat((short) h) - (double) x);
            // neither neighbour of the chosen half is closer
            for (int n : new int[] {h - 1, h + 1}) {
                if ((n & 0x7FFF) >= 0x7C00 || n < 0 || n > 0xFFFF || ((n ^ h) & 0x8000) != 0) continue;
                assertTrue(error <= Math.abs(HalfFloat.toFloat((short) n) - (double) x), x + " -> " + h);
            }
        }
    }

    @Test
    void float16FilesHoldHalfTheBytesAndReadBackRounded() throws Exception {
        float[] data = new float[1000];
        Random random = new Random(3);
        for (int i = 0; i < data.length; i++) data[i] = (float) random.nextGaussian() * 0.05f;
        Path f32 = dir.resolve("f32.safetensors");
        Path f16 = dir.resolve("f16.safetensors");
        List<Tensor> tensors = List.of(new Tensor("w", new int[] {10, 100}, data));
        Safetensors.write(f32, tensors, Map.of("albertlab.step", "7"), Safetensors.Precision.F32);
        Safetensors.write(f16, tensors, Map.of("albertlab.step", "7"), Safetensors.Precision.F16);
        Safetensors.Contents back = Safetensors.readContents(f16);
        assertEquals("7", back.metadata().get("albertlab.step"));
        float[] read = back.tensors().get("w").data();
        for (int i = 0; i < data.length; i++) assertEquals(HalfFloat.toFloat(HalfFloat.fromFloat(data[i])), read[i]);
        assertEquals(4000 - 2000, Files.size(f32) - Files.size(f16) + headerGrowth(f32, f16));
    }

    /** The F16 header names its dtype with the same number of characters, so only the data shrinks. */
    private static long headerGrowth(Path a, Path b) throws IOException {
        return headerLength(b) - headerLength(a);
    }

    private static long headerLength(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void bfloat16DecodesKnownBitPatterns() throws Exception {
        // 1, -2, 3.140625 (pi in bf16), +inf, smallest subnormal 2^-133, largest (2 - 2^-7) 2^127
        byte[] data = Fixtures.littleEndianShorts(0x3F80, 0xC000, 0x4049, 0x7F80, 0x0001, 0x7F7F);
        float[] x = readOne("BF16", 6, data);
        assertEquals(1f, x[0]);
        assertEquals(-2f, x[1]);
        assertEquals(3.140625f, x[2]);
        assertEquals(Float.POSITIVE_INFINITY, x[3]);
        assertEquals(0x1p-133f, x[4]);
        assertEquals((2 - 0x1p-7f) * 0x1p127f, x[5]);
    }

    @Test
    void float64IsNarrowedToFloat32() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).putDouble(-1e300);
        float[] x = readOne("F64", 2, b.array());
        assertEquals(0.1f, x[0]);
        assertEquals(Float.NEGATIVE_INFINITY, x[1]);
    }

    private float[] readOne(String dtype, int n, byte[] data) throws Exception {
        String header = "{\"t\":{\"dtype\":\"" + dtype + "\",\"shape\":[" + n + "],\"data_offsets\":[0," + data.length + "]}}";
        return Safetensors.read(file("t.safetensors", Fixtures.safetensors(header, data))).get("t").data();
    }

    @Test
    void integerBuffersAreListedButNotRead() throws Exception {
        byte[] data = new byte[8 * 3 + 4];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(1).putLong(2).putFloat(2.5f);
        String header = "{\"position_ids\":{\"dtype\":\"I64\",\"shape\":[1,3],\"data_offsets\":[0,24]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[24,28]}}";
        Safetensors.Contents c = Safetensors.readContents(file("b.safetensors", Fixtures.safetensors(header, data)));
        assertEquals(List.of("w"), new ArrayList<>(c.tensors().keySet()));
        assertEquals(2.5f, c.tensors().get("w").data()[0]);
        assertEquals(Map.of("position_ids", "I64"), c.otherDtypes());
    }

    @Test
    void tensorsMayBeListedInAnyOrderInTheHeader() throws Exception {
        String header = "{\"second\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"first\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        Map<String, Tensor> t = Safetensors.read(file("o.safetensors",
                Fixtures.safetensors(header, Fixtures.littleEndianFloats(1f, 2f))));
        assertEquals(1f, t.get("first").data()[0]);
        assertEquals(2f, t.get("second").data()[0]);
    }

    // ---- one fixture per failure ----

    @Test
    void truncatedFileIsRefused() throws Exception {
        byte[] golden = Fixtures.golden("model.safetensors");
        String m = failure(Arrays.copyOf(golden, golden.length - 100));
        assertTrue(m.contains("truncated"), m);
        assertTrue(m.contains("55592 bytes of data"), m);
    }

    @Test
    void fileShorterThanTheLengthFieldIsRefused() throws Exception {
        String m = failure(new byte[]{1, 2, 3});
        assertTrue(m.contains("truncated: 3 bytes"), m);
    }

    @Test
    void headerLengthBeyondTheFileIsRefused() throws Exception {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        String m = failure(Fixtures.safetensors(header, new byte[4], 1_000_000L));
        assertTrue(m.contains("header length 1000000 is beyond the end of the file"), m);
        // a negative length read as unsigned: still one clear line
        m = failure(Fixtures.safetensors(header, new byte[4], -5L));
        assertTrue(m.contains("header length 18446744073709551611 is beyond"), m);
    }

    @Test
    void unknownDtypeIsRefused() throws Exception {
        String header = "{\"w\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        String m = failure(Fixtures.safetensors(header, new byte[4]));
        assertTrue(m.contains("tensor w has unknown dtype 'Q7'"), m);
    }

    @Test
    void overlappingOffsetsAreRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        String m = failure(Fixtures.safetensors(header, new byte[12]));
        assertTrue(m.contains("tensor b (bytes 4 to 12) overlaps tensor a"), m);
    }

    @Test
    void offsetsRunningBackwardsAreRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}";
        String m = failure(Fixtures.safetensors(header, new byte[4]));
        assertTrue(m.contains("data offsets [4, 0) are out of order"), m);
    }

    @Test
    void gapBetweenTensorsIsRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        String m = failure(Fixtures.safetensors(header, new byte[8]));
        assertTrue(m.contains("gap of 4 bytes before tensor a"), m);
    }

    @Test
    void bytesAfterTheLastTensorAreRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        String m = failure(Fixtures.safetensors(header, new byte[9]));
        assertTrue(m.contains("5 unexpected bytes after the last tensor"), m);
    }

    @Test
    void byteCountThatDoesNotMatchTheShapeIsRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        String m = failure(Fixtures.safetensors(header, new byte[8]));
        assertTrue(m.contains("tensor a: 8 bytes of data do not hold shape [3] of F32 (12 bytes)"), m);
    }

    @Test
    void hugeShapeIsRefusedBeforeAnythingIsAllocated() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2000000000,2000000000],\"data_offsets\":[0,4]}}";
        String m = failure(Fixtures.safetensors(header, new byte[4]));
        assertTrue(m.contains("tensor a: shape [2000000000, 2000000000] is too large to load"), m);
        header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[99999999999999999999],\"data_offsets\":[0,4]}}";
        m = failure(Fixtures.safetensors(header, new byte[4]));
        assertTrue(m.contains("tensor a: shape holds something that is not a whole number"), m);
        header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}";
        m = failure(Fixtures.safetensors(header, new byte[4]));
        assertTrue(m.contains("impossible dimension -1"), m);
    }

    @Test
    void headerThatIsNotAJsonObjectIsRefused() throws Exception {
        String m = failure(Fixtures.safetensors("[1,2,3] ", new byte[0]));
        assertTrue(m.contains("header is not a JSON object"), m);
        m = failure(Fixtures.safetensors("{\"a\":", new byte[0]));
        assertTrue(m.contains("header is not valid JSON near tensor a"), m);
        m = failure(Fixtures.safetensors("{\"a\":[]}", new byte[0]));
        assertTrue(m.contains("tensor a: header entry is not an object"), m);
        m = failure(Fixtures.safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", new byte[4]));
        assertTrue(m.contains("tensor a: no data_offsets"), m);
        m = failure(Fixtures.safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}} x", new byte[4]));
        assertTrue(m.contains("header is not valid JSON"), m);
        byte[] notUtf8 = Fixtures.safetensors("{\"\u00e9\":1}", new byte[0]);
        notUtf8[10] = (byte) 0xff;
        assertTrue(failure(notUtf8).contains("header is not valid UTF-8"));
    }

    @Test
    void duplicateTensorNameIsRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        String m = failure(Fixtures.safetensors(header, new byte[8]));
        assertTrue(m.contains("header names a twice"), m);
    }

    @Test
    void missingFileIsNamed() {
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Safetensors.readContents(dir.resolve("nothing.safetensors")));
        assertEquals("nothing.safetensors: file not found", e.getMessage());
    }
}
