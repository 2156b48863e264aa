package io.paritybench.jmh;

/** The largest eigenvalue of a symmetric positive semidefinite matrix by power iteration; O(n²) per step. */
final class Spectra {

    private static final int MAX_STEPS = 10_000;

    private Spectra() {
    }

    /**
     * @return λ_max of the symmetric positive semidefinite {@code a}, to about 1e-14 relative (power iteration from
     *         the all-ones vector, stopped when the Rayleigh quotient changes by less than 1e-15 relative)
     */
    static double largestEigenvalue(double[][] a) {
        int n = a.length;
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.Arrays.fill(x, 1 / Math.sqrt(n));
        double lambda = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            double norm2 = 0;
            double rayleigh = 0;
            for (int i = 0; i < n; i++) {
                double[] ai = a[i];
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += ai[j] * x[j];
                }
                y[i] = sum;
                norm2 += sum * sum;
                rayleigh += sum * x[i];
            }
            double norm = Math.sqrt(norm2);
            if (!(norm > 0)) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                x[i] = y[i] / norm;
            }
            if (Math.abs(rayleigh - lambda) <= 1e-15 * rayleigh) {
                return rayleigh;
            }
            lambda = rayleigh;
        }
        return lambda;
    }
}
