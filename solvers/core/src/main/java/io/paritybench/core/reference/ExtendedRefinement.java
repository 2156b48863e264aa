package io.paritybench.core.reference;

import io.paritybench.core.Deadline;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.linalg.BlockCholesky;

/**
 * Mixed-precision Newton refinement of {@code G(x) = Σx − b̂ ⊘ x = 0} in covariance space (ALGORITHMS.md §5 step
 * 3): the residual is evaluated in double-double arithmetic (Σ and b taken as exact), the correction {@code d}
 * solves {@code J d = G} with {@code J = Σ + diag(b̂ ⊘ x²) = D (C + diag(b̂ ⊘ (x²σ²))) D} through a double
 * Cholesky of the diagonally scaled matrix, and {@code x ← x − d} is updated in double-double. Each step multiplies
 * the relative error by about {@code κ(J)·u} (the factorisation is refreshed while the error is above 1e-8 or the
 * contraction is poor). Cost per step: O(n²) double-double operations, plus n³/3 per refactorisation.
 *
 * <p>The double-double dot products use Ogita, Rump and Oishi's Dot2 ("Accurate sum and dot product", SIAM J. Sci.
 * Comput. 26, 2005, Algorithm 5.3) extended to a double-double vector: the computed {@code (Σx)_i} has an error of
 * at most about {@code n·u²·(|Σ||x|)_i}, so the attainable relative error of x is about {@code κ_w·n·u²}
 * (ALGORITHMS.md §2.4).
 */
class ExtendedRefinement {

    /** Stop refining when the relative correction is below this (within a few units of the last double-double bit). */
    static final double STOP = 0x1p-100;

    final int n;
    private final double[] sigma;
    final double[] vol;
    private final double[] corr;
    final DoubleDouble[] budget;
    final double[] xh;
    final double[] xl;
    private final double[][] work;
    /** Tasks sharing each factorisation's trailing update (the same factor bit for bit). */
    private final int workers;
    private final double[] g;
    final double[] sh;
    final double[] sl;

    int iterations;
    int factorizations;
    /** The last relative correction {@code max_i |d_i|/x_i}: an estimate of the relative forward error of x. */
    double lastCorrection = Double.NaN;

    ExtendedRefinement(int n, double[] sigma, double[] vol, double[] corr, DoubleDouble[] budget, double[] x0) {
        this(n, sigma, vol, corr, budget, x0, 1);
    }

    ExtendedRefinement(int n, double[] sigma, double[] vol, double[] corr, DoubleDouble[] budget, double[] x0,
                       int workers) {
        this.workers = workers;
        this.n = n;
        this.sigma = sigma;
        this.vol = vol;
        this.corr = corr;
        this.budget = budget;
        this.xh = x0.clone();
        this.xl = new double[n];
        this.work = corr == null ? null : new double[n][n]; // null: a subclass brings its own system
        this.g = new double[n];
        this.sh = new double[n];
        this.sl = new double[n];
    }

    /** Outcome of the refinement loop: CONVERGED, STAGNATED (noise floor), or a failure status with a message. */
    record Outcome(SolveStatus status, String message) {
    }

    /** @param observed options whose observer sees {@code xh} after each step, numbered from {@code first + 1} */
    Outcome refine(int maxSteps, Deadline deadline, SolverOptions observed, int first) {
        boolean refactor = true;
        double prev = Double.POSITIVE_INFINITY;
        for (int step = 0; step < maxSteps; step++) {
            if (deadline.passed()) {
                return new Outcome(SolveStatus.TIME_LIMIT, "time limit reached during extended refinement");
            }
            boolean fresh = refactor;
            if (refactor) {
                factorizations++;
                if (!factor()) {
                    return new Outcome(SolveStatus.NUMERICAL_BREAKDOWN,
                            "Cholesky of the scaled Jacobian failed during extended refinement");
                }
                refactor = false;
            }
            marginal();
            for (int i = 0; i < n; i++) {
                DoubleDouble q = budget[i].divide(new DoubleDouble(xh[i], xl[i]));
                DoubleDouble r = DoubleDouble.sum(sh[i], sl[i]).subtract(q);
                g[i] = r.hi / vol[i];
            }
            solveScaled(g);
            double e = 0;
            for (int i = 0; i < n; i++) {
                g[i] /= vol[i];
                e = Math.max(e, Math.abs(g[i]) / xh[i]);
            }
            if (!Double.isFinite(e)) {
                return new Outcome(SolveStatus.NUMERICAL_BREAKDOWN, "non-finite correction during extended refinement");
            }
            double t = e > 0.5 ? 1 / (1 + e) : 1;
            for (int i = 0; i < n; i++) {
                double d = -t * g[i];
                double s = xh[i] + d;
                double bb = s - xh[i];
                double err = (xh[i] - (s - bb)) + (d - bb) + xl[i];
                double hi = s + err;
                xl[i] = err - (hi - s);
                xh[i] = hi;
            }
            iterations++;
            observed.observe(first + iterations, xh, null);
            lastCorrection = e;
            if (e <= STOP) {
                return new Outcome(SolveStatus.CONVERGED, "relative correction below 2^-100");
            }
            if (e > prev / 2) {
                if (fresh) {
                    return new Outcome(SolveStatus.STAGNATED, "corrections stopped contracting at the double-double "
                            + "noise floor");
                }
                refactor = true;
            } else if (e > 1e-8) {
                refactor = true;
            }
            prev = e;
        }
        return new Outcome(SolveStatus.MAX_ITERATIONS, "extended refinement step cap reached");
    }

    /** Scaled Jacobian {@code C + diag(b̂ ⊘ (x σ)²)} (upper triangle), factored in place in {@link #work}. */
    boolean factor() {
        for (int i = 0; i < n; i++) {
            System.arraycopy(corr, i * n + i, work[i], i, n - i);
            double y = xh[i] * vol[i];
            work[i][i] += budget[i].hi / y / y; // not b/(y·y): y² underflows for a weight near 1e-300
        }
        return BlockCholesky.factor(work, n, workers) < 0;
    }

    /** Solves the scaled Jacobian system factored by {@link #factor()} in place. */
    void solveScaled(double[] g) {
        BlockCholesky.solve(work, n, g);
    }

    /** {@code (Σx)_i ≈ sh_i + sl_i} in double-double (Dot2 with TwoProd by fma; unnormalised pairs). */
    void marginal() {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double hi = 0;
            double lo = 0;
            for (int j = 0; j < n; j++) {
                double a = sigma[ri + j];
                double p = a * xh[j];
                double pe = Math.fma(a, xh[j], -p);
                double s = hi + p;
                double bb = s - hi;
                lo += ((hi - (s - bb)) + (p - bb)) + pe + a * xl[j];
                hi = s;
            }
            sh[i] = hi;
            sl[i] = lo;
        }
    }

    /**
     * Evaluates {@code RRC_i = x_i (Σx)_i / (x'Σx)} in double-double on the current (unrounded) iterate.
     *
     * <p>The relative residual of asset i is taken against {@code max(b̂_i, 2^60 φ_i)}, where
     * {@code φ_i = 4n·2^-106·x_i (|Σ|x)_i / (x'Σx)} bounds the double-double evaluation error of {@code RRC_i}
     * (Dot2, {@link #marginal}): below φ_i no evaluation can tell the residual from zero. φ_i exceeds
     * {@code 2^-60 b̂_i} only for a tiny budget whose marginal risk {@code (Σx)_i} cancels (a hedging asset: at
     * {@code b̂_i = 1e-300} its weight stays of order 1/n and {@code (Σx)_i ≈ 1e-300}); the certificate then rests on
     * the forward-error estimate of the refinement, which is componentwise relative, and the solver says so. In
     * factor form φ is not evaluated ({@link #absMarginal} gives NaN) and the test stays {@code b̂_i}-relative.
     *
     * @return {max_i |RRC_i − b̂_i|, max_i |RRC_i − b̂_i|/max(b̂_i, 2^60 φ_i), the number of assets where
     *         {@code 2^60 φ_i > b̂_i}}
     */
    double[] certify() {
        marginal();
        double[] abs = new double[n];
        absMarginal(abs);
        DoubleDouble[] contrib = new DoubleDouble[n];
        DoubleDouble v = DoubleDouble.ZERO;
        for (int i = 0; i < n; i++) {
            contrib[i] = new DoubleDouble(xh[i], xl[i]).multiply(DoubleDouble.sum(sh[i], sl[i]));
            v = v.add(contrib[i]);
        }
        double worstAbs = 0;
        double rel = 0;
        int floored = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.abs(contrib[i].divide(v).subtract(budget[i]).hi);
            if (!(e <= Double.MAX_VALUE)) {
                return new double[] {Double.NaN, Double.NaN, 0};
            }
            double floor = 0x1p60 * (4.0 * n * 0x1p-106) * xh[i] * abs[i] / v.hi;
            double scale = budget[i].hi;
            if (floor > scale) {
                scale = floor;
                floored++;
            }
            worstAbs = Math.max(worstAbs, e);
            rel = Math.max(rel, e / scale);
        }
        return new double[] {worstAbs, rel, floored};
    }

    /** {@code out_i = (|Σ| x)_i} in double (x is positive), for the evaluation floor of {@link #certify}. O(n²). */
    void absMarginal(double[] out) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double r = 0;
            for (int j = 0; j < n; j++) {
                r += Math.abs(sigma[ri + j]) * xh[j];
            }
            out[i] = r;
        }
    }

    /** @return {@code w_i = x_i / 1'x} evaluated in double-double and rounded to the nearest double */
    double[] roundedWeights() {
        DoubleDouble s = DoubleDouble.ZERO;
        for (int i = 0; i < n; i++) {
            s = s.add(new DoubleDouble(xh[i], xl[i]));
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = new DoubleDouble(xh[i], xl[i]).divide(s).doubleValue();
        }
        return w;
    }

    /** @return whether every {@code x_i} is positive and finite */
    boolean positive() {
        for (int i = 0; i < n; i++) {
            if (!(xh[i] > 0) || !Double.isFinite(xh[i])) {
                return false;
            }
        }
        return true;
    }
}
