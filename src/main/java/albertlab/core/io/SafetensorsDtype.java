package albertlab.core.io;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types of the safetensors format with their byte widths. F64, F32, F16 and BF16 are read as float32;
 * the others are kept out of the model (integer buffers such as {@code position_ids}, 8-bit floats).
 */
enum SafetensorsDtype {
    F64(8, true), F32(4, true), F16(2, true), BF16(2, true),
    I64(8, false), I32(4, false), I16(2, false), I8(1, false),
    U64(8, false), U32(4, false), U16(2, false), U8(1, false), BOOL(1, false),
    F8_E4M3(1, false), F8_E5M2(1, false);

    final int width;
    final boolean readable;

    SafetensorsDtype(int width, boolean readable) {
        this.width = width;
        this.readable = readable;
    }

    static Optional<SafetensorsDtype> of(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
