package albertlab.core.ops;

/**
 * TEST ONLY: erf in double precision, independent of the kernels' erfc fit: the Maclaurin series for |x| < 2.5,
 * the continued fraction of erfc beyond (both converge to ~1e-14 there).
 */
public final class ReferenceErf {

    private ReferenceErf() {
    }

    public static double erf(double x) {
        double z = Math.abs(x);
        double r;
        if (z < 2.5) {
            // erf z = 2/√π Σ (−1)ⁿ z^(2n+1) / (n! (2n+1))
            double term = z;
            double sum = z;
            for (int n = 1; n < 100; n++) {
                term *= -z * z / n;
                sum += term / (2 * n + 1);
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            // erfc z = e^{−z²}/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + 2/(z + ...)))))
            double k = z;
            for (int n = 200; n >= 1; n--) k = z + (n / 2.0) / k;
            r = 1 - Math.exp(-z * z) / (Math.sqrt(Math.PI) * k);
        }
        return x < 0 ? -r : r;
    }
}
