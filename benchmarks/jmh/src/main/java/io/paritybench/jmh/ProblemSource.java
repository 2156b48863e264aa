package io.paritybench.jmh;

import io.paritybench.core.generate.Family;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;

/**
 * The problems of the benchmarks: one fixed, seeded ERC problem per (family, n, κ(Σ)), the same for every solver and
 * tolerance, from the generators of {@code io.paritybench.core.generate}:
 *
 * <ul>
 *   <li>{@code random-spectrum}: {@code Σ = Q diag(logspace(0, −log10 κ, n)) Q'}, Q Haar (ALGORITHMS.md §8.3);</li>
 *   <li>{@code factor}: the 3-factor model {@code Σ = B diag(f²) B' + δ I} of the generator (its defaults: positive
 *       market loadings, f = 0.2, 0.1, 0.05), with the idiosyncratic variance δ chosen so that
 *       {@code κ(Σ) = (λ_max(B diag(f²) B') + δ)/δ} is the requested κ (n > 3, so {@code λ_min = δ}). The loadings do
 *       not depend on δ, so λ_max of the factor part is measured once on the matrix generated with δ = 1.</li>
 * </ul>
 */
final class ProblemSource {

    /** Seed of every benchmark problem. */
    static final long SEED = 1L;
    static final String RANDOM_SPECTRUM = "random-spectrum";
    static final String FACTOR = "factor";

    private ProblemSource() {
    }

    /** @return the spec of the benchmark problem of this family, size and κ(Σ) */
    static GeneratorSpec spec(String family, int n, double kappa) {
        if (!(kappa > 1) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be a finite number > 1, got " + kappa);
        }
        return switch (family) {
            case RANDOM_SPECTRUM -> GeneratorSpec.randomSpectrum(n, kappa, SEED);
            case FACTOR -> {
                GeneratorSpec unit = GeneratorSpec.of(Family.FACTOR, n, SEED).with("idio", 1.0);
                if (n <= unit.param("k")) {
                    throw new IllegalArgumentException("the factor family needs n > k = " + unit.param("k")
                            + " for λ_min = δ, got n = " + n);
                }
                double factorPart = Spectra.largestEigenvalue(ProblemGenerator.covariance(unit)) - 1.0;
                yield unit.with("idio", factorPart / (kappa - 1));
            }
            default -> throw new IllegalArgumentException(
                    "unknown family '" + family + "'; known: " + RANDOM_SPECTRUM + ", " + FACTOR);
        };
    }

    /** @return the benchmark problem of this family, size and κ(Σ) */
    static BenchProblem build(String family, int n, double kappa) {
        GeneratorSpec spec = spec(family, n, kappa);
        return new BenchProblem(ProblemGenerator.problem(spec), spec.toString(), kappa, Double.NaN, Double.NaN);
    }
}
