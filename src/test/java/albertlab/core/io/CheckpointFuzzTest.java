package albertlab.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged files, thousands of them: the only outcomes may be a loaded model or a CheckpointException with one
 * non-empty line. No other exception, no hang.
 */
class CheckpointFuzzTest {

    private static final int SAFETENSORS_MUTATIONS = 2500;
    private static final int CONFIG_MUTATIONS = 1000;
    private static final String[] DTYPES = {"F64", "F16", "BF16", "I64", "I8", "BOOL", "U8", "F8_E4M3", "X", ""};

    @TempDir
    Path dir;

    private final byte[] model = Fixtures.golden("model.safetensors");
    private final byte[] config = Fixtures.golden("config.json");
    private final int headerEnd = 8 + (int) ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    private int loaded;
    private int refused;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedSafetensorsEitherLoadOrFailWithOneLine() throws Exception {
        Random r = new Random(20240601L);
        Files.write(dir.resolve("config.json"), config);
        for (int i = 0; i < SAFETENSORS_MUTATIONS; i++) {
            byte[] bytes = mutateModel(r);
            Files.write(dir.resolve("model.safetensors"), bytes);
            attempt("safetensors mutation " + i);
        }
        assertTrue(loaded > 0 && refused > 0, "both outcomes occur: loaded " + loaded + ", refused " + refused);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedConfigJsonEitherLoadsOrFailsWithOneLine() throws Exception {
        Random r = new Random(77L);
        Files.write(dir.resolve("model.safetensors"), model);
        for (int i = 0; i < CONFIG_MUTATIONS; i++) {
            Files.write(dir.resolve("config.json"), mutateConfig(r));
            attempt("config mutation " + i);
        }
        assertTrue(loaded > 0 && refused > 0, "both outcomes occur: loaded " + loaded + ", refused " + refused);
    }

    private void attempt(String what) {
        try {
            ModelFolder.load(dir);
            loaded++;
        } catch (CheckpointException e) {
            String m = e.getMessage();
            assertFalse(m == null || m.isBlank(), what + ": empty message");
            assertFalse(m.contains("\n") || m.contains("\r"), what + ": more than one line: " + m);
            refused++;
        } catch (Throwable t) {
            fail(what + " escaped as " + t, t);
        }
    }

    private byte[] mutateModel(Random r) {
        byte[] b = model.clone();
        switch (r.nextInt(6)) {
            case 0 -> { // bit flips in the length field and the header
                for (int k = 1 + r.nextInt(4); k > 0; k--) b[r.nextInt(headerEnd)] ^= (byte) (1 << r.nextInt(8));
            }
            case 1 -> { // random bytes anywhere, data included
                for (int k = 1 + r.nextInt(8); k > 0; k--) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 3 -> { // the header length off by a little
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, headerEnd - 8 + r.nextInt(33) - 16);
            }
            case 4 -> b = editHeaderText(r, b);
            default -> { // extra bytes at the end, or a chunk cut out of the middle
                if (r.nextBoolean()) {
                    b = Arrays.copyOf(b, b.length + 1 + r.nextInt(16));
                } else {
                    int from = r.nextInt(b.length - 1);
                    int to = Math.min(b.length, from + 1 + r.nextInt(64));
                    byte[] cut = new byte[b.length - (to - from)];
                    System.arraycopy(b, 0, cut, 0, from);
                    System.arraycopy(b, to, cut, from, b.length - to);
                    b = cut;
                }
            }
        }
        return b;
    }

    /** Edits that keep the header plausible JSON: other numbers, other dtypes, characters out or in. */
    private byte[] editHeaderText(Random r, byte[] b) {
        String header = new String(b, 8, headerEnd - 8, StandardCharsets.UTF_8);
        String edited = switch (r.nextInt(4)) {
            case 0 -> replaceNth(header, "\"F32\"", "\"" + DTYPES[r.nextInt(DTYPES.length)] + "\"", r);
            case 1 -> { // a digit changed
                int at = r.nextInt(header.length());
                while (at < header.length() && !Character.isDigit(header.charAt(at))) at++;
                yield at >= header.length() ? header
                        : header.substring(0, at) + (char) ('0' + r.nextInt(10)) + header.substring(at + 1);
            }
            case 2 -> { // one character removed
                int at = r.nextInt(header.length());
                yield header.substring(0, at) + header.substring(at + 1);
            }
            default -> { // a JSON-significant character inserted
                int at = r.nextInt(header.length());
                yield header.substring(0, at) + "{}[],:\"-e.0 9".charAt(r.nextInt(13)) + header.substring(at);
            }
        };
        byte[] h = edited.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + b.length - headerEnd).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h).put(b, headerEnd, b.length - headerEnd);
        return out.array();
    }

    private byte[] mutateConfig(Random r) {
        String text = new String(config, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        String edited = switch (r.nextInt(5)) {
            case 0 -> { // a line left out
                int drop = r.nextInt(lines.length);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < lines.length; i++) if (i != drop) sb.append(lines[i]).append('\n');
                yield sb.toString();
            }
            case 1 -> { // a number replaced by another value
                String[] values = {"0", "-1", "7", "3", "2", "120", "1e400", "2.5", "\"x\"", "null", "[]", "99999999999"};
                int at = r.nextInt(text.length());
                while (at < text.length() && !Character.isDigit(text.charAt(at))) at++;
                int end = at;
                while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.'
                        || text.charAt(end) == 'e' || text.charAt(end) == '-')) end++;
                yield at >= text.length() ? text : text.substring(0, at) + values[r.nextInt(values.length)]
                        + text.substring(end);
            }
            case 2 -> text.substring(0, r.nextInt(text.length()));
            case 3 -> replaceNth(text, "\"gelu_new\"", r.nextBoolean() ? "\"gelu\"" : "\"tanh\"", r);
            default -> {
                char[] c = text.toCharArray();
                c[r.nextInt(c.length)] = (char) (32 + r.nextInt(95));
                yield new String(c);
            }
        };
        return edited.getBytes(StandardCharsets.UTF_8);
    }

    private static String replaceNth(String s, String what, String with, Random r) {
        int count = (s.length() - s.replace(what, "").length()) / what.length();
        if (count == 0) return s;
        int n = r.nextInt(count);
        int at = -1;
        for (int i = 0; i <= n; i++) at = s.indexOf(what, at + 1);
        return s.substring(0, at) + with + s.substring(at + what.length());
    }

    @Test
    void theUnmutatedFilesLoad() throws Exception {
        Files.write(dir.resolve("config.json"), config);
        Files.write(dir.resolve("model.safetensors"), model);
        assertEquals(6, ModelFolder.load(dir).config().numHiddenLayers());
    }
}
