package io.paritybench.core.cases;

/**
 * What a double-precision solver can achieve on a case (ALGORITHMS.md §8.3, rule of thumb):
 * {@code max|RRC_i − b_i| ≤ max(1e-14, 100 · floor)} with {@code floor} the RRC error of the correctly rounded
 * exact answer under plain double evaluation, and {@code max_i |w_i − ref_i|/ref_i ≤ max(1e-13, 100 · κ_w · u')},
 * {@code u' = 1.1e-16}.
 *
 * @param maxAbsRrcError achievable {@code max|RRC_i − b_i|}
 * @param maxRelWeightError achievable relative weight error against the reference
 */
public record AccuracyTolerance(double maxAbsRrcError, double maxRelWeightError) {

    /** The rounding unit used in the rule of thumb. */
    public static final double U = 1.1e-16;

    /** @return the per-case tolerances derived from the case's conditioning */
    public static AccuracyTolerance forCase(CaseMeta meta) {
        return of(meta.kappaWeights(), meta.floorNaive());
    }

    /** @return the tolerances for a problem with weight condition number κ_w and naive RRC floor */
    public static AccuracyTolerance of(double kappaWeights, double floorNaive) {
        return new AccuracyTolerance(Math.max(1e-14, 100 * floorNaive), Math.max(1e-13, 100 * kappaWeights * U));
    }
}
