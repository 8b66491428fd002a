package albertlab.viewmodel.explorer;

import albertlab.core.config.SharingMode;

/**
 * Parameters and compute of one variant of the current configuration: the BERT twin ({@code mode == null}) or
 * the same ALBERT under one sharing mode. Shown side by side: the parameters differ, the FLOPs hardly do.
 */
public record ModeCost(SharingMode mode, long parameters, double flopsPerToken) {

    public boolean isBertTwin() {
        return mode == null;
    }

    /** i18n suffix: "bert" or the mode's command-line name. */
    public String id() {
        return mode == null ? "bert" : mode.cliName();
    }
}
