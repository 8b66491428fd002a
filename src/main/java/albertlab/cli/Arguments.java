package albertlab.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and {@code --flag} switches, checked against what a command accepts. */
public final class Arguments {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();
    private final Set<String> flags;
    private final List<String> original = new ArrayList<>();

    private Arguments(Set<String> flags) {
        this.flags = flags;
    }

    /**
     * @param valued names (without "--") that take a value
     * @param switches names that take none
     */
    public static Arguments parse(List<String> args, Set<String> valued, Set<String> switches) throws UsageException {
        return parse(args, valued, switches, Set.of());
    }

    /** The same, where each of {@code listed} takes every value up to the next option ({@code --corpus a.txt b.txt}). */
    public static Arguments parse(List<String> args, Set<String> valued, Set<String> switches, Set<String> listed)
            throws UsageException {
        Arguments out = new Arguments(new java.util.HashSet<>());
        out.original.addAll(args);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) throw new UsageException("unexpected argument '" + arg + "'");
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (listed.contains(name) && inline == null) {
                List<String> items = new ArrayList<>();
                while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) items.add(args.get(++i));
                if (items.isEmpty()) throw new UsageException("--" + name + " needs at least one value");
                if (out.lists.put(name, items) != null) throw new UsageException("--" + name + " given twice");
                out.values.put(name, items.get(0));
            } else if (switches.contains(name) && inline == null) {
                out.flags.add(name);
            } else if (valued.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size()) throw new UsageException("--" + name + " needs a value");
                    value = args.get(++i);
                }
                if (out.values.put(name, value) != null) throw new UsageException("--" + name + " given twice");
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return out;
    }

    /** The arguments as given, joined by spaces (quoted where they hold a space), for records of a run. */
    public String commandLine() {
        return String.join(" ", original.stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).toList());
    }

    public boolean has(String name) {
        return values.containsKey(name) || flags.contains(name);
    }

    /** Every value of a listed option, or of a valued one (as one item); empty when absent. */
    public List<String> list(String name) {
        if (lists.containsKey(name)) return List.copyOf(lists.get(name));
        return values.containsKey(name) ? List.of(values.get(name)) : List.of();
    }

    /** A decimal number. */
    public double doubleValue(String name, double fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    public long longValue(String name, long fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public String get(String name) {
        return values.get(name);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String require(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) throw new UsageException("--" + name + " is required");
        return v;
    }

    public int intValue(String name, int fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    /** A comma-separated list of whole numbers, e.g. {@code 2,15,9}. */
    public int[] intList(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) return null;
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            try {
                out.add(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be comma-separated whole numbers, got '" + p + "'");
            }
        }
        if (out.isEmpty()) throw new UsageException("--" + name + " is empty");
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return values + " " + Arrays.toString(flags.toArray());
    }
}
