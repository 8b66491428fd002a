package albertlab.core.model;

import java.util.Arrays;

/**
 * One sequence for the model: token ids [S], token type ids [S] and attention mask [S] (1 = real token,
 * 0 = padding, which attention ignores as a key).
 */
public record ModelInput(int[] ids, int[] typeIds, int[] mask) {

    public ModelInput {
        if (ids.length == 0) throw new IllegalArgumentException("no tokens");
        if (typeIds == null) typeIds = new int[ids.length];
        if (mask == null) {
            mask = new int[ids.length];
            Arrays.fill(mask, 1);
        }
        if (typeIds.length != ids.length || mask.length != ids.length) {
            throw new IllegalArgumentException("ids (" + ids.length + "), type ids (" + typeIds.length
                    + ") and mask (" + mask.length + ") must have the same length");
        }
    }

    public static ModelInput of(int... ids) {
        return new ModelInput(ids, null, null);
    }

    public int length() {
        return ids.length;
    }
}
