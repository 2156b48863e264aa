package io.paritybench.core.reference;

import io.paritybench.core.Deadline;
import io.paritybench.core.FactorCovariance;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.WoodburySolver;

/**
 * The two phases of the {@link ReferenceSolver} for a factor-form problem {@code Σ = BFB' + D}, through the operator
 * only (no n×n array; ALGORITHMS.md §5):
 * <ol>
 *   <li>{@link #newton}: Spinu's damped Newton method in correlation space in double, as {@link SpinuNewton}, with
 *       the Hessian {@code diag(D̃ + b ⊘ y²) + B̃FB̃'} solved by {@link WoodburySolver} (k×k Cholesky) plus one
 *       refinement step. Per iteration {@code nk²/2 + O(nk)}.</li>
 *   <li>{@link Refinement}: mixed-precision Newton refinement of {@code Σx = b̂ ⊘ x} in covariance space as
 *       {@link ExtendedRefinement}, the residual in double-double: {@code u = B'x} and {@code (Bv)_i} by Dot2
 *       (Ogita, Rump and Oishi 2005, with {@link Math#fma}) on the double-double x, {@code v = Fu} in
 *       double-double, {@code D_i x_i} exactly; the correction from the Woodbury solve of the scaled Jacobian
 *       {@code C + diag(b̂ ⊘ (xσ)²)}. Per step O(nk) double-double operations.</li>
 * </ol>
 */
final class FactorReference {

    private FactorReference() {
    }

    /**
     * Phase 1: {@link SpinuNewton#run} with the Woodbury Newton system plus one refinement step of its solution; the
     * start {@code y0} is positive and scaled to {@code y0'Cy0 = Σ b}.
     */
    static SpinuNewton.Outcome newton(FactorCovariance corr, double[] b, double[] y0, int cap, Deadline deadline,
                                      SolverOptions observed, double[] vol) {
        int n = corr.n();
        WoodburySolver system = new WoodburySolver(corr);
        double[] dt = corr.idiosyncraticVariances();
        double[] cy = new double[n];
        double[] e = new double[n];
        double[] r = new double[n];
        SpinuNewton.NewtonSystem woodbury = (y, g, d, it) -> {
            corr.multiply(y, cy);
            for (int i = 0; i < n; i++) {
                double bi = b[i] / y[i];
                g[i] = cy[i] - bi;
                e[i] = dt[i] + bi / y[i];
            }
            if (!system.factor(e)) {
                return "Woodbury factorisation of the Newton Hessian failed at iteration " + it;
            }
            system.solve(g, d);
            corr.multiply(d, r);
            for (int i = 0; i < n; i++) {
                r[i] = g[i] - r[i] - (e[i] - dt[i]) * d[i];
            }
            system.solve(r, r);
            for (int i = 0; i < n; i++) {
                d[i] += r[i];
            }
            return null;
        };
        return SpinuNewton.run(woodbury, n, b, y0, cap, deadline, observed, vol);
    }

    /** Phase 2: the double-double refinement through the factor operator. */
    static final class Refinement extends ExtendedRefinement {

        private final FactorCovariance cov;
        private final int k;
        private final double[] idioCorr;
        private final WoodburySolver system;
        private final double[] e;
        private final double[] uh;
        private final double[] ul;
        private final double[] vh;
        private final double[] vl;

        /**
         * @param cov  Σ in factor form (the stored doubles are exact)
         * @param corr the correlation-space factor model (for the Woodbury corrections)
         */
        Refinement(FactorCovariance cov, FactorCovariance corr, double[] vol, DoubleDouble[] budget, double[] x0) {
            super(cov.n(), null, vol, null, budget, x0);
            this.cov = cov;
            this.k = cov.k();
            this.idioCorr = corr.idiosyncraticVariances();
            this.system = new WoodburySolver(corr);
            this.e = new double[n];
            this.uh = new double[k];
            this.ul = new double[k];
            this.vh = new double[k];
            this.vl = new double[k];
        }

        @Override
        boolean factor() {
            for (int i = 0; i < n; i++) {
                double y = xh[i] * vol[i];
                e[i] = idioCorr[i] + budget[i].hi / y / y; // y² underflows for a weight near 1e-300
            }
            return system.factor(e);
        }

        @Override
        void solveScaled(double[] g) {
            system.solve(g, g);
        }

        /** {@code (Σx)_i ≈ sh_i + sl_i}: {@link FactorCovariance#multiplyDoubleDouble}, O(nk). */
        @Override
        void marginal() {
            cov.multiplyDoubleDouble(xh, xl, sh, sl, uh, ul, vh, vl);
        }

        /** Not evaluated in factor form: NaN, so the certificate's residual test stays relative to each budget. */
        @Override
        void absMarginal(double[] out) {
            java.util.Arrays.fill(out, Double.NaN);
        }

        @Override
        public String toString() {
            return "FactorReference.Refinement[" + cov + "]";
        }
    }
}
