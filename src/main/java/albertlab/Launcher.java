package albertlab;

/**
 * Entry point of the jar. With a command ({@code params}, {@code forward}, ...) it runs the command line, which
 * needs no JavaFX; with no command (or GUI flags such as {@code --self-test}, or a {@code .albertlab} session file)
 * it opens the desktop app when JavaFX is present. Kept free of JavaFX types so the command line loads on a plain JDK.
 */
public final class Launcher {

    private static final java.util.Set<String> CLI_FLAGS = java.util.Set.of("--help", "--debug");

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (opensTheApp(args) && javafxPresent()) {
            Class.forName("albertlab.app.AlbertLabApp").getMethod("launchApp", String[].class)
                    .invoke(null, (Object) args);
            return;
        }
        albertlab.cli.Main.main(args);
    }

    /**
     * True for no arguments, GUI options, and a session file ({@code java -jar albert-lab.jar week3.albertlab}, as a
     * desktop hands over a double-clicked file); false for a command. GUI options may take values (--page explorer,
     * --lang zh): the first word decides.
     */
    static boolean opensTheApp(String[] args) {
        if (args.length == 0) return true;
        String first = args[0];
        if (first.startsWith("--")) return !CLI_FLAGS.contains(first);
        return first.toLowerCase(java.util.Locale.ROOT).endsWith(".albertlab");
    }

    private static boolean javafxPresent() {
        try {
            Class.forName("javafx.application.Application", false, Launcher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
