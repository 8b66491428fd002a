package albertlab.cli;

import albertlab.core.train.ModelCard;
import albertlab.core.train.ModelEvaluation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code card}: evaluate a trained model folder on held-out text and write its card.json and MODEL_CARD.md. */
final class CardCommand implements Command {

    @Override
    public String name() {
        return "card";
    }

    @Override
    public String summary() {
        return "write a trained model's card from its training record and a held-out evaluation";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("model", "held-out", "held-out-name", "language", "corpus", "corpus-zh", "twin-of", "seed", "sequences");
    }

    @Override
    public Set<String> switches() {
        return Set.of();
    }

    @Override
    public String usage() {
        return """
                usage: albert-lab card --model DIR --held-out FILE --language en|zh --corpus TEXT --corpus-zh TEXT
                                       [--twin-of NAME] [--held-out-name TEXT] [--seed S] [--sequences N]
                  Runs evaluate on FILE and writes DIR/card.json and DIR/MODEL_CARD.md (Chinese and English) from
                  DIR/training.json and the evaluation: every figure measured, none typed in.""";
    }

    @Override
    public void run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        String language = args.require("language");
        if (!language.equals("en") && !language.equals("zh")) throw new UsageException("--language must be en or zh");
        Path heldOut = Path.of(args.require("held-out"));
        ModelCard.About about = new ModelCard.About(language, args.require("corpus"), args.require("corpus-zh"),
                args.get("twin-of"), heldOut, args.get("held-out-name", heldOut.getFileName().toString()));
        Map<String, Object> card = ModelCard.write(Path.of(args.require("model")), about, args.longValue("seed", 1),
                args.intValue("sequences", ModelEvaluation.DEFAULT_SEQUENCES));
        out.println(Json.GSON.toJson(card));
    }
}
