package albertlab.viewmodel.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The UI language, switchable at run time. Every visible string comes from a bundle under
 * {@code albertlab/i18n/} ({@code NAME.properties} English, {@code NAME_zh_CN.properties} Simplified Chinese);
 * a key is looked up in the bundles in {@link #BUNDLES} order. Views bind to {@link #bind}, so a language switch
 * repaints every label without rebuilding the scene.
 */
public final class I18n {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    /** One bundle per area of the app; a new view adds its bundle here. */
    public static final List<String> BUNDLES = List.of("app", "explorer", "live", "training", "lesson");

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    /** The system locale's language if we have it (any Chinese → 简体中文), else English. */
    public static I18n forSystemLocale() {
        return new I18n(Locale.getDefault());
    }

    public static Locale supported(Locale l) {
        return l != null && "zh".equals(l.getLanguage()) ? CHINESE : ENGLISH;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale getLocale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        locale.set(supported(l));
    }

    public boolean isChinese() {
        return CHINESE.equals(locale.get());
    }

    /** The text of a key in the current language, formatted with {@link MessageFormat} when args are given. */
    public String get(String key, Object... args) {
        String pattern = lookup(key, locale.get());
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
    }

    /** True when some bundle has {@code key} (optional texts such as a button's tooltip). */
    public boolean has(String key) {
        return !lookup(key, locale.get()).startsWith("⟨");
    }

    /** A binding that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /** A binding that follows the language and whatever else {@code text} reads (list those as dependencies). */
    public StringBinding bind(Supplier<String> text, javafx.beans.Observable... dependencies) {
        javafx.beans.Observable[] all = new javafx.beans.Observable[dependencies.length + 1];
        all[0] = locale;
        System.arraycopy(dependencies, 0, all, 1, dependencies.length);
        return Bindings.createStringBinding(text::get, all);
    }

    public static ResourceBundle bundle(String name, Locale l) {
        // ENGLISH lives in the base file; never fall back to the JVM's default locale
        return ResourceBundle.getBundle("albertlab.i18n." + name, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String lookup(String key, Locale l) {
        for (String name : BUNDLES) {
            try {
                ResourceBundle b = bundle(name, l);
                if (b.containsKey(key)) return b.getString(key);
            } catch (MissingResourceException ignored) {
                // an area without a bundle yet
            }
        }
        return "⟨" + key + "⟩"; // visible, so a missing key is noticed on screen and by the i18n test
    }
}
