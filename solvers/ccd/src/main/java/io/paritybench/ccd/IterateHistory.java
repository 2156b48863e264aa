package io.paritybench.ccd;

/**
 * The stagnation test of ALGORITHMS.md §6.4 on the iterates (not on the residual, which is not monotone): the
 * normalised iterate is compared with the last two, because at the rounding floor CCD can settle into a
 * two-cycle. A sweep is quiet when the smaller of the two maximal relative changes is below
 * {@code ulps · 2^-53}. Local to one solve.
 */
final class IterateHistory {

    private final double threshold;
    private double[] current;
    private double[] previous;
    private double[] beforePrevious;
    private int quietSweeps;
    private double lastChange = Double.NaN;

    IterateHistory(double[] y, int ulps) {
        int n = y.length;
        threshold = ulps * 0x1p-53;
        current = new double[n];
        previous = new double[n];
        beforePrevious = new double[n];
        normalise(y, previous);
        System.arraycopy(previous, 0, beforePrevious, 0, n);
    }

    /** Records the iterate after a sweep. */
    void record(double[] y) {
        normalise(y, current);
        lastChange = Math.min(relativeChange(current, previous), relativeChange(current, beforePrevious));
        quietSweeps = lastChange < threshold ? quietSweeps + 1 : 0;
        double[] recycled = beforePrevious;
        beforePrevious = previous;
        previous = current;
        current = recycled;
    }

    /** @return consecutive quiet sweeps so far */
    int quietSweeps() {
        return quietSweeps;
    }

    /** @return the last recorded relative change (NaN before the first sweep) */
    double lastChange() {
        return lastChange;
    }

    private static void normalise(double[] y, double[] out) {
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        double inv = 1.0 / sum;
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] * inv;
        }
    }

    /** @return {@code max_i |w_i − v_i| / w_i} (NaN-propagating) */
    private static double relativeChange(double[] w, double[] v) {
        double worst = 0;
        for (int i = 0; i < w.length; i++) {
            double change = Math.abs(w[i] - v[i]) / w[i];
            if (!(change <= worst)) {
                worst = change;
            }
        }
        return worst;
    }
}
