package albertlab.core.config;

import java.util.List;

/** A configuration that cannot be built or counted; the message is the first fatal problem. */
public final class InvalidConfigException extends IllegalArgumentException {
    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
