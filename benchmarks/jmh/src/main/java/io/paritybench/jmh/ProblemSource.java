package io.paritybench.jmh;

import io.paritybench.core.generate.Conditioning;
import io.paritybench.core.generate.Family;
import io.paritybench.core.generate.GeneratedProblem;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.jmh.report.SideRecord;

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
 *
 * <p>Each (family, n, κ) has one problem per seed ({@code seed} parameter), so a time can describe a family of
 * matrices rather than one.
 *
 * <p>With the problem comes its conditioning ({@link Conditioning}: κ_w and the double floor of the residual, from the
 * certified reference solution, ALGORITHMS.md §2.4, §8), which sets the accuracy a solve can be asked for. Computing
 * it costs a reference solve and three eigenvalue decompositions (seconds at n = 1000, about a minute at n = 2000), so
 * it is recorded in the side file ({@link SideFile}) and later trials of the same problem read it from there, and
 * the problem itself from {@link MatrixCache}.
 */
final class ProblemSource {

    /** The default seed of the benchmark problems (the {@code seed} parameter of {@link SolverBenchmark}). */
    static final long SEED = 1L;
    static final String RANDOM_SPECTRUM = "random-spectrum";
    static final String FACTOR = "factor";

    private ProblemSource() {
    }

    /** @return the spec of the benchmark problem of this family, size and κ(Σ) with the default seed */
    static GeneratorSpec spec(String family, int n, double kappa) {
        return spec(family, n, kappa, SEED);
    }

    /** @return the spec of the benchmark problem of this family, size, κ(Σ) and seed */
    static GeneratorSpec spec(String family, int n, double kappa, long seed) {
        if (!(kappa > 1) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be a finite number > 1, got " + kappa);
        }
        return switch (family) {
            case RANDOM_SPECTRUM -> GeneratorSpec.randomSpectrum(n, kappa, seed);
            case FACTOR -> {
                GeneratorSpec unit = GeneratorSpec.of(Family.FACTOR, n, seed).with("idio", 1.0);
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

    /** @return whether the conditioning of this problem is in the side file already (prepared before the trial) */
    static boolean isPrepared(String family, int n, double kappa, long seed) {
        String key = spec(family, n, kappa, seed).toString();
        return SideFile.find(SideRecord.Conditioning.class, c -> key.equals(c.spec())) != null;
    }

    /** @return the benchmark problem of this family, size and κ(Σ) with the default seed, with its conditioning */
    static BenchProblem build(String family, int n, double kappa) {
        return build(family, n, kappa, SEED);
    }

    /** @return the benchmark problem of this family, size, κ(Σ) and seed, with its conditioning */
    static BenchProblem build(String family, int n, double kappa, long seed) {
        GeneratorSpec spec = spec(family, n, kappa, seed);
        String key = spec.toString();
        SideRecord.Conditioning known = SideFile.find(SideRecord.Conditioning.class, c -> key.equals(c.spec()));
        if (known != null) {
            return new BenchProblem(MatrixCache.get(key, () -> ProblemGenerator.problem(spec)), key, kappa,
                    SideRecord.orNaN(known.kappaWeights()), SideRecord.orNaN(known.rrcFloorNaive()));
        }
        long t0 = System.nanoTime();
        GeneratedProblem g = ProblemGenerator.generate(spec);
        MatrixCache.put(key, g.problem());
        Conditioning c = g.conditioning();
        double kappaWeights = c == null ? Double.NaN : c.kappaWeights();
        double floor = c == null ? Double.NaN : c.rrcFloorNaive();
        SideFile.append(new SideRecord.Conditioning(family, n, kappa, seed, key, g.certified(),
                c == null ? Double.NaN : c.kappaSigma(), kappaWeights, c == null ? Double.NaN : c.cancellation(), floor,
                (System.nanoTime() - t0) * 1e-9));
        return new BenchProblem(g.problem(), key, kappa, kappaWeights, floor);
    }
}
