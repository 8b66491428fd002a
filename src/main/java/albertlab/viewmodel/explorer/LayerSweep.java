package albertlab.viewmodel.explorer;

import albertlab.core.config.AlbertConfig;
import albertlab.core.config.SharingMode;
import albertlab.core.params.HeadSelection;
import albertlab.core.params.ParameterCounter;

/**
 * Parameters and compute of one configuration as L grows from 1 to {@link #MAX_LAYERS}, once per sharing mode.
 * Shared modes use one group (G = 1, the paper's default), so their lines are flat; FLOPs do not depend on
 * sharing at all, so there is one FLOP line. A pure function of the config: no JavaFX, safe on any thread.
 *
 * @param parameters     [mode ordinal][L − 1] stored parameters
 * @param flopsPerToken  [L − 1] forward FLOPs per token at {@link ParameterCounter#DEFAULT_SEQUENCE_LENGTH}
 */
public record LayerSweep(long[][] parameters, double[] flopsPerToken) {

    public static final int MAX_LAYERS = 48;

    public static LayerSweep of(AlbertConfig config) {
        SharingMode[] modes = SharingMode.values();
        long[][] params = new long[modes.length][MAX_LAYERS];
        double[] flops = new double[MAX_LAYERS];
        AlbertConfig.Builder b = config.toBuilder().numHiddenGroups(1);
        for (int l = 1; l <= MAX_LAYERS; l++) {
            for (SharingMode m : modes) {
                AlbertConfig c = b.numHiddenLayers(l).sharingMode(m).build();
                params[m.ordinal()][l - 1] = ParameterCounter.count(c).total();
            }
            flops[l - 1] = ParameterCounter.flops(b.build(), HeadSelection.NONE,
                    ParameterCounter.DEFAULT_SEQUENCE_LENGTH).perToken();
        }
        return new LayerSweep(params, flops);
    }

    public long parameters(SharingMode mode, int layers) {
        return parameters[mode.ordinal()][layers - 1];
    }

    public double flopsPerToken(int layers) {
        return flopsPerToken[layers - 1];
    }
}
