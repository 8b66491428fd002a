package albertlab.viewmodel.training;

import java.util.List;

/** The probe sentence as every lane's model saw it after {@code step} rounds. */
public record ProbeSnapshot(long step, String sentence, List<ProbeView> lanes) {

    public ProbeSnapshot {
        lanes = List.copyOf(lanes);
    }
}
