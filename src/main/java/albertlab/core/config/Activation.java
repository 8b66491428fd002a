package albertlab.core.config;

import java.util.Arrays;

/** The feed-forward activation, by its Hugging Face {@code hidden_act} name. */
public enum Activation {
    /** tanh approximation 0.5x(1+tanh(sqrt(2/pi)(x+0.044715x^3))); Google's ALBERT calls this "gelu". */
    GELU_NEW("gelu_new"),
    /** exact 0.5x(1+erf(x/sqrt 2)). */
    GELU("gelu"),
    RELU("relu");

    private final String hfName;

    Activation(String hfName) {
        this.hfName = hfName;
    }

    public String hfName() {
        return hfName;
    }

    public static Activation fromHfName(String name) {
        return Arrays.stream(values())
                .filter(a -> a.hfName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unsupported hidden_act '" + name + "' (expected gelu_new, gelu or relu)"));
    }
}
