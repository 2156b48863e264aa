package io.paritybench.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * The risk measure whose contributions are budgeted: {@code R(w) = -μ'w + c·σ(w)} (ALGORITHMS.md §7).
 * Volatility is {@code μ = 0, c = 1}; Gaussian VaR at level α has {@code c = Φ⁻¹(α)}, Gaussian expected
 * shortfall {@code c = φ(Φ⁻¹(α))/(1 − α)}. R is homogeneous of degree one, so by Euler
 * {@code RC_i = w_i ∂_i R(w)} sums to {@code R(w)}.
 *
 * @param mu          expected returns, length n, or null for volatility
 * @param multiplier  the factor {@code c > 0} in front of σ(w)
 * @param label       how the measure is named in output, e.g. {@code volatility}, {@code var:0.99}
 */
public record RiskMeasure(double[] mu, double multiplier, String label) {

    private static final RiskMeasure VOLATILITY = new RiskMeasure(null, 1.0, "volatility");

    public RiskMeasure {
        Objects.requireNonNull(label, "label");
        if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("risk measure multiplier c must be positive and finite, got " + multiplier);
        }
        if (mu != null) {
            mu = mu.clone();
            for (int i = 0; i < mu.length; i++) {
                if (!Double.isFinite(mu[i])) {
                    throw new IllegalArgumentException("expected return mu[" + i + "] is " + mu[i]);
                }
            }
        }
    }

    /** @return the volatility measure σ(w) */
    public static RiskMeasure volatility() {
        return VOLATILITY;
    }

    /** @return {@code R(w) = -μ'w + c σ(w)} */
    public static RiskMeasure of(double[] mu, double c, String label) {
        return new RiskMeasure(Objects.requireNonNull(mu, "mu"), c, label);
    }

    /** @return true when the measure is plain volatility (μ = 0 or absent); c is irrelevant then (RRC is scale-free) */
    public boolean isVolatility() {
        if (mu == null) {
            return true;
        }
        for (double m : mu) {
            if (m != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** @return a copy of μ, or a zero vector of length n for volatility */
    public double[] muOrZero(int n) {
        return mu == null ? new double[n] : mu.clone();
    }

    @Override
    public double[] mu() {
        return mu == null ? null : mu.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskMeasure r && Arrays.equals(r.mu, mu)
                && Double.compare(r.multiplier, multiplier) == 0 && r.label.equals(label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(mu), multiplier, label);
    }

    @Override
    public String toString() {
        return label;
    }
}
