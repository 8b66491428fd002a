package albertlab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON style of the command line: pretty, no HTML escaping, NaN written as is (never silently dropped). */
final class Json {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private Json() {
    }
}
