package io.paritybench.core.generate;

import io.paritybench.core.FactorCovariance;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.WoodburySolver;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@link Conditioning} of a factor-form problem ({@code Σ = BFB' + D}) without an n×n array, as estimates where the
 * dense definitions need O(n³) (ALGORITHMS.md §2.4, §8):
 * <ul>
 *   <li>κ(Σ), κ(C), κ(J): {@value #POWER_STEPS} steps of the power method for λ_max and of inverse iteration
 *       (Woodbury solves) for λ_min, from a fixed seeded start; Rayleigh quotients, so each κ is a lower estimate
 *       that is accurate when the extreme eigenvalues are separated.</li>
 *   <li>κ_w: {@code max_i (|J⁻¹| (|C| |y|))_i / y_i} over {@value #SAMPLED_ROWS} rows i (the smallest y_i and seeded
 *       random ones; row i of J⁻¹ by one Woodbury solve, O(nk)), with {@code |C|} replaced by its elementwise bound
 *       {@code |B̃||F||B̃|' + D̃} (O(nk)): an estimate, not a bound either way.</li>
 *   <li>cancellation factor with the same bound on {@code |Σ|} (an upper bound); the naive double floor
 *       {@code max|RRC − b|} of the weights is exact ({@link RiskMetrics}, O(nk)).</li>
 * </ul>
 * Cost O((steps + rows)·nk + nk²).
 */
public final class FactorConditioning {

    /** Power and inverse-iteration steps per extreme eigenvalue. */
    public static final int POWER_STEPS = 60;
    /** Rows of J⁻¹ sampled for κ_w. */
    public static final int SAMPLED_ROWS = 64;
    /** How the estimates are made, for metadata. */
    public static final String METHOD = "factor form: kappa by " + POWER_STEPS + " power/inverse-iteration steps "
            + "(Woodbury), kappa_w over " + SAMPLED_ROWS + " sampled rows of |J^-1| with |C| <= |B||F||B|'+D, "
            + "cancellation with |Sigma| <= |B||F||B|'+D (upper bound)";

    private FactorConditioning() {
    }

    /** @return the estimated conditioning of a factor-form problem at its (reference) weights w */
    public static Conditioning of(RiskBudgetProblem problem, double[] weights) {
        FactorCovariance cov = problem.factor();
        if (cov == null) {
            throw new IllegalArgumentException("not a factor-form problem");
        }
        int n = problem.n();
        double[] vol = problem.volatilities();
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = 1.0 / vol[i];
        }
        FactorCovariance corr = cov.scaled(inv);
        double[] b = problem.budgets();
        double bsum = Arrays.stream(b).sum();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = weights[i] * vol[i];
        }
        double[] cy = new double[n];
        corr.multiply(y, cy);
        double q = 0;
        for (int i = 0; i < n; i++) {
            q += y[i] * cy[i];
        }
        double f = 1 / Math.sqrt(q);
        for (int i = 0; i < n; i++) {
            y[i] *= f;
        }
        double[] jShift = new double[n];
        for (int i = 0; i < n; i++) {
            jShift[i] = b[i] / bsum / (y[i] * y[i]);
        }
        double kSigma = kappa(cov, new double[n]);
        double kCorr = kappa(corr, new double[n]);
        double kJac = kappa(corr, jShift);

        double[] absCy = absBound(corr, y);
        WoodburySolver jSolver = new WoodburySolver(corr);
        double[] e = corr.idiosyncraticVariances();
        for (int i = 0; i < n; i++) {
            e[i] += jShift[i];
        }
        jSolver.factor(e);
        double kw = 0;
        double[] unit = new double[n];
        double[] row = new double[n];
        for (int i : sampledRows(y)) {
            Arrays.fill(unit, 0.0);
            unit[i] = 1.0;
            jSolver.solve(unit, row);
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.abs(row[j]) * absCy[j];
            }
            kw = Math.max(kw, s / y[i]);
        }

        double[] sw = problem.multiply(weights);
        double[] absSw = absBound(cov, weights);
        double canc = 0;
        for (int i = 0; i < n; i++) {
            canc = Math.max(canc, absSw[i] / Math.abs(sw[i]));
        }
        return new Conditioning(kSigma, kCorr, kJac, kw, canc, RiskMetrics.maxAbsBudgetError(problem, weights));
    }

    /** @return {@code (|B||F||B|' + D)|x|}, an elementwise upper bound of {@code |Σ||x|}, O(nk) */
    private static double[] absBound(FactorCovariance m, double[] x) {
        int n = m.n();
        int k = m.k();
        double[] bl = m.loadings();
        double[] fl = m.factorCovariance();
        double[] d = m.idiosyncraticVariances();
        double[] u = new double[k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                u[a] += Math.abs(bl[i * k + a]) * Math.abs(x[i]);
            }
        }
        double[] v = new double[k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                v[a] += Math.abs(fl[a * k + c]) * u[c];
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = d[i] * Math.abs(x[i]);
            for (int a = 0; a < k; a++) {
                s += Math.abs(bl[i * k + a]) * v[a];
            }
            out[i] = s;
        }
        return out;
    }

    /** @return the indices of the smallest y_i (half) and seeded random ones (half), distinct */
    private static int[] sampledRows(double[] y) {
        int n = y.length;
        int m = Math.min(n, SAMPLED_ROWS);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> Double.compare(y[a], y[c]));
        java.util.LinkedHashSet<Integer> rows = new java.util.LinkedHashSet<>();
        for (int i = 0; i < m / 2; i++) {
            rows.add(order[i]);
        }
        SplittableRandom rnd = new SplittableRandom(0x5EED);
        while (rows.size() < m) {
            rows.add(rnd.nextInt(n));
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return λ_max/λ_min of {@code M + diag(shift)} (M in factor form) by power and inverse iteration */
    private static double kappa(FactorCovariance m, double[] shift) {
        int n = m.n();
        double[] x = new SplittableRandom(42).doubles(n, 0.5, 1.5).toArray();
        double[] t = new double[n];
        double lmax = 0;
        for (int s = 0; s < POWER_STEPS; s++) {
            normalise(x);
            m.multiply(x, t);
            double r = 0;
            for (int i = 0; i < n; i++) {
                t[i] += shift[i] * x[i];
                r += x[i] * t[i];
            }
            lmax = r;
            System.arraycopy(t, 0, x, 0, n);
        }
        WoodburySolver solver = new WoodburySolver(m);
        double[] e = m.idiosyncraticVariances();
        for (int i = 0; i < n; i++) {
            e[i] += shift[i];
        }
        if (!solver.factor(e)) {
            return Double.NaN;
        }
        x = new SplittableRandom(43).doubles(n, -1, 1).toArray();
        double lminInv = 0;
        for (int s = 0; s < POWER_STEPS; s++) {
            normalise(x);
            solver.solve(x, t);
            double r = 0;
            for (int i = 0; i < n; i++) {
                r += x[i] * t[i];
            }
            lminInv = r;
            System.arraycopy(t, 0, x, 0, n);
        }
        return lmax * lminInv;
    }

    private static void normalise(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        double f = 1 / Math.sqrt(s);
        for (int i = 0; i < x.length; i++) {
            x[i] *= f;
        }
    }
}
