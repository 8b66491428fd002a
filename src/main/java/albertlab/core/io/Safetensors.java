package albertlab.core.io;

import albertlab.core.model.Tensor;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the safetensors format: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
 * shape and [begin, end) byte offsets into the data that follows. F32, F16 and BF16 become float32; integer
 * buffers (such as {@code position_ids}) are skipped.
 */
public final class Safetensors {

    private Safetensors() {
    }

    public static Map<String, Tensor> read(Path file) throws CheckpointException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return read(file, bytes);
    }

    static Map<String, Tensor> read(Path file, byte[] bytes) throws CheckpointException {
        if (bytes.length < 8) throw new CheckpointException(file, "truncated: shorter than the 8-byte header length");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong(0);
        if (headerLength < 2 || headerLength > bytes.length - 8L) {
            throw new CheckpointException(file, "header length " + headerLength + " is beyond the file's "
                    + bytes.length + " bytes");
        }
        int dataStart = 8 + (int) headerLength;
        JsonObject header;
        try {
            header = JsonParser.parseString(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "header is not a JSON object", e);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : header.entrySet()) {
            String name = entry.getKey();
            if (name.equals("__metadata__")) continue;
            try {
                JsonObject info = entry.getValue().getAsJsonObject();
                String dtype = info.get("dtype").getAsString();
                var shapeJson = info.getAsJsonArray("shape");
                int[] shape = new int[shapeJson.size()];
                long count = 1;
                for (int i = 0; i < shape.length; i++) {
                    long d = shapeJson.get(i).getAsLong();
                    if (d < 0 || d > Integer.MAX_VALUE) throw new CheckpointException(file, name + ": bad dimension " + d);
                    shape[i] = (int) d;
                    count *= d;
                    if (count > Integer.MAX_VALUE) throw new CheckpointException(file, name + ": tensor too large");
                }
                var offsets = info.getAsJsonArray("data_offsets");
                long begin = offsets.get(0).getAsLong();
                long end = offsets.get(1).getAsLong();
                if (begin < 0 || end < begin || dataStart + end > bytes.length) {
                    throw new CheckpointException(file, name + ": data offsets [" + begin + ", " + end
                            + ") reach beyond the end of the file (truncated?)");
                }
                int width = switch (dtype) {
                    case "F32" -> 4;
                    case "F16", "BF16" -> 2;
                    case "I64", "I32", "I16", "I8", "U8", "BOOL", "F64" -> -1;
                    default -> throw new CheckpointException(file, name + ": unknown dtype " + dtype);
                };
                if (width < 0) continue; // buffers such as position_ids are not parameters
                if (end - begin != count * width) {
                    throw new CheckpointException(file, name + ": " + (end - begin) + " bytes do not hold "
                            + count + " values of " + dtype);
                }
                float[] data = new float[(int) count];
                int at = dataStart + (int) begin;
                for (int i = 0; i < data.length; i++) {
                    data[i] = switch (dtype) {
                        case "F32" -> buf.getFloat(at + 4 * i);
                        case "BF16" -> Float.intBitsToFloat((buf.getShort(at + 2 * i) & 0xffff) << 16);
                        default -> HalfFloat.toFloat(buf.getShort(at + 2 * i));
                    };
                }
                out.put(name, new Tensor(name, shape, data));
            } catch (CheckpointException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new CheckpointException(file, name + ": malformed header entry", e);
            }
        }
        return out;
    }
}
