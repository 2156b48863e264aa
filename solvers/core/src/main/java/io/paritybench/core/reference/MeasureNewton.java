package io.paritybench.core.reference;

import io.paritybench.core.Deadline;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.newton.DampedNewton;
import io.paritybench.core.linalg.BlockCholesky;

/**
 * The reference solver's phase for the measure {@code R = −μ'w + c σ(w)} (ALGORITHMS.md §7), in double precision:
 * Newton on {@code F(y) = −μ̃'y + c sqrt(y'Cy) − Σ b_i ln y_i} in correlation space ({@code μ̃ = μ ⊘ σ_vol}, budgets
 * scaled to {@code min b = 1}), gradient {@code −μ̃ + c Cy/σ − b ⊘ y}, Hessian
 * {@code c (C/σ − (Cy)(Cy)'/σ³) + diag(b ⊘ y²)} by Cholesky; step from {@code 1/(1 + δ)} while
 * {@code λ > λ*}, else 1, halved until it stays in the orthant and satisfies Armijo on F (with slack for the
 * rounding of F). Run to the noise floor: stops when, in the quadratic phase, {@code λ > λ_prev/4} twice in a row,
 * or {@code δ ≤ 4u}. NO_SOLUTION when an iterate has {@code R ≤ 0} or {@code c σ > 1e12 S}. Per iteration n³/3 +
 * O(n²) per Armijo trial.
 */
final class MeasureNewton {

    record Outcome(double[] y, SolveStatus status, int iterations, int damped, int factorizations, String message) {
    }

    private static final double U = 0x1.0p-53;

    private MeasureNewton() {
    }

    static Outcome run(double[] c, int n, double[] mu, double mult, double[] b, double[] y0, int cap, Deadline deadline,
                       SolverOptions observed, double[] vol) {
        double s = 0;
        for (double v : b) {
            s += v;
        }
        double[] y = y0.clone();
        double[] v = new double[n];
        double[] g = new double[n];
        double[] d = new double[n];
        double[][] h = new double[n][n];
        double[] trial = new double[n];
        double[] st = new double[3];
        eval(c, n, mu, mult, b, y, v, st);
        if (st[1] > 0) {
            for (int i = 0; i < n; i++) {
                y[i] *= s / st[1];
            }
        }
        int it = 0;
        int damped = 0;
        int fact = 0;
        DampedNewton.QuarterRule floor = new DampedNewton.QuarterRule();
        while (true) {
            observed.observe(it, y, vol);
            double f = eval(c, n, mu, mult, b, y, v, st);
            double sigma = st[0];
            double risk = st[1];
            if (!Double.isFinite(f) && !(risk <= 0)) {
                return new Outcome(y, SolveStatus.NUMERICAL_BREAKDOWN, it, damped, fact, "non-finite F");
            }
            if (!(risk > 0) || mult * sigma > 1e12 * s) {
                return new Outcome(y, SolveStatus.NO_SOLUTION, it, damped, fact, String.format(java.util.Locale.ROOT,
                        "no risk-budgeting portfolio: iterate %d has R = %.3e, c sigma = %.3e (R is not positive on "
                                + "the orthant)", it, risk, mult * sigma));
            }
            if (it >= cap) {
                return new Outcome(y, SolveStatus.MAX_ITERATIONS, it, damped, fact, "iteration cap reached");
            }
            if (deadline.passed()) {
                return new Outcome(y, SolveStatus.TIME_LIMIT, it, damped, fact, "time limit reached");
            }
            double a = mult / sigma;
            double a3 = mult / (sigma * sigma * sigma);
            for (int i = 0; i < n; i++) {
                g[i] = -mu[i] + a * v[i] - b[i] / y[i];
                int ri = i * n;
                double[] hi = h[i];
                for (int j = i; j < n; j++) {
                    hi[j] = a * c[ri + j] - a3 * v[i] * v[j];
                }
                hi[i] += b[i] / (y[i] * y[i]);
            }
            fact++;
            if (BlockCholesky.factor(h, n) >= 0) {
                return new Outcome(y, SolveStatus.NUMERICAL_BREAKDOWN, it, damped, fact, "Cholesky failed");
            }
            System.arraycopy(g, 0, d, 0, n);
            BlockCholesky.solve(h, n, d);
            DampedNewton.Decrement dec = DampedNewton.Decrement.of(g, d, y);
            double lam2 = dec.lambda2();
            double rel = dec.delta();
            if (!(lam2 >= 0) || !Double.isFinite(rel)) {
                return new Outcome(y, SolveStatus.NUMERICAL_BREAKDOWN, it, damped, fact, "not a descent direction");
            }
            double lambda = Math.sqrt(lam2);
            boolean isDamped = lambda > DampedNewton.LAMBDA_STAR;
            if (!isDamped && (floor.stagnated(lambda) || rel <= 4 * U)) {
                return new Outcome(y, SolveStatus.STAGNATED, it, damped, fact,
                        "Newton decrement at the double-precision noise floor");
            }
            double t = isDamped ? 1 / (1 + rel) : 1;
            double slack = 16 * U * (Math.abs(risk) + 2 * mult * sigma + Math.abs(f - risk) + s);
            boolean accepted = false;
            for (int k = 0; k < 60 && !accepted; k++) {
                boolean inside = true;
                for (int i = 0; i < n; i++) {
                    trial[i] = y[i] - t * d[i];
                    inside &= trial[i] > 0;
                }
                accepted = inside && eval(c, n, mu, mult, b, trial, v, st) <= f - 1e-4 * t * lam2 + slack;
                if (!accepted) {
                    t *= 0.5;
                }
            }
            if (!accepted) {
                return new Outcome(y, SolveStatus.STAGNATED, it, damped, fact, "no decrease of F along the Newton step");
            }
            System.arraycopy(trial, 0, y, 0, n);
            it++;
            if (isDamped) {
                damped++;
            }
        }
    }

    /** Sets {@code v = Cy}, {@code st = (σ, R)} and returns F(y). */
    private static double eval(double[] c, int n, double[] mu, double mult, double[] b, double[] y, double[] v,
                               double[] st) {
        double q = 0;
        double lin = 0;
        double bar = 0;
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double r = 0;
            for (int j = 0; j < n; j++) {
                r += c[ri + j] * y[j];
            }
            v[i] = r;
            q += y[i] * r;
            lin += mu[i] * y[i];
            bar += b[i] * Math.log(y[i]);
        }
        st[0] = Math.sqrt(q);
        st[1] = -lin + mult * st[0];
        return st[1] - bar;
    }

    /**
     * {@code max_i |RC_i/R − b̂_i|} of covariance-space weights w, evaluated in double-double ({@code Σw}, {@code w'Σw},
     * {@code μ'w} accumulated exactly to about 2^-106, σ by one Newton correction of the double square root).
     */
    static double certify(double[] sigmaMatrix, int n, double[] mu, double mult, DoubleDouble[] bhat, double[] w) {
        DoubleDouble[] sw = new DoubleDouble[n];
        DoubleDouble q = DoubleDouble.ZERO;
        DoubleDouble lin = DoubleDouble.ZERO;
        for (int i = 0; i < n; i++) {
            DoubleDouble r = DoubleDouble.ZERO;
            for (int j = 0; j < n; j++) {
                r = r.add(DoubleDouble.product(sigmaMatrix[i * n + j], w[j]));
            }
            sw[i] = r;
            q = q.add(r.multiply(w[i]));
            lin = lin.add(DoubleDouble.product(mu[i], w[i]));
        }
        double s0 = Math.sqrt(q.hi);
        DoubleDouble sigma = DoubleDouble.of(s0).add(q.subtract(DoubleDouble.product(s0, s0)).multiply(0.5 / s0));
        DoubleDouble[] rc = new DoubleDouble[n];
        DoubleDouble risk = DoubleDouble.ZERO;
        for (int i = 0; i < n; i++) {
            rc[i] = sw[i].multiply(mult).divide(sigma).add(-mu[i]).multiply(w[i]);
            risk = risk.add(rc[i]);
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, rc[i].divide(risk).subtract(bhat[i]).abs().doubleValue());
        }
        return worst;
    }
}
