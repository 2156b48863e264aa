package io.paritybench.newton;

import io.paritybench.core.FactorCovariance;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.linalg.RowKernels;

/**
 * Spinu's barrier problem in correlation space (ALGORITHMS.md §6.2, setup): the correlation matrix
 * {@code C = D^{-1/2} Σ D^{-1/2}}, never formed (products and rows are read from the problem's own Σ and scaled by
 * {@code 1/σ}, so a dense solve holds no n×n array besides the Newton factor), the volatilities {@code σ},
 * the budgets {@code b̂ = b / Σb} rescaled to {@code b^s = b̂ / min b̂} (so every log term has coefficient ≥ 1 and
 * {@code F(y) = ½ y'Cy − Σ b^s_i ln y_i} is self-concordant) and {@code S = Σ b^s_i}.
 *
 * <p>Since {@code Σx = D^{1/2} C y} for {@code x = y ⊘ σ}, the risk contributions of x and y coincide and the
 * covariance-space weights are {@code x / 1'x}; the budget rescaling does not change them.
 */
final class CorrelationForm {

    final int n;
    /** The dense problem whose Σ is read in place; null in factor form. */
    private final RiskBudgetProblem dense;
    /** {@code 1/σ_i}. */
    private final double[] inv;
    /** Scratch {@code v ⊘ σ} of {@link #multiply}. */
    private final double[] scaled;
    /** Factor form {@code C = B̃FB̃' + D̃} ({@code B̃ = diag(1/σ)B}, {@code D̃ = D/σ²}); null for a dense problem. */
    final FactorCovariance factor;
    final double[] sigma;
    /** Budgets rescaled so that the smallest is 1. */
    final double[] b;
    /** {@code Σ b^s_i}. */
    final double s;

    private CorrelationForm(int n, RiskBudgetProblem dense, FactorCovariance factor, double[] sigma, double[] b,
                            double s) {
        this.n = n;
        this.dense = dense;
        this.inv = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = 1.0 / sigma[i];
        }
        this.scaled = new double[n];
        this.factor = factor;
        this.sigma = sigma;
        this.b = b;
        this.s = s;
    }

    /** O(n); O(nk) in factor form. */
    static CorrelationForm of(RiskBudgetProblem p) {
        int n = p.n();
        double[] sigma = p.volatilities();
        FactorCovariance factor = null;
        if (p.isFactor()) {
            double[] inv = new double[n];
            for (int i = 0; i < n; i++) {
                inv[i] = 1.0 / sigma[i];
            }
            factor = p.factor().scaled(inv);
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
        return new CorrelationForm(n, p.isFactor() ? null : p, factor, sigma, b, s);
    }

    /**
     * {@code out = C v = D^{-1/2} Σ (D^{-1/2} v)} ({@link RiskBudgetProblem#multiplyCovariance}: rows of Σ scaled and
     * summed, vectorised). O(n²); O(nk) in factor form.
     */
    void multiply(double[] v, double[] out) {
        if (factor != null) {
            factor.multiply(v, out);
            return;
        }
        for (int i = 0; i < n; i++) {
            scaled[i] = v[i] * inv[i];
        }
        dense.multiplyCovariance(scaled, out);
        for (int i = 0; i < n; i++) {
            out[i] *= inv[i];
        }
    }

    /**
     * Row i of C from the diagonal on, {@code dst[j] = Σ_ij (σ_i⁻¹ σ_j⁻¹)} for j ≥ i (exactly symmetric in (i, j),
     * as Σ is and the product commutes) with {@code dst[i] = 1}; entries below i are left alone. Dense form only.
     */
    void upperRow(int i, double[] dst) {
        dense.copyCovarianceRow(i, i, dst);
        double si = inv[i];
        for (int j = i + 1; j < n; j++) {
            dst[j] *= si * inv[j];
        }
        dst[i] = 1.0;
    }

    /**
     * Spinu's start {@code y⁰ = sqrt(S / 1'C1) · 1}, so that {@code y⁰'Cy⁰ = S} (the inverse-volatility portfolio
     * in covariance space). O(n²).
     */
    double[] coldStart() {
        double total = 0;
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] c1 = new double[n];
        multiply(ones, c1);
        for (double v : c1) {
            total += v;
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
