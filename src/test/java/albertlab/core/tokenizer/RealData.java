package albertlab.core.tokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real files copied from shared/real into the test resources (see the PROVENANCE.md beside each). */
final class RealData {

    private RealData() {
    }

    static Path resource(String name) {
        try {
            var url = RealData.class.getResource("/real/" + name);
            if (url == null) throw new IllegalStateException("missing test resource real/" + name);
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** albert-base-v2's spiece.model (Google's 30k-clean.model). */
    static Path spieceModel() {
        return resource("albert-base-v2-spm/spiece.model");
    }

    /** The 21,128-entry Chinese BERT vocab.txt of the Chinese ALBERTs. */
    static Path chineseVocab() {
        return resource("albert-chinese-vocab/vocab.txt");
    }

    static JsonObject numbers() {
        try {
            return JsonParser.parseString(Files.readString(resource("published-numbers/numbers.json")))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry with this "id" in one of numbers.json's arrays. */
    static JsonObject numbersCase(String array, String id) {
        for (JsonElement e : numbers().getAsJsonArray(array)) {
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) return e.getAsJsonObject();
        }
        throw new IllegalStateException("numbers.json has no " + array + " case " + id);
    }

    static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).getAsInt();
        return out;
    }
}
