package albertlab.viewmodel.live;

import albertlab.core.model.ForwardOptions;
import albertlab.core.model.ForwardTrace;
import albertlab.core.model.ModelInput;

/**
 * One model's forward pass, as the live views need it. A real {@code AlbertModel} is {@code model::forward}; tests
 * pass hand-built traces whose numbers they know.
 */
@FunctionalInterface
public interface ForwardFunction {

    ForwardTrace forward(ModelInput input, ForwardOptions options);
}
