package albertlab.core.corpus;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzipped tar, as {@code npm pack} writes it: POSIX ustar headers, with pax
 * ({@code x}) and GNU ({@code L}) records for long names. Hand-written rather than a dependency because these
 * tarballs use nothing else, and a library for it (Apache Commons Compress) would bring three jars into the app.
 */
final class TarGz {

    /** Receives each wanted file's path inside the archive and its bytes. */
    interface EntryHandler {
        void accept(String path, byte[] content) throws IOException;
    }

    private static final int BLOCK = 512;

    private TarGz() {
    }

    /** @throws IOException for a stream that is not a complete gzipped tar (the message says what is wrong) */
    static void read(InputStream raw, Predicate<String> wanted, EntryHandler handler) throws IOException {
        InputStream in = new GZIPInputStream(raw, 1 << 16);
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (true) {
            if (!readBlock(in, header)) throw new EOFException("the tar ends without its end-of-archive blocks");
            if (isZero(header)) return;
            checkChecksum(header);
            long size = octal(header, 124, 12);
            if (size < 0 || size > Integer.MAX_VALUE - 16) throw new IOException("a tar entry has an impossible size");
            char type = (char) header[156];
            String name = longName != null ? longName : ustarName(header);
            longName = null;
            boolean regular = type == '0' || type == '\0' || type == '7';
            if (type == 'x' || type == 'L') {
                byte[] meta = readBytes(in, (int) size);
                longName = type == 'L' ? cString(meta, 0, meta.length) : paxPath(meta);
            } else if (regular && wanted.test(name)) {
                handler.accept(name, readBytes(in, (int) size));
            } else {
                skipFully(in, padded(size));
                continue;
            }
            skipFully(in, padded(size) - size);
        }
    }

    private static String ustarName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    // pax records are "LEN key=value\n"; only the path matters here
    private static String paxPath(byte[] meta) throws IOException {
        String text = new String(meta, StandardCharsets.UTF_8);
        int pos = 0;
        String path = null;
        while (pos < text.length()) {
            int space = text.indexOf(' ', pos);
            if (space < 0) break;
            int len;
            try {
                len = Integer.parseInt(text.substring(pos, space));
            } catch (NumberFormatException e) {
                throw new IOException("a pax header is malformed");
            }
            // LEN counts bytes; these records are ASCII apart from the value, so measure in bytes
            byte[] rest = text.substring(pos).getBytes(StandardCharsets.UTF_8);
            if (len <= 0 || len > rest.length) throw new IOException("a pax header is malformed");
            String record = new String(rest, 0, len, StandardCharsets.UTF_8);
            if (record.startsWith(len + " path=")) path = record.substring((len + " path=").length()).stripTrailing();
            pos += record.length();
        }
        return path;
    }

    private static void checkChecksum(byte[] h) throws IOException {
        long expected = octal(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        if (sum != expected) throw new IOException("a tar header's checksum is wrong");
    }

    private static long octal(byte[] h, int off, int len) throws IOException {
        long v = 0;
        boolean any = false;
        for (int i = off; i < off + len; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (any) break;
                continue;
            }
            if (b < '0' || b > '7') throw new IOException("a tar header has a malformed number");
            v = v * 8 + (b - '0');
            any = true;
        }
        return v;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, BLOCK);
        if (n == 0) return false;
        if (n < BLOCK) throw new EOFException("the tar ends inside a header");
        return true;
    }

    private static byte[] readBytes(InputStream in, int size) throws IOException {
        byte[] b = in.readNBytes(size);
        if (b.length < size) throw new EOFException("the tar ends inside a file");
        return b;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) throw new EOFException("the tar ends inside a file");
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
