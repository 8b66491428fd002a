package albertlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The desktop app's start options:
 * <pre>
 *   --self-test          open the window, show every page once, print one line per page, exit 0 (1 on failure)
 *   --page ID            start on page ID (explorer, live, ...)
 *   --lang zh|en         start in this language instead of the system's
 *   --size WxH           window size in pixels, e.g. 1280x800
 *   --snapshot FILE.png  after the first layout, write the window's scene to FILE.png and exit (screenshots)
 *   --lesson NAME        open a lesson ("03-cross-layer-sharing"; its file name without .md)
 *   --step N             at step N (1-based; with --lesson)
 *   --present            start in presenter mode (full screen, larger text; what F5 does)
 *   --high-contrast      start with the high-contrast look (View › High contrast)
 *   FILE.albertlab       a saved session, as the desktop hands it over on a double-click
 * </pre>
 * {@code --opt value} and {@code --opt=value} both work.
 */
public record StartOptions(boolean selfTest, String page, Locale language, int width, int height, Path snapshot,
                           Path sessionFile, String lesson, int step, boolean present,
                           boolean highContrast) {

    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 800;

    public static final String USAGE = "options: --self-test | --page ID | --lang zh|en | --size WxH | --snapshot FILE.png"
            + " | --lesson NAME [--step N] | --present | --high-contrast";

    /** Raised for an option we do not know or a bad value; the message is one line for stderr. */
    public static final class BadOption extends Exception {
        private static final long serialVersionUID = 1L;

        BadOption(String message) {
            super(message);
        }
    }

    public static StartOptions parse(List<String> args) throws BadOption {
        boolean selfTest = false;
        String page = null;
        Locale language = null;
        int width = 0;
        int height = 0;
        Path snapshot = null;
        Path sessionFile = null;
        String lesson = null;
        int step = 0;
        boolean present = false;
        boolean highContrast = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--self-test" -> selfTest = true;
                case "--present" -> present = true;
                case "--high-contrast" -> highContrast = true;
                case "--page", "--lang", "--size", "--snapshot", "--lesson", "--step" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) throw new BadOption(name + " needs a value (" + USAGE + ")");
                        value = args.get(++i);
                    }
                    switch (name) {
                        case "--page" -> page = value;
                        case "--lesson" -> lesson = value;
                        case "--step" -> {
                            try {
                                step = Integer.parseInt(value.strip());
                            } catch (NumberFormatException e) {
                                step = 0;
                            }
                            if (step < 1) throw new BadOption("--step wants a step number from 1, got '" + value + "'");
                        }
                        case "--lang" -> language = language(value);
                        case "--size" -> {
                            String[] wh = value.toLowerCase(Locale.ROOT).split("[x×*]");
                            try {
                                width = Integer.parseInt(wh[0].strip());
                                height = Integer.parseInt(wh[1].strip());
                            } catch (RuntimeException e) {
                                throw new BadOption("--size wants WIDTHxHEIGHT such as 1280x800, got '" + value + "'");
                            }
                            if (width < 320 || height < 240 || width > 10_000 || height > 10_000) {
                                throw new BadOption("--size " + value + " is out of range (320x240 .. 10000x10000)");
                            }
                        }
                        default -> snapshot = Path.of(value);
                    }
                }
                default -> {
                    // the desktop passes a double-clicked session file as a plain argument
                    if (a.startsWith("--") || sessionFile != null) {
                        throw new BadOption("unknown option '" + a + "' (" + USAGE + ")");
                    }
                    sessionFile = Path.of(a);
                }
            }
        }
        if (step > 0 && lesson == null) throw new BadOption("--step needs --lesson NAME (" + USAGE + ")");
        return new StartOptions(selfTest, page, language, width, height, snapshot, sessionFile, lesson,
                step > 0 ? step : 1, present, highContrast);
    }

    static Locale language(String code) throws BadOption {
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "zh_cn", "cn", "chinese" -> Locale.SIMPLIFIED_CHINESE;
            case "en", "en-us", "english" -> Locale.ENGLISH;
            default -> throw new BadOption("--lang wants zh or en, got '" + code + "'");
        };
    }

    public int widthOr(int fallback) {
        return width > 0 ? width : fallback;
    }

    public int heightOr(int fallback) {
        return height > 0 ? height : fallback;
    }
}
