package albertlab.viewmodel.live;

import albertlab.core.io.AppResources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The models the Live page starts with: the trained ones that ship in {@code assets/models/} (the UI language's
 * first), then the untrained random ones for before/after comparisons.
 */
public final class StartModels {

    private StartModels() {
    }

    public static List<ModelFamily> create(BuiltInModels.Vocabulary preferred) {
        return create(AppResources.assets().resolve(TrainedModels.FOLDER), preferred);
    }

    static List<ModelFamily> create(Path modelsDir, BuiltInModels.Vocabulary preferred) {
        TrainedModels.Found found = TrainedModels.load(modelsDir,
                preferred == BuiltInModels.Vocabulary.CHINESE ? "zh" : "en");
        // a damaged installation still opens, on the random models; the self-test reports the problem
        for (String problem : found.problems()) System.err.println("albert-lab: skipped a trained model: " + problem);
        List<ModelFamily> all = new ArrayList<>(found.families());
        all.addAll(BuiltInModels.create(preferred));
        return List.copyOf(all);
    }
}
