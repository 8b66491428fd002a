package albertlab.core.params;

import java.util.Locale;

/** Which pre-training heads to count on top of AlbertModel (encoder + pooler). */
public enum HeadSelection {
    NONE(false, false), MLM(true, false), SOP(false, true), BOTH(true, true);

    private final boolean mlm;
    private final boolean sop;

    HeadSelection(boolean mlm, boolean sop) {
        this.mlm = mlm;
        this.sop = sop;
    }

    public boolean mlm() {
        return mlm;
    }

    public boolean sop() {
        return sop;
    }

    public static HeadSelection fromCliName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown heads '" + name + "' (expected none, mlm, sop or both)");
        }
    }
}
