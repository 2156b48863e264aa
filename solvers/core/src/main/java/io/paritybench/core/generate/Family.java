package io.paritybench.core.generate;

import java.util.List;
import java.util.Locale;

/**
 * The generator families of the problem library, each with a stable name (used in {@link GeneratorSpec} strings,
 * result files and the CLI) and the parameters it accepts, with their defaults. Every family produces an exactly
 * symmetric, positive definite Σ from an explicit seed; see {@link ProblemGenerator} for the constructions.
 */
public enum Family {

    /**
     * {@code Σ = Q diag(logspace(0, −log10 κ, n)) Q'}, Q Haar orthogonal (ALGORITHMS.md §8.3). Parameter
     * {@code kappa} (κ(Σ), default 1e2).
     */
    RANDOM_SPECTRUM("random-spectrum", List.of(new Param("kappa", 1e2))),

    /**
     * Constant correlation {@code C = (1−ρ)I + ρ11'} (ALGORITHMS.md §4.3) with log-uniform volatilities in
     * [{@code volmin}, {@code volmax}]. Either {@code rho} (default 0.5) or {@code gap}, which sets
     * {@code ρ = −(1 − gap)/(n − 1)}, i.e. ρ close to its lower limit for small gaps.
     */
    CONSTANT_CORRELATION("constant-correlation", List.of(new Param("rho", 0.5), new Param("gap", Double.NaN),
            new Param("volmin", 0.1), new Param("volmax", 0.4))),

    /**
     * Block equicorrelation (ALGORITHMS.md §4.4): {@code blocks} blocks of sizes as equal as possible (the first
     * {@code n mod blocks} blocks get one asset more), correlation {@code rhoin} inside a block and {@code rhoout}
     * between blocks, log-uniform volatilities in [{@code volmin}, {@code volmax}].
     */
    BLOCK("block", List.of(new Param("blocks", 2), new Param("rhoin", 0.6), new Param("rhoout", 0.2),
            new Param("volmin", 0.1), new Param("volmax", 0.4))),

    /**
     * k-factor model {@code Σ = B diag(f²) B' + D}: market loadings U[0.5, 1.5] (random signs when
     * {@code mixed = 1}), style loadings N(0, 1), factor volatilities {@code f_j = 0.2 / fdecay^j} (default
     * {@code fdecay = 2}: 0.2, 0.1, 0.05, …), {@code D = idio·I}, or, when {@code idiovolmin} and {@code idiovolmax}
     * are given, idiosyncratic volatilities uniform in [{@code idiovolmin}, {@code idiovolmax}] (D their squares,
     * drawn after B). Near singular for small {@code idio} and n > k. Also available in factor form
     * ({@link ProblemGenerator#factorModel}), never materialised.
     */
    FACTOR("factor", List.of(new Param("k", 3), new Param("idio", 1e-4), new Param("mixed", 0),
            new Param("fdecay", Double.NaN), new Param("idiovolmin", Double.NaN),
            new Param("idiovolmax", Double.NaN))),

    /**
     * Hedged pairs: {@code C = (1 − mix)·P + mix·R}, P block diagonal with 2×2 blocks of correlation
     * {@code −pairrho} (an odd last asset alone), R the correlation matrix of a random-spectrum matrix with κ = 10;
     * log-uniform volatilities in [{@code volmin}, {@code volmax}].
     */
    NEGATIVE_CORRELATION("negative-correlation", List.of(new Param("pairrho", 0.9), new Param("mix", 0.2),
            new Param("volmin", 0.1), new Param("volmax", 0.4))),

    /**
     * Volatilities log-uniform over several decades, [{@code volmin}, {@code volmax}] (default 1e-2 to 1e2), on the
     * correlation matrix of a random-spectrum matrix with κ = {@code kappa} (default 1e2).
     */
    VOL_SPREAD("vol-spread", List.of(new Param("kappa", 1e2), new Param("volmin", 1e-2), new Param("volmax", 1e2))),

    /**
     * Sample covariance (divisor T − 1) of {@code t} Gaussian returns (default 2n, at least n + 1) drawn from a
     * random-spectrum population with κ = {@code kappa} (default 1e2).
     */
    SAMPLE("sample", List.of(new Param("kappa", 1e2), new Param("t", Double.NaN)));

    /** A parameter name and its default (NaN: no default, the family derives it or it is optional). */
    public record Param(String name, double defaultValue) {
    }

    private final String id;
    private final List<Param> params;

    Family(String id, List<Param> params) {
        this.id = id;
        this.params = params;
    }

    /** @return the stable name, e.g. {@code random-spectrum} */
    public String id() {
        return id;
    }

    /** @return the parameters this family accepts, with defaults */
    public List<Param> params() {
        return params;
    }

    /** @return whether the family accepts this parameter */
    public boolean accepts(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** @return the family with this stable name (case-insensitive; '_' accepted for '-') */
    public static Family byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Family f : values()) {
            if (f.id.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown generator family '" + id + "'; known: " + knownIds());
    }

    static String knownIds() {
        StringBuilder sb = new StringBuilder();
        for (Family f : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(f.id);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return id;
    }
}
