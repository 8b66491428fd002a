package albertlab;

/**
 * Entry point of the jar. With a command ({@code params}, {@code forward}, ...) it runs the command line, which
 * needs no JavaFX; with no command (or GUI flags such as {@code --self-test}) it opens the desktop app when JavaFX
 * is present. Kept free of JavaFX types so the command line loads on a plain JDK.
 */
public final class Launcher {

    private static final java.util.Set<String> CLI_FLAGS = java.util.Set.of("--help", "--debug");

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        // GUI options may take values (--page explorer, --lang zh): decide on the first word only
        boolean gui = args.length == 0 || (args[0].startsWith("--") && !CLI_FLAGS.contains(args[0]));
        if (gui && javafxPresent()) {
            Class.forName("albertlab.app.AlbertLabApp").getMethod("launchApp", String[].class)
                    .invoke(null, (Object) args);
            return;
        }
        albertlab.cli.Main.main(args);
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
