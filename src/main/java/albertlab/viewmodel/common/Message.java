package albertlab.viewmodel.common;

import java.util.List;

/**
 * A text to show, kept as an i18n key and its arguments rather than as a finished string, so that it can be
 * translated again when the language changes while it is on screen.
 */
public record Message(String key, List<Object> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }

    public String in(I18n i18n) {
        return i18n.get(key, args.toArray());
    }
}
