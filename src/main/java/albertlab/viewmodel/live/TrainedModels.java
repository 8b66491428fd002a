package albertlab.viewmodel.live;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.io.CheckpointException;
import albertlab.core.io.LoadedModel;
import albertlab.core.io.ModelFolder;
import albertlab.core.model.AlbertModel;
import albertlab.core.train.TrainedModelCard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pre-trained mini models that ship in {@code assets/models/}: each folder is a model as {@code train} writes it,
 * with the {@code card.json} that {@code card} measured. A model and its twin (the same sizes, trained on the same
 * batches, not shared) are each other's sibling, so the Hidden states tab compares the two trained models.
 */
public final class TrainedModels {

    public static final String FOLDER = "models";

    /** The families found, the preferred language's first and each ALBERT before its twin; and what was skipped. */
    public record Found(List<ModelFamily> families, List<String> problems) {
    }

    private record Entry(LoadedModel loaded, TrainedModelCard card) {
    }

    private TrainedModels() {
    }

    /** Every model folder under {@code modelsDir}; a missing folder is no model, a broken one is a problem. */
    public static Found load(Path modelsDir, String preferredLanguage) {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> byName = new HashMap<>();
        List<Path> folders;
        try (Stream<Path> s = Files.isDirectory(modelsDir) ? Files.list(modelsDir) : Stream.empty()) {
            folders = s.filter(p -> Files.isRegularFile(p.resolve("card.json"))).sorted().toList();
        } catch (IOException e) {
            return new Found(List.of(), List.of(modelsDir + ": cannot be listed (" + e.getMessage() + ")"));
        }
        for (Path folder : folders) {
            try {
                TrainedModelCard card = TrainedModelCard.read(folder);
                LoadedModel loaded = ModelFolder.load(folder);
                if (!loaded.hasTokenizer()) throw new CheckpointException(folder, loaded.noTokenizerReason());
                byName.put(folder.getFileName().toString(), new Entry(loaded, card));
            } catch (CheckpointException e) {
                // the message names the file (card.json, model.safetensors ...): say which model it belongs to
                problems.add(folder.getFileName() + "/" + e.getMessage());
            }
        }
        List<Entry> ordered = new ArrayList<>(byName.values());
        ordered.sort(Comparator.comparing((Entry e) -> !e.card().language().equals(preferredLanguage))
                .thenComparing(e -> e.card().language())
                .thenComparing(e -> !e.card().sharing().equals("all"))
                .thenComparing(e -> e.card().name()));
        List<ModelFamily> families = new ArrayList<>();
        for (Entry e : ordered) {
            Entry twin = e.card().twinOf() == null ? null : byName.get(e.card().twinOf());
            families.add(ModelFamily.single(liveModel(e, twin)));
        }
        return new Found(List.copyOf(families), List.copyOf(problems));
    }

    private static LiveModel liveModel(Entry e, Entry twin) {
        AlbertModel model = e.loaded().model();
        AlbertConfig config = model.config();
        ForwardFunction own = model::forward;
        ForwardFunction twinForward = twin == null ? null : twin.loaded().model()::forward;
        SharingMode twinMode = twin == null ? null : twin.loaded().config().sharingMode();
        String key = "live.model.trained." + e.card().language() + "." + e.card().sharing();
        return new LiveModel(key, "", config, e.loaded().tokenizer(), own, model.hasMlmHead(), model.hasSopHead(),
                false, mode -> {
                    if (mode == config.sharingMode()) return own;
                    if (mode == twinMode) return twinForward;
                    // shared-attention and shared-FFN exist only as random weights of this shape: for timing
                    AlbertModel random = AlbertModel.random(SharingTimer.sibling(config, mode),
                            FolderModels.TIMING_SEED, true);
                    return random::forward;
                }, twin != null, e.card());
    }
}
