package albertlab.core.io;

import albertlab.core.model.Tensor;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The safetensors format: an 8-byte little-endian header length n, n bytes of JSON naming each tensor's dtype,
 * shape and [begin, end) byte offsets into the data that follows. Nothing in the file is executed.
 *
 * <p>The reader checks the whole header (every offset inside the file, tensors back to back without gaps or
 * overlaps, byte counts matching shapes, as the reference implementation does) before it reads a single value, so a
 * damaged file is refused with one line and never half read. F64, F32, F16 and BF16 become float32.
 */
public final class Safetensors {

    /** The reference implementation refuses headers above 100 MB; so do we (a real one is a few kB). */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /** The largest Java float array. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;
    private static final int CHUNK = 1 << 20;

    /**
     * What a file holds.
     *
     * @param tensors     the floating-point tensors as float32, in header order
     * @param otherDtypes names and dtypes of tensors that were not read (integer buffers such as position_ids)
     * @param metadata    the {@code __metadata__} strings, e.g. format = pt
     */
    /** @param floatDtypes how the float tensors were stored ("F32", "F16", ...), each named once */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> otherDtypes, Map<String, String> metadata,
                           java.util.SortedSet<String> floatDtypes) {

        public Contents(Map<String, Tensor> tensors, Map<String, String> otherDtypes, Map<String, String> metadata) {
            this(tensors, otherDtypes, metadata, new java.util.TreeSet<>(java.util.Set.of("F32")));
        }
    }

    private record Entry(String name, SafetensorsDtype dtype, int[] shape, long count, long begin, long end) {
    }

    private Safetensors() {
    }

    /** The floating-point tensors of a file, as float32. */
    public static Map<String, Tensor> read(Path file) throws CheckpointException {
        return readContents(file).tensors();
    }

    public static Contents readContents(Path file) throws CheckpointException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, channel);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, "file not found");
        } catch (AccessDeniedException e) {
            throw new CheckpointException(file, "permission denied");
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read (" + CheckpointException.firstLine(e) + ")", e);
        }
    }

    private static Contents read(Path file, FileChannel channel) throws IOException, CheckpointException {
        long size = channel.size();
        if (size < 8) {
            throw new CheckpointException(file, "truncated: " + size + " bytes, shorter than the 8-byte header length");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, channel, lengthBytes, 0);
        long headerLength = lengthBytes.getLong(0);
        if (headerLength < 0 || headerLength > size - 8) {
            throw new CheckpointException(file, "header length " + Long.toUnsignedString(headerLength)
                    + " is beyond the end of the file (" + size + " bytes): truncated or not a safetensors file");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new CheckpointException(file, "header of " + headerLength + " bytes is larger than the "
                    + MAX_HEADER_BYTES / 1_000_000 + " MB limit");
        }
        if (headerLength < 2) {
            throw new CheckpointException(file, "header length " + headerLength + " is too short for a JSON header");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(file, channel, headerBytes, 8);
        String json = StrictJson.utf8(file, headerBytes.array(), 0, (int) headerLength, "header");
        long dataStart = 8 + headerLength;

        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = parseHeader(file, json, metadata);
        checkOffsets(file, entries, size - dataStart);

        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        long floats = 0;
        java.util.SortedSet<String> floatDtypes = new java.util.TreeSet<>();
        for (Entry e : entries) {
            if (e.dtype.readable) floatDtypes.add(e.dtype.name());
            if (e.dtype.readable) floats += e.count;
            else others.put(e.name, e.dtype.name());
        }
        requireMemory(file, floats * Float.BYTES);
        try {
            for (Entry e : entries) {
                if (e.dtype.readable) tensors.put(e.name, new Tensor(e.name, e.shape, readFloats(file, channel, e, dataStart)));
            }
        } catch (OutOfMemoryError oom) {
            tensors.clear(); // give the memory back before reporting
            throw new CheckpointException(file, "not enough memory for " + floats * Float.BYTES / 1_000_000
                    + " MB of weights (start Java with a larger -Xmx)");
        }
        return new Contents(tensors, others, metadata, floatDtypes);
    }

    private static List<Entry> parseHeader(Path file, String json, Map<String, String> metadata)
            throws CheckpointException {
        List<Entry> entries = new ArrayList<>();
        String at = "header";
        try {
            JsonReader reader = StrictJson.reader(json);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new CheckpointException(file, "header is not a JSON object");
            }
            reader.beginObject();
            Set<String> seen = new HashSet<>();
            while (reader.hasNext()) {
                String name = reader.nextName();
                at = "tensor " + name;
                if (!seen.add(name)) throw new CheckpointException(file, "header names " + name + " twice");
                if (name.equals("__metadata__")) {
                    readMetadata(file, reader, metadata);
                } else {
                    entries.add(readEntry(file, reader, name));
                }
            }
            reader.endObject();
            StrictJson.expectEnd(reader);
        } catch (IOException | RuntimeException e) {
            // Gson reports malformed JSON as MalformedJsonException (an IOException) or IllegalStateException
            throw new CheckpointException(file, "header is not valid JSON near " + at + " ("
                    + StrictJson.problem(e) + ")", e);
        }
        return entries;
    }

    private static void readMetadata(Path file, JsonReader reader, Map<String, String> metadata)
            throws IOException, CheckpointException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) throw new CheckpointException(file, "__metadata__ is not an object");
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (reader.peek() != JsonToken.STRING) {
                throw new CheckpointException(file, "__metadata__ value of " + key + " is not a string");
            }
            metadata.put(key, reader.nextString());
        }
        reader.endObject();
    }

    private static Entry readEntry(Path file, JsonReader reader, String name) throws IOException, CheckpointException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            throw new CheckpointException(file, "tensor " + name + ": header entry is not an object");
        }
        String dtypeName = null;
        long[] shape = null;
        long[] offsets = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "dtype" -> {
                    if (reader.peek() != JsonToken.STRING) {
                        throw new CheckpointException(file, "tensor " + name + ": dtype is not a string");
                    }
                    dtypeName = reader.nextString();
                }
                case "shape" -> shape = wholeNumbers(file, reader, name, "shape");
                case "data_offsets" -> offsets = wholeNumbers(file, reader, name, "data_offsets");
                default -> reader.skipValue(); // as the reference reader does
            }
        }
        reader.endObject();
        if (dtypeName == null) throw new CheckpointException(file, "tensor " + name + ": no dtype");
        if (shape == null) throw new CheckpointException(file, "tensor " + name + ": no shape");
        if (offsets == null) throw new CheckpointException(file, "tensor " + name + ": no data_offsets");
        String finalDtype = dtypeName;
        SafetensorsDtype dtype = SafetensorsDtype.of(dtypeName).orElseThrow(() ->
                new CheckpointException(file, "tensor " + name + " has unknown dtype '" + finalDtype + "'"));
        int[] dims = new int[shape.length];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0 || shape[i] > MAX_ELEMENTS) {
                throw new CheckpointException(file, "tensor " + name + ": impossible dimension " + shape[i]
                        + " in shape " + Arrays.toString(shape));
            }
            dims[i] = (int) shape[i];
            count *= shape[i]; // stays below 2^62: each factor is below 2^31 and count is checked every step
            if (count > MAX_ELEMENTS) {
                throw new CheckpointException(file, "tensor " + name + ": shape " + Arrays.toString(shape)
                        + " is too large to load");
            }
        }
        if (offsets.length != 2) {
            throw new CheckpointException(file, "tensor " + name + ": data_offsets must be [begin, end], got "
                    + Arrays.toString(offsets));
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (begin < 0 || end < begin) {
            throw new CheckpointException(file, "tensor " + name + ": data offsets [" + begin + ", " + end
                    + ") are out of order");
        }
        if (end - begin != count * dtype.width) {
            throw new CheckpointException(file, "tensor " + name + ": " + (end - begin) + " bytes of data do not hold "
                    + "shape " + Arrays.toString(dims) + " of " + dtype + " (" + count * dtype.width + " bytes)");
        }
        return new Entry(name, dtype, dims, count, begin, end);
    }

    private static long[] wholeNumbers(Path file, JsonReader reader, String name, String field)
            throws IOException, CheckpointException {
        if (reader.peek() != JsonToken.BEGIN_ARRAY) {
            throw new CheckpointException(file, "tensor " + name + ": " + field + " is not a list of numbers");
        }
        List<Long> out = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            Long v = StrictJson.wholeNumber(reader);
            if (v == null) {
                throw new CheckpointException(file, "tensor " + name + ": " + field + " holds something that is "
                        + "not a whole number");
            }
            if (out.size() >= 64) throw new CheckpointException(file, "tensor " + name + ": " + field + " is too long");
            out.add(v);
        }
        reader.endArray();
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Tensors must tile the data exactly: back to back from 0 to the end of the file. */
    private static void checkOffsets(Path file, List<Entry> entries, long dataLength) throws CheckpointException {
        List<Entry> byBegin = new ArrayList<>(entries);
        byBegin.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        Entry previous = null;
        for (Entry e : byBegin) {
            if (e.begin < expected) {
                throw new CheckpointException(file, "tensor " + e.name + " (bytes " + e.begin + " to " + e.end
                        + ") overlaps tensor " + previous.name + " (bytes " + previous.begin + " to " + previous.end + ")");
            }
            if (e.begin > expected) {
                throw new CheckpointException(file, "gap of " + (e.begin - expected) + " bytes before tensor " + e.name
                        + " (data offsets must follow each other)");
            }
            expected = e.end;
            previous = e;
        }
        if (expected > dataLength) {
            throw new CheckpointException(file, "truncated: the tensors need " + expected + " bytes of data, the file "
                    + "has " + dataLength + " after the header");
        }
        if (expected < dataLength) {
            throw new CheckpointException(file, (dataLength - expected) + " unexpected bytes after the last tensor");
        }
    }

    /** Refuses only what can never fit; whether it fits now (garbage may be collectable) shows when allocating. */
    private static void requireMemory(Path file, long bytes) throws CheckpointException {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new CheckpointException(file, "needs " + bytes / 1_000_000 + " MB of memory for its weights, Java "
                    + "may use " + max / 1_000_000 + " MB (start Java with a larger -Xmx)");
        }
    }

    private static float[] readFloats(Path file, FileChannel channel, Entry e, long dataStart)
            throws IOException, CheckpointException {
        float[] out = new float[(int) e.count];
        int width = e.dtype.width;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
        long position = dataStart + e.begin;
        int done = 0;
        while (done < out.length) {
            int n = Math.min(out.length - done, buf.capacity() / width);
            buf.clear().limit(n * width);
            readFully(file, channel, buf, position);
            position += (long) n * width;
            buf.flip();
            if (e.dtype == SafetensorsDtype.F32) {
                buf.asFloatBuffer().get(out, done, n); // the view keeps the little-endian order
                done += n;
                continue;
            }
            for (int i = 0; i < n; i++) {
                out[done + i] = switch (e.dtype) {
                    case F32 -> buf.getFloat();
                    case F64 -> (float) buf.getDouble();
                    case F16 -> HalfFloat.toFloat(buf.getShort());
                    case BF16 -> HalfFloat.bf16ToFloat(buf.getShort());
                    default -> throw new IllegalStateException(e.dtype + " is not a float type");
                };
            }
            done += n;
        }
        return out;
    }

    private static void readFully(Path file, FileChannel channel, ByteBuffer buf, long position)
            throws IOException, CheckpointException {
        while (buf.hasRemaining()) {
            int n = channel.read(buf, position);
            if (n < 0) throw new CheckpointException(file, "truncated: the file ended while reading it");
            position += n;
        }
    }

    /**
     * Writes float32 tensors with {@code {"format":"pt"}} metadata, as Hugging Face's {@code save_file} does: names
     * in sorted order, data back to back, the header padded with spaces to a multiple of 8 bytes. Atomic.
     */
    public static void write(Path file, List<Tensor> tensors) throws CheckpointException {
        write(file, tensors, Map.of());
    }

    /** The same with more {@code __metadata__} entries beside {@code "format": "pt"} (string to string, as the format says). */
    public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata) throws CheckpointException {
        write(file, tensors, metadata, Precision.F32);
    }

    /** How the numbers are stored: F16 halves a file, and every float32 becomes the nearest float16. */
    public enum Precision {
        F32(4), F16(2);

        final int width;

        Precision(int width) {
            this.width = width;
        }
    }

    /** The same, stored in {@code precision}. */
    public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata, Precision precision)
            throws CheckpointException {
        List<Tensor> sorted = new ArrayList<>(tensors);
        sorted.sort(Comparator.comparing(Tensor::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("tensor " + sorted.get(i).name() + " given twice");
            }
        }
        byte[] header = header(sorted, metadata, precision);
        AtomicFiles.write(file, out -> {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            buf.putLong(header.length);
            out.write(buf.array(), 0, 8);
            out.write(header);
            for (Tensor t : sorted) {
                float[] data = t.data();
                for (int i = 0; i < data.length; ) {
                    buf.clear();
                    int n = Math.min(data.length - i, CHUNK / precision.width);
                    if (precision == Precision.F32) {
                        buf.asFloatBuffer().put(data, i, n);
                    } else {
                        for (int k = 0; k < n; k++) buf.putShort(HalfFloat.fromFloat(data[i + k]));
                    }
                    out.write(buf.array(), 0, n * precision.width);
                    i += n;
                }
            }
        });
    }

    private static byte[] header(List<Tensor> sorted, Map<String, String> metadata, Precision precision) {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.beginObject();
            json.name("__metadata__").beginObject().name("format").value("pt");
            for (Map.Entry<String, String> m : new java.util.TreeMap<>(metadata).entrySet()) {
                if (!m.getKey().equals("format")) json.name(m.getKey()).value(m.getValue());
            }
            json.endObject();
            long offset = 0;
            for (Tensor t : sorted) {
                long end = offset + (long) t.data().length * precision.width;
                json.name(t.name()).beginObject().name("dtype").value(precision.name()).name("shape").beginArray();
                for (int d : t.shape()) json.value(d);
                json.endArray().name("data_offsets").beginArray().value(offset).value(end).endArray().endObject();
                offset = end;
            }
            json.endObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (bytes.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(bytes, padded);
        Arrays.fill(out, bytes.length, padded, (byte) ' ');
        return out;
    }
}
