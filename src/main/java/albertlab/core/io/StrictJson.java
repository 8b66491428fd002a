package albertlab.core.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Small helpers for reading JSON files exactly: strict syntax (Gson's parser is lenient by default), strict UTF-8,
 * and whole numbers taken from their literal text (Gson would silently round 1e30 or 2.5 into a long).
 */
final class StrictJson {

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern LENIENT_ADVICE = Pattern.compile("Use JsonReader\\.set\\w+\\([\\w.]*\\) to accept ");

    private StrictJson() {
    }

    static JsonReader reader(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }

    static String utf8(Path file, byte[] bytes, int offset, int length, String what) throws CheckpointException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointException(file, what + " is not valid UTF-8 text");
        }
    }

    /** The next value as a whole number, or null when it is not one (a string, 2.5, 1e3, out of range). */
    static Long wholeNumber(JsonReader reader) throws IOException {
        if (reader.peek() != JsonToken.NUMBER) {
            reader.skipValue();
            return null;
        }
        return wholeNumber(reader.nextString());
    }

    static Long wholeNumber(String literal) {
        if (!WHOLE.matcher(literal).matches()) return null;
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Gson's complaint in a user's words: its first line, without its advice to parse leniently. */
    static String problem(Exception e) {
        return LENIENT_ADVICE.matcher(CheckpointException.firstLine(e)).replaceFirst("");
    }

    /** Expects the document to end after the value just read. */
    static void expectEnd(JsonReader reader) throws IOException {
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new IOException("text after the end of the JSON object");
        }
    }
}
