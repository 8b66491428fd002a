package albertlab.cli;

import albertlab.core.config.Preset;
import albertlab.core.config.Presets;
import albertlab.core.params.ParameterCounter;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code presets}: the named architectures with their exact counts and the paper's rounded labels. */
final class PresetsCommand implements Command {

    @Override
    public String name() {
        return "presets";
    }

    @Override
    public String summary() {
        return "list the named architectures with exact and paper parameter counts";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of();
    }

    @Override
    public Set<String> switches() {
        return Set.of("json");
    }

    @Override
    public String usage() {
        return "usage: albert-lab presets [--json]";
    }

    @Override
    public void run(Arguments args, PrintStream out, PrintStream err) {
        if (args.flag("json")) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Preset p : Presets.all()) {
                Map<String, Object> m = ParamsCommand.toJson(ParameterCounter.count(p.config()), p.name());
                m.put("source", p.source());
                list.add(m);
            }
            out.println(Json.GSON.toJson(list));
            return;
        }
        out.printf("%-20s %15s %8s  %s%n", "preset", "parameters", "paper", "source");
        for (Preset p : Presets.all()) {
            out.printf("%-20s %,15d %8s  %s%n", p.name(), ParameterCounter.count(p.config()).total(),
                    p.paperLabel() == null ? "-" : p.paperLabel(), p.source());
        }
    }
}
