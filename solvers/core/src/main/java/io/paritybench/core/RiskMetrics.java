package io.paritybench.core;

/**
 * Risk metrics of weights for a problem (ALGORITHMS.md §1, §7, §8.1): the harness's own judge. All functions
 * recompute Σw from scratch (O(n²) dense, O(nk) factor form); none trusts anything a solver reports.
 *
 * <p>For volatility, {@code RC_i = w_i (Σw)_i / σ(w)} and {@code RRC_i = w_i (Σw)_i / (w'Σw)}. For
 * {@code R(w) = -μ'w + c σ(w)}, {@code RC_i = w_i (-μ_i + c (Σw)_i / σ(w))} and {@code RRC_i = RC_i / R(w)}.
 *
 * <p>Evaluation is scale-safe and compensated, so the judge itself adds no more than a few ulps to RRC:
 * <ul>
 *   <li>w is rescaled by a power of two so that {@code max|w_i| ∈ [1, 2)}, and Σ by an even power of two
 *       (μ by its square root) when its diagonal is subnormal or huge ({@code max Σ_ii ∉ [2^-600, 2^600]}).
 *       Powers of two are exact and RRC is invariant under both, so weights scaled by 1e160 or 1e-300 and
 *       covariances around 1e-320 are judged like their well-scaled equivalents; absolute quantities are scaled
 *       back at the end.</li>
 *   <li>each {@code (Σw)_i}, {@code w'Σw} and {@code μ'w} is a Dot2 compensated dot product (Ogita, Rump and
 *       Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26(6), 2005, Algorithm 5.3) with TwoProduct
 *       by {@link Math#fma}: as accurate as if computed in twice the working precision, then rounded. Cost: about
 *       10 flops per entry of Σ in two independent chains, O(n²) per evaluation.</li>
 * </ul>
 * The factor form (Σ = B F Bᵀ + D) is evaluated with w rescaled likewise and compensated the same way, in O(nk)
 * with no n×n array: Dot2 on {@code u = B'w}, on {@code v = F u} and on {@code B v + D w}, u and v carried on in
 * twice the working precision (FactorCovariance#multiplyCompensated). It is scale-safe the same way: when
 * {@code max(max|B|²·max|F|, max D) ∉ [2^-600, 2^600]}, B is scaled by {@code 2^(e/2)} and D by {@code 2^e}
 * (e even, F unchanged), which scales Σ by exactly {@code 2^e} (one O(nk²) copy of the model per evaluation, only
 * for such models).
 */
public final class RiskMetrics {

    private static final int SIGMA_SCALE_LIMIT = 600;

    private RiskMetrics() {
    }

    /**
     * Σw_s and w_s'Σ_s w_s for {@code w_s = w·2^-wExp} and {@code Σ_s = Σ·2^sigmaExp} ({@code sigmaExp} even).
     */
    private record Eval(double[] ws, double[] sw, double v, int wExp, int sigmaExp) {
        /** @return the factor that turns a scaled quantity of degree (a in w, b in Σ) back into the true one */
        double unscale(double value, int wDegree, int sigmaHalfDegree) {
            return Math.scalb(value, wDegree * wExp - sigmaHalfDegree * (sigmaExp / 2));
        }
    }

    private static Eval evaluate(RiskBudgetProblem p, double[] w) {
        int n = p.n();
        check(n, w);
        double max = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
        }
        int wExp = max > 0 && Double.isFinite(max) ? Math.getExponent(max) : 0;
        double[] ws = new double[n];
        for (int i = 0; i < n; i++) {
            ws[i] = wExp == 0 ? w[i] : Math.scalb(w[i], -wExp);
        }
        if (!Double.isFinite(max)) {
            ws[0] = Double.NaN; // non-finite weights: every figure is NaN
        }
        double[] sw;
        int sigmaExp = 0;
        if (p.isFactor()) {
            sw = new double[n];
            FactorCovariance f = p.factor();
            sigmaExp = f.judgeScaleExponent(SIGMA_SCALE_LIMIT);
            (sigmaExp == 0 ? f : f.scaledByPowerOfTwo(sigmaExp)).multiplyCompensated(ws, sw);
        } else {
            double dmax = 0;
            for (int i = 0; i < n; i++) {
                dmax = Math.max(dmax, p.denseRow(i)[i]);
            }
            int e = Math.getExponent(dmax);
            if (dmax < Double.MIN_NORMAL) {
                e = Math.getExponent(dmax * 0x1p54) - 54;
            }
            if (e > SIGMA_SCALE_LIMIT || e < -SIGMA_SCALE_LIMIT) {
                sigmaExp = -2 * (e / 2);
            }
            sw = marginalDot2(p, ws, sigmaExp);
        }
        return new Eval(ws, sw, dot2(ws, sw, n), wExp, sigmaExp);
    }

    /**
     * Σ_s w_s with every {@code (Σ_s w_s)_i} a Dot2 over j in order (Ogita–Rump–Oishi 2005, Algorithm 5.3), the loops
     * interchanged: Σ is symmetric, so row j is column j and step j updates all n running (sum, error) pairs with
     * {@code w_j Σ_{ij}}; this inner loop is element-wise over i, which the JIT vectorises.
     */
    private static double[] marginalDot2(RiskBudgetProblem p, double[] ws, int sigmaExp) {
        int n = ws.length;
        double[] sum = new double[n];
        double[] err = new double[n];
        double[] scaled = sigmaExp == 0 ? null : new double[n];
        for (int j = 0; j < n; j++) {
            double[] a = p.denseRow(j);
            if (scaled != null) {
                for (int i = 0; i < n; i++) {
                    scaled[i] = Math.scalb(a[i], sigmaExp);
                }
                a = scaled;
            }
            double x = ws[j];
            for (int i = 0; i < n; i++) {
                double h = a[i] * x;
                double r = Math.fma(a[i], x, -h);
                double q = sum[i];
                double t = q + h;
                double z = t - q;
                err[i] += ((q - (t - z)) + (h - z)) + r;
                sum[i] = t;
            }
        }
        for (int i = 0; i < n; i++) {
            sum[i] += err[i];
        }
        return sum;
    }

    /**
     * Dot2 (Ogita–Rump–Oishi 2005, Algorithm 5.3) in two interleaved chains: {@code Σ_j a_j x_j} as if computed
     * in twice the working precision, then rounded.
     */
    static double dot2(double[] a, double[] x, int n) {
        double p0 = 0;
        double s0 = 0;
        double p1 = 0;
        double s1 = 0;
        int j = 0;
        for (; j + 1 < n; j += 2) {
            double h0 = a[j] * x[j];
            double r0 = Math.fma(a[j], x[j], -h0);
            double t0 = p0 + h0;
            double z0 = t0 - p0;
            s0 += ((p0 - (t0 - z0)) + (h0 - z0)) + r0;
            p0 = t0;
            double h1 = a[j + 1] * x[j + 1];
            double r1 = Math.fma(a[j + 1], x[j + 1], -h1);
            double t1 = p1 + h1;
            double z1 = t1 - p1;
            s1 += ((p1 - (t1 - z1)) + (h1 - z1)) + r1;
            p1 = t1;
        }
        if (j < n) {
            double h0 = a[j] * x[j];
            double r0 = Math.fma(a[j], x[j], -h0);
            double t0 = p0 + h0;
            double z0 = t0 - p0;
            s0 += ((p0 - (t0 - z0)) + (h0 - z0)) + r0;
            p0 = t0;
        }
        double t = p0 + p1;
        double z = t - p0;
        double e = (p0 - (t - z)) + (p1 - z);
        return t + ((s0 + s1) + e);
    }

    /** @return Σw */
    public static double[] marginal(RiskBudgetProblem p, double[] w) {
        Eval ev = evaluate(p, w);
        double[] m = ev.sw().clone();
        for (int i = 0; i < m.length; i++) {
            m[i] = ev.unscale(m[i], 1, 2);
        }
        return m;
    }

    /** @return w'Σw */
    public static double variance(RiskBudgetProblem p, double[] w) {
        Eval ev = evaluate(p, w);
        return ev.unscale(ev.v(), 2, 2);
    }

    /** @return R(w): σ(w) for volatility, {@code -μ'w + c σ(w)} otherwise */
    public static double risk(RiskBudgetProblem p, double[] w) {
        Eval ev = evaluate(p, w);
        return ev.unscale(scaledRisk(p, ev), 1, 1);
    }

    /** @return R(w_s) for the scaled problem (μ scaled by 2^(sigmaExp/2)) */
    private static double scaledRisk(RiskBudgetProblem p, Eval ev) {
        double sigma = Math.sqrt(ev.v());
        RiskMeasure m = p.measure();
        if (m.isVolatility()) {
            return sigma;
        }
        double[] mu = scaledMu(p, ev);
        return -dot2(mu, ev.ws(), mu.length) + m.multiplier() * sigma;
    }

    private static double[] scaledMu(RiskBudgetProblem p, Eval ev) {
        double[] mu = p.measure().muOrZero(p.n());
        if (ev.sigmaExp() != 0) {
            for (int i = 0; i < mu.length; i++) {
                mu[i] = Math.scalb(mu[i], ev.sigmaExp() / 2);
            }
        }
        return mu;
    }

    /** @return absolute risk contributions RC_i; they sum to R(w) (Euler) */
    public static double[] riskContributions(RiskBudgetProblem p, double[] w) {
        Eval ev = evaluate(p, w);
        double[] rc = scaledContributions(p, ev);
        for (int i = 0; i < rc.length; i++) {
            rc[i] = ev.unscale(rc[i], 1, 1);
        }
        return rc;
    }

    private static double[] scaledContributions(RiskBudgetProblem p, Eval ev) {
        double[] ws = ev.ws();
        double[] sw = ev.sw();
        double sigma = Math.sqrt(ev.v());
        double[] rc = new double[ws.length];
        RiskMeasure m = p.measure();
        if (m.isVolatility()) {
            for (int i = 0; i < ws.length; i++) {
                rc[i] = ws[i] * (sw[i] / sigma);
            }
            return rc;
        }
        double[] mu = scaledMu(p, ev);
        double c = m.multiplier();
        for (int i = 0; i < ws.length; i++) {
            rc[i] = ws[i] * (-mu[i] + c * sw[i] / sigma);
        }
        return rc;
    }

    /** @return relative risk contributions RRC_i = RC_i / R(w); they sum to 1 */
    public static double[] relativeRiskContributions(RiskBudgetProblem p, double[] w) {
        return relative(p, evaluate(p, w));
    }

    private static double[] relative(RiskBudgetProblem p, Eval ev) {
        double[] ws = ev.ws();
        double[] sw = ev.sw();
        double[] rrc = new double[ws.length];
        if (p.measure().isVolatility()) {
            double v = ev.v();
            for (int i = 0; i < ws.length; i++) {
                rrc[i] = ws[i] * sw[i] / v;
            }
            return rrc;
        }
        double[] rc = scaledContributions(p, ev);
        double r = scaledRisk(p, ev);
        for (int i = 0; i < ws.length; i++) {
            rrc[i] = rc[i] / r;
        }
        return rrc;
    }

    /**
     * Both budget errors from one evaluation of Σw.
     *
     * @param abs {@code max_i |RRC_i − b_i|}
     * @param rel {@code max_i |RRC_i/b_i − 1|}
     */
    public record BudgetErrors(double abs, double rel) {
        /** @return the error the criterion names */
        public double of(Criterion c) {
            return c == Criterion.REL ? rel : abs;
        }
    }

    /** @return both budget errors (NaN if w is not finite) from one O(n²) evaluation */
    public static BudgetErrors budgetErrors(RiskBudgetProblem p, double[] w) {
        double[] rrc = relativeRiskContributions(p, w);
        double abs = 0;
        double rel = 0;
        for (int i = 0; i < rrc.length; i++) {
            double e = Math.abs(rrc[i] - p.budget(i));
            double r = Math.abs(rrc[i] / p.budget(i) - 1.0);
            if (Double.isNaN(e) || Double.isNaN(r)) {
                return new BudgetErrors(Double.NaN, Double.NaN);
            }
            abs = Math.max(abs, e);
            rel = Math.max(rel, r);
        }
        return new BudgetErrors(abs, rel);
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

    private static void check(int n, double[] w) {
        if (w == null || w.length != n) {
            throw new IllegalArgumentException("weights have length " + (w == null ? 0 : w.length) + ", expected " + n);
        }
    }
}
