package albertlab.core.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the text files the app opens (config.json, tokenizer files, session files), with one-line errors. */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * The whole file as strict UTF-8 text.
     *
     * @param maxBytes a size no real file of this kind reaches, so a wrong file is refused before it is read
     * @param kind     what the file should be, for the message ("a config", "a session")
     */
    public static String readUtf8(Path file, long maxBytes, String kind) throws CheckpointException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) throw new CheckpointException(file, "is " + size + " bytes, too large to be " + kind);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, "file not found");
        } catch (AccessDeniedException e) {
            throw new CheckpointException(file, "permission denied");
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read (" + CheckpointException.firstLine(e) + ")", e);
        }
        return StrictJson.utf8(file, bytes, 0, bytes.length, "the file");
    }

    /**
     * The file as one JSON object, parsed strictly (no comments, single quotes or trailing text, which Gson's default
     * parser would accept) after the size and UTF-8 checks of {@link #readUtf8}.
     */
    public static JsonObject readJsonObject(Path file, long maxBytes, String kind) throws CheckpointException {
        String text = readUtf8(file, maxBytes, kind);
        if (text.isBlank()) throw new CheckpointException(file, "is empty, not " + kind);
        JsonElement root;
        try {
            JsonReader reader = StrictJson.reader(text);
            root = JsonParser.parseReader(reader);
            StrictJson.expectEnd(reader);
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new CheckpointException(file, "is not valid JSON (" + StrictJson.problem(e) + ")", e);
        }
        if (!root.isJsonObject()) throw new CheckpointException(file, "is not a JSON object, so not " + kind);
        return root.getAsJsonObject();
    }
}
