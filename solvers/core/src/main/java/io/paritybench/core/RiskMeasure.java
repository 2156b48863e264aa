package io.paritybench.core;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;
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
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    public RiskMeasure {
        Objects.requireNonNull(label, "label");
        if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("risk measure multiplier c must be positive and finite, got " + multiplier);
        }
        if (mu != null) {
            mu = mu.clone();
            for (int i = 0; i < mu.length; i++) {
                if (!Double.isFinite(mu[i])) {
                    throw new IllegalArgumentException("expected return " + (i + 1) + " is " + mu[i]);
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

    /**
     * Gaussian value-at-risk of the loss {@code −w'r}, {@code r ~ N(μ, Σ)}, at confidence α:
     * {@code c = Φ⁻¹(α)} (2.326 at 99 %).
     */
    public static RiskMeasure gaussianVaR(double alpha, double[] mu) {
        checkAlpha(alpha);
        return new RiskMeasure(Objects.requireNonNull(mu, "mu"), STANDARD_NORMAL.inverseCumulativeProbability(alpha),
                "var:" + alpha);
    }

    /**
     * Gaussian expected shortfall of the loss at confidence α: {@code c = φ(Φ⁻¹(α))/(1 − α)} (2.665 at 99 %).
     */
    public static RiskMeasure gaussianExpectedShortfall(double alpha, double[] mu) {
        checkAlpha(alpha);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(alpha);
        return new RiskMeasure(Objects.requireNonNull(mu, "mu"), STANDARD_NORMAL.density(z) / (1 - alpha),
                "es:" + alpha);
    }

    /**
     * Parses {@code volatility}, {@code var:ALPHA} or {@code es:ALPHA}; μ is required for the last two.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RiskMeasure parse(String spec, double[] mu) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("volatility") || s.equals("vol")) {
            return volatility(); // σ(w) does not involve expected returns; a given μ is ignored
        }
        int colon = s.indexOf(':');
        if (colon < 0 || !(s.startsWith("var:") || s.startsWith("es:"))) {
            throw new IllegalArgumentException("unknown risk measure '" + spec + "'; use volatility, var:ALPHA or es:ALPHA");
        }
        double alpha;
        try {
            alpha = Double.parseDouble(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("risk measure '" + spec + "': confidence level is not a number");
        }
        if (mu == null) {
            throw new IllegalArgumentException("risk measure '" + spec + "' needs expected returns (mu)");
        }
        return s.startsWith("var:") ? gaussianVaR(alpha, mu) : gaussianExpectedShortfall(alpha, mu);
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0.5 && alpha < 1)) {
            throw new IllegalArgumentException("confidence level must lie in (0.5, 1), got " + alpha);
        }
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
