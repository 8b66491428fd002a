package albertlab.viewmodel.live;

import albertlab.core.config.SharingMode;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One entry of the model picker: the built-in mini model in its four sharing modes (same weights wherever the modes
 * share), or a loaded checkpoint, which comes in exactly one mode.
 */
public record ModelFamily(String nameKey, String nameArg, Map<SharingMode, LiveModel> members,
                          SharingMode defaultMode) {

    public ModelFamily {
        if (members.isEmpty()) throw new IllegalArgumentException("a model family needs at least one model");
        members = new EnumMap<>(members);
        if (!members.containsKey(defaultMode)) throw new IllegalArgumentException("no model for " + defaultMode);
        nameArg = nameArg == null ? "" : nameArg;
    }

    public static ModelFamily single(LiveModel model) {
        return new ModelFamily(model.nameKey(), model.nameArg(), Map.of(model.sharingMode(), model),
                model.sharingMode());
    }

    public Set<SharingMode> modes() {
        return members.keySet();
    }

    /** The member in {@code mode}, or the default one when this family has no such member. */
    public LiveModel member(SharingMode mode) {
        LiveModel m = mode == null ? null : members.get(mode);
        return m != null ? m : members.get(defaultMode);
    }

    public boolean isBuiltIn() {
        return members.values().iterator().next().untrained();
    }
}
