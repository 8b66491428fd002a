package albertlab.core.io;

/** The 16-bit float formats to float32 (Java 17 has no {@code Float.float16ToFloat}). */
final class HalfFloat {

    private HalfFloat() {
    }

    /** IEEE 754 binary16: 1 sign, 5 exponent (bias 15), 10 mantissa bits. */
    static float toFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) { // infinity or NaN
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            if (mantissa == 0) return Float.intBitsToFloat(sign);
            // subnormal half: value = mantissa × 2^-24
            float value = mantissa * 0x1p-24f;
            return sign != 0 ? -value : value;
        }
        // rebias the exponent from 15 to 127
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** bfloat16 is the top half of a float32, so widening is a shift. */
    static float bf16ToFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xffff) << 16);
    }
}
