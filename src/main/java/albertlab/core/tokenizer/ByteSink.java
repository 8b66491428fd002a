package albertlab.core.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer (unsynchronized, unlike ByteArrayOutputStream) for normalizers that write UTF-8. */
final class ByteSink {

    private byte[] buf;
    private int size;

    ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    void write(byte[] src, int from, int len) {
        ensure(len);
        System.arraycopy(src, from, buf, size, len);
        size += len;
    }

    void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    int size() {
        return size;
    }

    byte byteAt(int i) {
        return buf[i];
    }

    void truncate(int newSize) {
        size = newSize;
    }

    byte[] array() {
        return buf;
    }

    String toUtf8String() {
        return new String(buf, 0, size, StandardCharsets.UTF_8);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
}
