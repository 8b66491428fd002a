package albertlab.core.ops;

/**
 * Scalar float32 exp and erfc built from multiply-adds, so that a loop over them needs no library call.
 * {@link VectorKernel} evaluates the very same formulas lane by lane.
 */
final class FastMath {

    static final float LOG2E = 1.44269504f;
    /** ln 2 split in two (Cody and Waite) so that x − n ln 2 loses no bits: the high part has few mantissa bits. */
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 × 2²³: adding and subtracting it rounds a float of magnitude below 2²² to the nearest integer. */
    static final float ROUND = 12582912f;
    /** Below this exp underflows to 0 (float's smallest normal is e^−87.34). */
    static final float EXP_MIN = -87.3f;
    /** Above this exp saturates at e^88 (the largest float is e^88.72). */
    static final float EXP_MAX = 88f;

    /** √(2/π), the gelu_new constant. */
    static final float GELU_NEW_SCALE = 0.7978845608f;
    static final float GELU_NEW_CUBIC = 0.044715f;
    static final float INV_SQRT2 = 0.70710678f;

    /**
     * Coefficients of erfc(z) ≈ t·exp(−z² + P(t)), t = 1/(1 + z/2), z ≥ 0; relative error below 1.2e-7 for every
     * z ≥ 0 (Chebyshev fit published in Press et al., Numerical Recipes, §6.2). P's coefficients, t⁰ first.
     */
    static final float[] ERFC = {-1.26551223f, 1.00002368f, 0.37409196f, 0.09678418f, -0.18628806f,
            0.27886807f, -1.13520398f, 1.48851587f, -0.82215223f, 0.17087277f};

    private FastMath() {
    }

    /** e^x within 2 ulp; 0 below −87.3, e^88 above 88. */
    static float exp(float x) {
        if (x < EXP_MIN) return 0f;
        if (x > EXP_MAX) x = EXP_MAX;
        // x = n ln2 + r with |r| <= ln2/2, e^x = 2^n e^r; e^r by its Taylor series to r^7 (error < 1e-8)
        float n = (x * LOG2E + ROUND) - ROUND;
        float r = x - n * LN2_HI - n * LN2_LO;
        float p = 1f / 5040;
        p = p * r + 1f / 720;
        p = p * r + 1f / 120;
        p = p * r + 1f / 24;
        p = p * r + 1f / 6;
        p = p * r + 0.5f;
        p = p * r + 1f;
        p = p * r + 1f;
        return p * Float.intBitsToFloat(((int) n + 127) << 23);
    }

    /** erfc(z) for z >= 0. */
    static float erfcNonNegative(float z) {
        float t = 1f / (1f + 0.5f * z);
        float p = ERFC[9];
        for (int i = 8; i >= 0; i--) p = p * t + ERFC[i];
        return t * exp(-z * z + p);
    }

    /** 1 − 2/(e^{2x} + 1): absolute error about 1e-7. */
    static float tanh(float x) {
        return 1f - 2f / (exp(2f * x) + 1f);
    }

    /** 0.5x(1 + tanh(u)) written as x·sigmoid(2u) = x / (1 + e^{−2u}): no cancellation for negative x. */
    static float geluNew(float x) {
        float u = GELU_NEW_SCALE * (x + GELU_NEW_CUBIC * x * x * x);
        return x / (1f + exp(-2f * u));
    }

    /** 0.5x(1 + erf(x/√2)) = 0.5x·erfc(−x/√2), from erfc of |x|/√2 (erfc(−z) = 2 − erfc(z)). */
    static float gelu(float x) {
        float q = erfcNonNegative(Math.abs(x) * INV_SQRT2);
        return 0.5f * x * (x >= 0 ? 2f - q : q);
    }
}
