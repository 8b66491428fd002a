package albertlab.viewmodel.lesson;

import albertlab.core.io.CheckpointException;
import albertlab.core.train.TrainedModelCard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cards of the trained models that ship with the app, read once each: a lesson's {@code card.*} and
 * {@code twin.*} numbers come from them. A model that is not there has no card (its numbers show "—").
 */
final class CardShelf {

    private final Path modelsFolder;
    private final Map<String, TrainedModelCard> read = new ConcurrentHashMap<>();
    private final Map<String, Boolean> missing = new ConcurrentHashMap<>();

    CardShelf(Path modelsFolder) {
        this.modelsFolder = modelsFolder;
    }

    TrainedModelCard card(String name) {
        if (name == null || missing.containsKey(name)) return null;
        TrainedModelCard c = read.get(name);
        if (c != null) return c;
        Path folder = modelsFolder.resolve(name);
        if (!Files.isDirectory(folder)) {
            missing.put(name, true);
            return null;
        }
        try {
            c = TrainedModelCard.read(folder);
            read.put(name, c);
            return c;
        } catch (CheckpointException e) {
            missing.put(name, true);
            return null;
        }
    }

    /** Reads every card now (the list is loaded off the JavaFX thread, so later lookups cost nothing). */
    void readAll(Iterable<String> names) {
        for (String n : names) {
            TrainedModelCard c = card(n);
            if (c != null) card(c.twinOf()); // the twin's numbers are named as twin.* beside it
        }
    }
}
