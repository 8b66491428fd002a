package albertlab.core.io;

import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the folders that ship with the app ({@code assets/}, {@code lessons/}) with nothing to configure.
 * <ul>
 *   <li>Installed: the installers copy them beside the app's jar (the app-image's {@code app} folder,
 *       {@code /opt/albert-lab/lib/app/assets} on Linux), so they are looked for next to the running jar first.</li>
 *   <li>Development: classes run from {@code target/classes}, two levels below the project root that holds them.</li>
 *   <li>Anything else (a jar copied elsewhere, an IDE's output folder): the working directory.</li>
 * </ul>
 * When none exists the working directory's folder is returned anyway, so that the caller's "file not found"
 * names a path the user can act on.
 */
public final class AppResources {

    public static final String ASSETS = "assets";
    public static final String LESSONS = "lessons";

    private AppResources() {
    }

    /** The built-in models, icons and fonts. */
    public static Path assets() {
        return folder(ASSETS);
    }

    /** The guided lessons. */
    public static Path lessons() {
        return folder(LESSONS);
    }

    public static Path folder(String name) {
        return locate(name, codeLocation(), Path.of("").toAbsolutePath());
    }

    /** The first existing candidate for {@code name}; {@code code} is the running jar or classes folder, or null. */
    static Path locate(String name, Path code, Path workingDir) {
        for (Path candidate : candidates(name, code, workingDir)) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return workingDir.resolve(name);
    }

    private static List<Path> candidates(String name, Path code, Path workingDir) {
        List<Path> out = new ArrayList<>(2);
        if (code != null && Files.isRegularFile(code) && code.getParent() != null) {
            out.add(code.getParent().resolve(name));
        } else if (code != null && Files.isDirectory(code) && code.getParent() != null
                && code.getParent().getParent() != null) {
            out.add(code.getParent().getParent().resolve(name));
        }
        out.add(workingDir.resolve(name));
        return out;
    }

    private static Path codeLocation() {
        CodeSource source = AppResources.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null; // not a plain file (a custom class loader): fall back to the working directory
        }
    }
}
