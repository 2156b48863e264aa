package io.paritybench.jmh.report;

import java.util.List;

/**
 * Least-squares fit of {@code log t = a + p·log n} over the measured configurations of one solver × family × κ ×
 * tolerance (every seed a point): time ∝ n^p. The interval of p is {@code p ± t_{0.975, m−2}·se(p)} from the residuals
 * of the fit, none with fewer than three points or fewer than two distinct n.
 *
 * @param solver    solver id
 * @param family    problem family
 * @param kappa     κ(Σ)
 * @param tol       tolerance
 * @param points    configurations in the fit
 * @param minN      smallest n
 * @param maxN      largest n
 * @param exponent  p for the time per solve
 * @param low       lower end of its 95% interval, NaN if none
 * @param high      upper end, NaN if none
 * @param intercept a, so that the fitted time is {@code exp(a)·n^p} seconds
 * @param perIterationExponent     p for the time per solver iteration
 * @param perIterationLow          lower end of its 95% interval
 * @param perIterationHigh         upper end
 */
public record ScalingFit(String solver, String family, String kappa, String tol, int points, int minN, int maxN,
                         double exponent, double low, double high, double intercept, double perIterationExponent,
                         double perIterationLow, double perIterationHigh) {

    /** @return the fitted time per solve at n, seconds */
    public double at(double n) {
        return Math.exp(intercept + exponent * Math.log(n));
    }

    /** @return the fit of these rows (timed, every solve converged), or null when they span fewer than two n */
    static ScalingFit of(List<SolverRow> rows) {
        int m = rows.size();
        if (m < 2) {
            return null;
        }
        double[] x = new double[m];
        double[] y = new double[m];
        double[] yi = new double[m];
        int minN = Integer.MAX_VALUE;
        int maxN = 0;
        for (int i = 0; i < m; i++) {
            SolverRow r = rows.get(i);
            x[i] = Math.log(r.n());
            y[i] = Math.log(r.time().median());
            yi[i] = Math.log(r.time().median() / Math.max(1, r.iterationsPerSolve()));
            minN = Math.min(minN, r.n());
            maxN = Math.max(maxN, r.n());
        }
        if (minN == maxN) {
            return null;
        }
        double[] f = fit(x, y);
        double[] g = fit(x, yi);
        SolverRow first = rows.get(0);
        return new ScalingFit(first.solver(), first.family(), first.kappa(), first.tol(), m, minN, maxN, f[0],
                f[0] - f[2], f[0] + f[2], f[1], g[0], g[0] - g[2], g[0] + g[2]);
    }

    /** @return {slope, intercept, half-width of the 95% interval of the slope (NaN below 3 points)} */
    static double[] fit(double[] x, double[] y) {
        int m = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= m;
        my /= m;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < m; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double half = Double.NaN;
        if (m >= 3) {
            double ss = 0;
            for (int i = 0; i < m; i++) {
                double e = y[i] - intercept - slope * x[i];
                ss += e * e;
            }
            half = Stats.t975(m - 2) * Math.sqrt(ss / (m - 2) / sxx);
        }
        return new double[] {slope, intercept, half};
    }
}
