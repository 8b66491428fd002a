package albertlab.core.model;

import java.util.Arrays;

/**
 * A named float32 tensor as checkpoints store it: row-major data and a shape in PyTorch order
 * (a Linear weight is [out][in]).
 */
public record Tensor(String name, int[] shape, float[] data) {

    public Tensor {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException(name + ": negative dimension in " + Arrays.toString(shape));
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + n
                    + " values, data has " + data.length);
        }
    }

    public int rank() {
        return shape.length;
    }

    public long elementCount() {
        return data.length;
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }
}
