package albertlab.core.model;

import albertlab.core.ops.Kernel;

/**
 * {@link LayerSummary} of one application from its input x and output y, both [S][H], over real tokens only.
 * Norms and dot products are float sums; the angle comes from the chord |x/|x| − y/|y|| = 2 sin(θ/2), which
 * keeps its precision for small angles (a shared layer applied again and again barely turns the state).
 */
final class LayerSummaries {

    private LayerSummaries() {
    }

    static LayerSummary of(Kernel kernel, float[] x, float[] y, int tokens, int width, int[] mask) {
        double cosine = 0;
        double angle = 0;
        double l2 = 0;
        int real = 0;
        for (int t = 0; t < tokens; t++) {
            if (mask[t] == 0) continue;
            int o = t * width;
            double nx = Math.sqrt(kernel.dot(x, o, x, o, width));
            double ny = Math.sqrt(kernel.dot(y, o, y, o, width));
            if (nx == 0 || ny == 0) {
                // as ForwardTrace.cosine: a zero vector has cosine 0, i.e. 90 degrees, to anything
                angle += 90;
            } else {
                cosine += kernel.dot(x, o, y, o, width) / (nx * ny);
                double chord = Math.sqrt(kernel.scaledSquaredDistance(x, o, (float) (1 / nx), y, o,
                        (float) (1 / ny), width));
                angle += Math.toDegrees(2 * Math.asin(Math.min(1.0, chord / 2)));
            }
            l2 += Math.sqrt(kernel.squaredDistance(x, o, y, o, width));
            real++;
        }
        if (real == 0) return new LayerSummary(Double.NaN, Double.NaN, Double.NaN);
        return new LayerSummary(cosine / real, angle / real, l2 / real);
    }
}
