package albertlab;

import java.util.Arrays;

/**
 * Entry point of the jar. With a command ({@code params}, {@code forward}, ...) it runs the command line, which
 * needs no JavaFX; with no command (or GUI flags such as {@code --self-test}) it opens the desktop app when JavaFX
 * is present. Kept free of JavaFX types so the command line loads on a plain JDK.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        boolean gui = args.length == 0 || Arrays.stream(args).allMatch(a -> a.startsWith("--") && !a.equals("--help"));
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
