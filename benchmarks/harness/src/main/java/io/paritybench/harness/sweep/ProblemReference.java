package io.paritybench.harness.sweep;

import io.paritybench.core.cases.AccuracyTolerance;

/**
 * What the harness knows about a problem before any solver runs: the exact answer (rounded to double) and how hard
 * the problem is for double precision (ALGORITHMS.md §8). Computed once per problem and shared by its trials.
 *
 * @param kind        where the reference weights come from
 * @param weights     the reference weights, or null when none could be certified
 * @param kappaSigma  κ(Σ)
 * @param kappaW      the componentwise condition number of the weights κ_w (NaN when unknown)
 * @param cancellation the cancellation factor of Σw (NaN when unknown)
 * @param rrcFloor    {@code max|RRC − b|} of the reference weights evaluated in plain double (NaN when unknown)
 * @param budgetMin   the smallest budget
 * @param accuracy    the achievable accuracy in double (§8.3 rule of thumb), or null when κ_w is unknown
 * @param crossCheck  for the n = 2 grid: {@code max_i |w_i − v_i|/v_i} between the closed form and the reference
 *                    solver (NaN otherwise)
 * @param note        why there is no reference, or an empty string
 */
public record ProblemReference(Kind kind, double[] weights, double kappaSigma, double kappaW, double cancellation,
                               double rrcFloor, double budgetMin, AccuracyTolerance accuracy, double crossCheck,
                               String note) {

    /** Where reference weights come from. */
    public enum Kind {
        /** The certified, correctly rounded weights of the reference solver (ALGORITHMS.md §5). */
        REFERENCE_SOLVER,
        /**
         * For a risk measure with expected returns (ALGORITHMS.md §7): the reference solver's double Newton weights,
         * at the double noise floor but not certified correctly rounded. Another double Newton agrees within
         * about 2·κ_w·u, well inside the same allowance {@code max(1e-13, 100·κ_w·u)}.
         */
        REFERENCE_UNCERTIFIED,
        /** The risk-budgeting solution does not exist (the reference solver reports NO_SOLUTION); not run. */
        NO_SOLUTION,
        /** The stable n = 2 closed form (ALGORITHMS.md §4.1; ≤ 4.5e-16 relative). */
        CLOSED_FORM,
        /** {@code ref_weights.csv} of a case folder. */
        CASE_FILE,
        /** None: the reference solver could not certify its answer; only the residual is checked. */
        NONE;

        /** @return the lower-case name used in result files */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** @return the kind of a {@link #label()} */
        public static Kind ofLabel(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown reference kind '" + label + "'");
        }
    }

    /** Relative-error amplification allowed beyond the first-order bound {@code κ_w·τ/b_min} (see {@link #weightAllowance}). */
    public static final double FIRST_ORDER_SAFETY = 10;

    public ProblemReference {
        weights = weights == null ? null : weights.clone();
        note = note == null ? "" : note;
    }

    @Override
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** @return whether there are reference weights to compare with */
    public boolean hasWeights() {
        return weights != null;
    }

    /**
     * The tolerance a solver is asked for on this problem: the requested one, raised to the achievable RRC accuracy
     * of the problem ({@code max(1e-14, 100·floor)}, ALGORITHMS.md §8.3) when that is larger, because no double
     * computation can certify a residual below the floor of the exact answer.
     */
    public double tolerance(double requested) {
        return accuracy == null ? requested : Math.max(requested, accuracy.maxAbsRrcError());
    }

    /**
     * The relative weight error (against the reference) consistent with a residual τ: the achievable floor
     * {@code max(1e-13, 100·κ_w·u)} or, when larger, the first-order forward error of relative RRC errors up to
     * {@code τ/b_min}, which κ_w amplifies at most κ_w-fold, times a safety factor of
     * {@value #FIRST_ORDER_SAFETY} for second-order terms and normalisation. NaN when κ_w is unknown.
     */
    public double weightAllowance(double tau) {
        if (accuracy == null || !Double.isFinite(kappaW)) {
            return Double.NaN;
        }
        return Math.max(accuracy.maxRelWeightError(), FIRST_ORDER_SAFETY * kappaW * tau / budgetMin);
    }
}
