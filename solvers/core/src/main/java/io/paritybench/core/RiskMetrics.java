package io.paritybench.core;

/**
 * Risk metrics of weights for a problem (ALGORITHMS.md §1, §7, §8.1). All functions recompute Σw from scratch
 * (O(n²) dense, O(nk) factor form) and evaluate in plain double; none trusts anything a solver reports.
 *
 * <p>For volatility, {@code RC_i = w_i (Σw)_i / σ(w)} and {@code RRC_i = w_i (Σw)_i / (w'Σw)}. For
 * {@code R(w) = -μ'w + c σ(w)}, {@code RC_i = w_i (-μ_i + c (Σw)_i / σ(w))} and {@code RRC_i = RC_i / R(w)}.
 */
public final class RiskMetrics {

    private RiskMetrics() {
    }

    /** @return Σw */
    public static double[] marginal(RiskBudgetProblem p, double[] w) {
        int n = p.n();
        check(n, w);
        if (p.isFactor()) {
            return p.multiply(w);
        }
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += p.covariance(i, j) * w[j];
            }
            m[i] = s;
        }
        return m;
    }

    /** @return w'Σw */
    public static double variance(RiskBudgetProblem p, double[] w) {
        return dot(w, marginal(p, w));
    }

    /** @return R(w): σ(w) for volatility, {@code -μ'w + c σ(w)} otherwise */
    public static double risk(RiskBudgetProblem p, double[] w) {
        double sigma = Math.sqrt(variance(p, w));
        RiskMeasure m = p.measure();
        return m.isVolatility() ? sigma : -dot(m.muOrZero(p.n()), w) + m.multiplier() * sigma;
    }

    /** @return absolute risk contributions RC_i; they sum to R(w) (Euler) */
    public static double[] riskContributions(RiskBudgetProblem p, double[] w) {
        double[] sw = marginal(p, w);
        double sigma = Math.sqrt(dot(w, sw));
        double[] rc = new double[w.length];
        RiskMeasure m = p.measure();
        double[] mu = m.muOrZero(w.length);
        double c = m.isVolatility() ? 1.0 : m.multiplier();
        for (int i = 0; i < w.length; i++) {
            rc[i] = w[i] * (-mu[i] + c * sw[i] / sigma);
        }
        return rc;
    }

    /** @return relative risk contributions RRC_i = RC_i / R(w); they sum to 1 */
    public static double[] relativeRiskContributions(RiskBudgetProblem p, double[] w) {
        double[] sw = marginal(p, w);
        double v = dot(w, sw);
        double[] rrc = new double[w.length];
        RiskMeasure m = p.measure();
        if (m.isVolatility()) {
            for (int i = 0; i < w.length; i++) {
                rrc[i] = w[i] * sw[i] / v;
            }
            return rrc;
        }
        double sigma = Math.sqrt(v);
        double[] mu = m.muOrZero(w.length);
        double c = m.multiplier();
        double r = 0;
        for (int i = 0; i < w.length; i++) {
            rrc[i] = w[i] * (-mu[i] + c * sw[i] / sigma);
            r += rrc[i];
        }
        for (int i = 0; i < w.length; i++) {
            rrc[i] /= r;
        }
        return rrc;
    }

    /** @return {@code max_i |RRC_i(w) − b_i|}, the primary residual; NaN if w is not finite */
    public static double maxAbsBudgetError(RiskBudgetProblem p, double[] w) {
        double[] rrc = relativeRiskContributions(p, w);
        double worst = 0;
        for (int i = 0; i < rrc.length; i++) {
            double e = Math.abs(rrc[i] - p.budget(i));
            if (Double.isNaN(e)) {
                return Double.NaN;
            }
            worst = Math.max(worst, e);
        }
        return worst;
    }

    /** @return {@code max_i |RRC_i(w)/b_i − 1|}, needed with tiny budgets */
    public static double maxRelBudgetError(RiskBudgetProblem p, double[] w) {
        double[] rrc = relativeRiskContributions(p, w);
        double worst = 0;
        for (int i = 0; i < rrc.length; i++) {
            double e = Math.abs(rrc[i] / p.budget(i) - 1.0);
            if (Double.isNaN(e)) {
                return Double.NaN;
            }
            worst = Math.max(worst, e);
        }
        return worst;
    }

    /** @return {@code max_i |w_i/1'w − ref_i| / ref_i}, the forward error against reference weights */
    public static double maxRelWeightError(double[] w, double[] ref) {
        if (w.length != ref.length) {
            throw new IllegalArgumentException("weights have length " + w.length + ", reference " + ref.length);
        }
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double worst = 0;
        for (int i = 0; i < w.length; i++) {
            double e = Math.abs(w[i] / sum - ref[i]) / ref[i];
            if (Double.isNaN(e)) {
                return Double.NaN;
            }
            worst = Math.max(worst, e);
        }
        return worst;
    }

    /** @return {@code |1'w − 1|} */
    public static double sumError(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        return Math.abs(sum - 1.0);
    }

    /** @return true when every weight is finite */
    public static boolean allFinite(double[] w) {
        for (double v : w) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** @return true when every weight is finite and positive */
    public static boolean allPositive(double[] w) {
        for (double v : w) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void check(int n, double[] w) {
        if (w == null || w.length != n) {
            throw new IllegalArgumentException("weights have length " + (w == null ? 0 : w.length) + ", expected " + n);
        }
    }
}
