package albertlab.core.tokenizer;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the protobuf wire format field by field: just what {@code spiece.model} needs (varints, 32-bit floats,
 * length-delimited strings and messages; 64-bit fields are skipped). The project has no protobuf dependency, and
 * a generated {@code ModelProto} class would be hundreds of lines for the dozen fields we read.
 *
 * <p>Every read checks its bounds and throws {@link Malformed} with the byte offset, so a truncated or foreign
 * file becomes one clear message instead of an index error.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /** The bytes are not a valid protobuf message. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final byte[] buf;
    private final int end;
    private int pos;
    private int fieldNumber;
    private int wireType;

    ProtoReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    private ProtoReader(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() throws Malformed {
        if (pos >= end) return false;
        int at = pos;
        long key = readVarint();
        fieldNumber = (int) (key >>> 3);
        wireType = (int) (key & 7);
        if (fieldNumber < 1 || key >>> 3 > 536_870_911L) {
            throw new Malformed("invalid field number " + (key >>> 3) + " at byte " + at);
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            throw new Malformed("unsupported wire type " + wireType + " at byte " + at);
        }
        return true;
    }

    int fieldNumber() {
        return fieldNumber;
    }

    int wireType() {
        return wireType;
    }

    long varint() throws Malformed {
        expect(VARINT);
        return readVarint();
    }

    boolean bool() throws Malformed {
        return varint() != 0;
    }

    /** An int32 field: negative values are written as 10-byte varints, whose low 32 bits are the value. */
    int int32() throws Malformed {
        return (int) varint();
    }

    float float32() throws Malformed {
        expect(FIXED32);
        need(4);
        int bits = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    byte[] bytes() throws Malformed {
        int len = length();
        byte[] out = new byte[len];
        System.arraycopy(buf, pos, out, 0, len);
        pos += len;
        return out;
    }

    String string() throws Malformed {
        int at = pos;
        byte[] b = bytes();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("a string field at byte " + at + " is not UTF-8");
        }
    }

    /** A nested message: a reader over its bytes; this reader moves past it. */
    ProtoReader message() throws Malformed {
        int len = length();
        ProtoReader sub = new ProtoReader(buf, pos, pos + len);
        pos += len;
        return sub;
    }

    void skip() throws Malformed {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> {
                need(8);
                pos += 8;
            }
            case FIXED32 -> {
                need(4);
                pos += 4;
            }
            case LENGTH_DELIMITED -> {
                int len = length(); // reads the length first: "pos += length()" would add to the old pos
                pos += len;
            }
            default -> throw new Malformed("unsupported wire type " + wireType);
        }
    }

    private int length() throws Malformed {
        expect(LENGTH_DELIMITED);
        int at = pos;
        long len = readVarint();
        if (len < 0 || len > end - pos) {
            throw new Malformed("field " + fieldNumber + " at byte " + at + " claims " + len + " bytes but only "
                    + (end - pos) + " remain (truncated file?)");
        }
        return (int) len;
    }

    private void expect(int type) throws Malformed {
        if (wireType != type) {
            throw new Malformed("field " + fieldNumber + " has wire type " + wireType + ", expected " + type);
        }
    }

    private void need(int n) throws Malformed {
        if (end - pos < n) throw new Malformed("truncated at byte " + pos);
    }

    private long readVarint() throws Malformed {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos >= end) throw new Malformed("truncated varint at byte " + pos);
            byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) return result;
        }
        throw new Malformed("varint longer than 10 bytes at byte " + pos);
    }
}
