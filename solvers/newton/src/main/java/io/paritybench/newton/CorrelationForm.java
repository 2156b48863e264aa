package io.paritybench.newton;

import io.paritybench.core.FactorCovariance;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.linalg.RowKernels;

/**
 * Spinu's barrier problem in correlation space (ALGORITHMS.md §6.2, setup): the correlation matrix
 * {@code C = D^{-1/2} Σ D^{-1/2}} (row arrays, exactly symmetric, exact unit diagonal), the volatilities {@code σ},
 * the budgets {@code b̂ = b / Σb} rescaled to {@code b^s = b̂ / min b̂} (so every log term has coefficient ≥ 1 and
 * {@code F(y) = ½ y'Cy − Σ b^s_i ln y_i} is self-concordant) and {@code S = Σ b^s_i}.
 *
 * <p>Since {@code Σx = D^{1/2} C y} for {@code x = y ⊘ σ}, the risk contributions of x and y coincide and the
 * covariance-space weights are {@code x / 1'x}; the budget rescaling does not change them.
 */
final class CorrelationForm {

    final int n;
    /** Correlation matrix as row arrays, exactly symmetric; null in factor form. */
    final double[][] c;
    /** Factor form {@code C = B̃FB̃' + D̃} ({@code B̃ = diag(1/σ)B}, {@code D̃ = D/σ²}); null for a dense problem. */
    final FactorCovariance factor;
    final double[] sigma;
    /** Budgets rescaled so that the smallest is 1. */
    final double[] b;
    /** {@code Σ b^s_i}. */
    final double s;

    private CorrelationForm(int n, double[][] c, FactorCovariance factor, double[] sigma, double[] b, double s) {
        this.n = n;
        this.c = c;
        this.factor = factor;
        this.sigma = sigma;
        this.b = b;
        this.s = s;
    }

    /** O(n²): one pass over Σ; O(nk) in factor form. */
    static CorrelationForm of(RiskBudgetProblem p) {
        int n = p.n();
        double[] sigma = p.volatilities();
        double[][] c = p.isFactor() ? null : new double[n][n];
        FactorCovariance factor = null;
        if (p.isFactor()) {
            double[] inv = new double[n];
            for (int i = 0; i < n; i++) {
                inv[i] = 1.0 / sigma[i];
            }
            factor = p.factor().scaled(inv);
        }
        for (int i = 0; c != null && i < n; i++) {
            // Σ_ij / (σ_i σ_j): exactly symmetric because Σ is and the product commutes; row by row
            double[] ci = c[i];
            double si = sigma[i];
            for (int j = 0; j < n; j++) {
                ci[j] = p.covariance(i, j) / (si * sigma[j]);
            }
            ci[i] = 1.0;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, p.budget(i));
        }
        double[] b = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            // b̂_i / min b̂ = b_i / min b; the ratio is exactly 1 at the smallest budget
            b[i] = p.budget(i) / min;
            s += b[i];
        }
        return new CorrelationForm(n, c, factor, sigma, b, s);
    }

    /** {@code out = C v} ({@link RowKernels#symmetricProduct}: rows of C scaled and summed, vectorised). O(n²). */
    void multiply(double[] v, double[] out) {
        if (factor != null) {
            factor.multiply(v, out);
            return;
        }
        RowKernels.symmetricProduct(c, v, out, n);
    }

    /**
     * Spinu's start {@code y⁰ = sqrt(S / 1'C1) · 1}, so that {@code y⁰'Cy⁰ = S} (the inverse-volatility portfolio
     * in covariance space). O(n²).
     */
    double[] coldStart() {
        double total = 0;
        if (factor != null) {
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            double[] c1 = new double[n];
            factor.multiply(ones, c1);
            for (double v : c1) {
                total += v;
            }
        }
        for (double[] row : c == null ? new double[0][] : c) {
            for (double v : row) {
                total += v;
            }
        }
        double[] y = new double[n];
        java.util.Arrays.fill(y, Math.sqrt(s / total));
        return y;
    }

    /**
     * The warm start from covariance-space weights w: {@code y = w ∘ σ}, scaled so that {@code y'Cy = S}.
     *
     * @param cy scratch of length n
     */
    double[] warmStart(double[] w, double[] cy) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = w[i] * sigma[i];
        }
        multiply(y, cy);
        double q = 0;
        for (int i = 0; i < n; i++) {
            q += y[i] * cy[i];
        }
        double f = Math.sqrt(s / q);
        for (int i = 0; i < n; i++) {
            y[i] *= f;
        }
        return y;
    }

    /** @return the covariance-space weights {@code x = y ⊘ σ}, normalised to sum to one, into {@code out} */
    void weights(double[] y, double[] out) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            out[i] = y[i] / sigma[i];
            sum += out[i];
        }
        for (int i = 0; i < n; i++) {
            out[i] /= sum;
        }
    }
}
