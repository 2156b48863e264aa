package io.paritybench.core.reference;

import io.paritybench.core.Deadline;

/**
 * Start of the reference's Newton phase at size: cyclical coordinate descent on Spinu's barrier
 * {@code F(y) = ½ y'Cy − Σ b_i ln y_i} in correlation space (Griveau-Billion, Richard and Roncalli 2013; the
 * Spinu-form coordinate minimiser of ALGORITHMS.md §6.4), which takes the place of Newton's damped phase
 * (ALGORITHMS.md §6.2) where a factorisation costs many sweeps.
 *
 * <p>Coordinate i is set to the positive root of {@code c_ii y_i² + a_i y_i − b_i = 0},
 * {@code a_i = (Cy)_i − c_ii y_i}, in the form without cancellation, and {@code Cy} is kept up to date with one
 * row of C per coordinate (C is symmetric): O(n²) per sweep, one pass over C. Each coordinate step minimises F
 * exactly along its axis, so F decreases and the damped Newton phase that follows needs fewer steps (its length is
 * bounded by the gap in F, Spinu 2013, Thm 3.3). The sweeps stop when the largest relative change of a sweep is at
 * most {@value #CHANGE} (Newton is then in its quadratic phase), at the sweep budget, or at the deadline.
 *
 * <p>The budget is {@code n/16} sweeps, none below n = {@value #MIN_N}: on this kind of machine a sweep over an
 * n×n matrix streams it once and a Cholesky factorisation costs about {@code n/40} sweeps (n = 2000: 3.3 ms and
 * 0.17 s; n = 5000: 20 ms and 2.7 s), so the budget is worth two to three factorisations, and below n = 256 a
 * factorisation costs fewer sweeps than it would save. The sweeps only choose the starting point: the certified
 * answer is the refinement's, whatever the start. A start that is not positive and finite after the sweeps (an
 * overflow with budgets spanning hundreds of decades) is discarded and Newton starts from {@code y0}.
 */
final class CoordinateStart {

    /** Smallest n given a coordinate start. */
    static final int MIN_N = 256;
    /** Stop the sweeps when {@code max_i |Δy_i|/y_i} of a sweep is at most this. */
    static final double CHANGE = 1e-3;

    private CoordinateStart() {
    }

    /** The start and the number of sweeps that produced it (0: the start is {@code y0} itself). */
    record Start(double[] y, int sweeps) {
    }

    /**
     * @param c  correlation matrix, row-major n×n, symmetric
     * @param b  budgets scaled to {@code min b = 1}
     * @param y0 positive starting point (not modified)
     */
    static Start of(double[] c, int n, double[] b, double[] y0, Deadline deadline) {
        int budget = n < MIN_N ? 0 : n / 16;
        if (budget == 0) {
            return new Start(y0, 0);
        }
        double[] y = y0.clone();
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += c[ri + j] * y[j];
            }
            r[i] = s;
        }
        int sweeps = 0;
        while (sweeps < budget && !deadline.passed()) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                int ri = i * n;
                double cii = c[ri + i];
                double yi = y[i];
                double a = r[i] - cii * yi;
                double root = Math.sqrt(a * a + 4 * cii * b[i]);
                double next = a >= 0 ? 2 * b[i] / (a + root) : (root - a) / (2 * cii);
                if (!(next > 0) || !Double.isFinite(next)) {
                    return new Start(y0, 0);
                }
                double d = next - yi;
                y[i] = next;
                change = Math.max(change, Math.abs(d) / next);
                for (int j = 0; j < n; j++) {
                    r[j] += d * c[ri + j];
                }
            }
            sweeps++;
            if (change <= CHANGE) {
                break;
            }
        }
        return new Start(y, sweeps);
    }
}
