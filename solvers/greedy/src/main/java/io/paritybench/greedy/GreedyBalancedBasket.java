package io.paritybench.greedy;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.Deadline;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The greedy "balanced basket" algorithm of Bailey &amp; López de Prado (2012), "Balanced baskets: a new approach
 * to trading and hedging risks", Journal of Investment Strategies 1(4), 21–62, as reported in seed document 000 and
 * specified in ALGORITHMS.md §6.1 (verdict §9).
 *
 * <p><b>Iteration.</b> With unnormalised weights {@code ω > 0}, {@code p = Σω}, {@code s² = ω'Σω} and
 * {@code CtR_k = ω_k p_k / s²} (the relative risk contribution), each step picks
 * {@code i = argmax_k |CtR_k − b_k|} (ties: lowest index) and changes the single weight {@code ω_i} so that
 * {@code CtR_i} moves to {@code b_i}. How the change is computed is the {@link Variant}:
 * <ul>
 *   <li>{@link Variant#PUBLISHED} ({@code greedy-published}): the seed's eqs. (1)–(2) exactly as printed — the
 *       Taylor coefficients {@code a = σ_i²/s² (1−2ρ_i²) − ρ_i ω_i σ_i³/s³ (2−3ρ_i²)},
 *       {@code b = ω_iσ_i²/s² (1−2ρ_i²) + σ_iρ_i/s}, {@code c = CtR_i − b_i}, and the root
 *       {@code (−b ± sqrt(b²−4ac))/(2b)} with {@code +} for {@code b ≥ 0}, {@code −} for {@code b < 0},
 *       {@code −c/b} for {@code a = 0}. It carries the seed's two errors (§9): the denominator {@code 2b} is a
 *       typo for {@code 2a} (the step is the intended one times {@code a/b}), and {@code (2 − 3ρ²)} should be
 *       {@code (3 − 4ρ²)}. It is the record of what the paper says, not a method to use. Because {@code /(2b)}
 *       is not dimensionally consistent, this variant depends on the units of the assets and on the scale of
 *       {@code ω}; it runs in covariance space from the paper's start {@code ω⁰ = 1/n} (or the given initial
 *       point, as given).</li>
 *   <li>{@link Variant#CORRECTED} ({@code greedy-corrected}): the same second-order Taylor step with both
 *       corrections: {@code A = σ_i²/s² − (2p_i² + 3ω_ip_iσ_i²)/s⁴ + 4ω_ip_i³/s⁶} (the {@code (3 − 4ρ²)} form),
 *       {@code B = (p_i + ω_iσ_i²)/s² − 2ω_ip_i²/s⁴} and the root of smallest magnitude, evaluated stably as
 *       {@code Δ = −2c / (B + sign(B) sqrt(B² − 4Ac))}. Start {@code ω⁰ = 1/n}.</li>
 *   <li>{@link Variant#EXACT} ({@code greedy-exact}): the exact coordinate step of §6.1: {@code CtR_i(v) = b_i}
 *       is the quadratic {@code (1−b_i)σ_i²v² + (1−2b_i)q_i v − b_i s_{-i}² = 0} in the new weight {@code v},
 *       with exactly one positive root (stable evaluation in {@link ExactCoordinateStep}). It cannot produce a
 *       negative discriminant or a non-positive weight. Start {@code ω⁰_i ∝ sqrt(b_i)/σ_i} (the exact solution
 *       when Σ is diagonal) unless an initial point is given.</li>
 * </ul>
 * The corrected and exact variants are invariant under the diagonal rescaling {@code Σ → DΣD}
 * (ALGORITHMS.md §2.2) and run on the correlation matrix, mapping back with {@code x_i = y_i/σ_i}.
 *
 * <p><b>Cost.</b> O(n) per step: the greedy scan and the rank-one update {@code p += Δ Σ_{:,i}},
 * {@code s² += 2Δ p_i + Δ²σ_i²}. Every n steps {@code p} and {@code s²} are recomputed from scratch (O(n²), i.e.
 * O(n) amortised) to remove drift. Default step cap: {@value #DEFAULT_STEPS_PER_ASSET}·n.
 *
 * <p><b>Stopping.</b> Nothing the seed worries about is repaired silently; every event ends the run with a status
 * naming it, and the last admissible iterate is returned:
 * <ul>
 *   <li>{@link SolveStatus#CONVERGED}: the maintained {@code max_k |CtR_k − b_k|} is within the tolerance, still
 *       so after recomputing {@code p}, {@code s²}, and the common {@link ConvergenceTest} passes on the mapped,
 *       normalised weights (a failed confirmation is retried at most once per n steps);</li>
 *   <li>{@link SolveStatus#NEGATIVE_DISCRIMINANT}: the Taylor parabola never reaches the budget
 *       ({@code b² − 4ac < 0});</li>
 *   <li>{@link SolveStatus#INVALID_ITERATE}: the step would make {@code ω_i} non-positive;</li>
 *   <li>{@link SolveStatus#NO_ADMISSIBLE_STEP}: no step is defined ({@code a = b = 0}; the published
 *       {@code /(2b)} with {@code b = 0}; {@code A = B = 0}; any non-finite step);</li>
 *   <li>{@link SolveStatus#STAGNATED}: over n consecutive steps no weight changed by more than
 *       {@code 4u} relative ({@value #STAGNATION_THRESHOLD}); detected on the iterates, because the error is not
 *       monotone along the iteration;</li>
 *   <li>{@link SolveStatus#MAX_ITERATIONS}, {@link SolveStatus#TIME_LIMIT} (checked between steps),
 *       {@link SolveStatus#NUMERICAL_BREAKDOWN} (a non-finite or non-positive variance).</li>
 * </ul>
 * No variant clamps a step. Counters: {@code steps}, {@code fullProducts} (O(n²) products Σω: start, periodic
 * recomputations, confirmations), {@code confirmations}, and for the exact step {@code restRecomputations}
 * (direct O(n²) evaluations of {@code s_{-i}²} when the O(1) formula cancels to a non-positive value).
 *
 * <p>Immutable and thread-safe; all state of a solve is local to {@link #solve}.
 */
public final class GreedyBalancedBasket implements RiskBudgetSolver {

    /** Default step cap per asset: the cap is this times n steps (ALGORITHMS.md §6.1, step 5). */
    public static final int DEFAULT_STEPS_PER_ASSET = 2000;

    /** Stagnation threshold on the relative change of the stepped weight: 4u, u = 2^-53. */
    public static final double STAGNATION_THRESHOLD = 4 * 0x1p-53;

    /** How the coordinate step is computed. */
    public enum Variant {
        /** Seed 000's eqs. (1)–(2) as printed: coefficient {@code (2 − 3ρ²)}, root over {@code 2b}. */
        PUBLISHED("greedy-published",
                "Greedy Taylor step of Bailey & Lopez de Prado (2012) exactly as printed in seed 000 "
                        + "((2-3rho^2) coefficient, root over 2b); the record of the published formulas"),
        /** The second-order Taylor step with {@code (3 − 4ρ²)} and the stable root over {@code 2A}. */
        CORRECTED("greedy-corrected",
                "Greedy second-order Taylor step of Bailey & Lopez de Prado (2012) with the corrected "
                        + "(3-4rho^2) coefficient and the stable smallest root"),
        /** The exact coordinate step: the positive root of the quadratic {@code CtR_i(v) = b_i}. */
        EXACT("greedy-exact",
                "Greedy coordinate method of Bailey & Lopez de Prado (2012) with the exact step "
                        + "CtR_i(v) = b_i (positive root of a quadratic), ALGORITHMS.md 6.1");

        private final String id;
        private final String description;

        Variant(String id, String description) {
            this.id = id;
            this.description = description;
        }

        /** @return the solver id of this variant */
        public String id() {
            return id;
        }

        boolean correlationSpace() {
            return this != PUBLISHED;
        }
    }

    private final Variant variant;

    public GreedyBalancedBasket(Variant variant) {
        this.variant = Objects.requireNonNull(variant, "variant");
    }

    /** @return the seed's formulas as printed ({@code greedy-published}) */
    public static GreedyBalancedBasket published() {
        return new GreedyBalancedBasket(Variant.PUBLISHED);
    }

    /** @return the corrected Taylor step ({@code greedy-corrected}) */
    public static GreedyBalancedBasket corrected() {
        return new GreedyBalancedBasket(Variant.CORRECTED);
    }

    /** @return the exact coordinate step ({@code greedy-exact}) */
    public static GreedyBalancedBasket exact() {
        return new GreedyBalancedBasket(Variant.EXACT);
    }

    public Variant variant() {
        return variant;
    }

    @Override
    public String id() {
        return variant.id;
    }

    @Override
    public String description() {
        return variant.description;
    }

    /** @return the default step cap {@value #DEFAULT_STEPS_PER_ASSET}·n (saturating at {@link Integer#MAX_VALUE}) */
    public static int defaultMaxSteps(int n) {
        return (int) Math.min(Integer.MAX_VALUE, (long) DEFAULT_STEPS_PER_ASSET * n);
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        Deadline deadline = SolverPreamble.begin(this, problem, options);
        int n = problem.n();
        double[] x0 = options.initialPoint();

        double[] budgets = problem.budgets();
        double total = 0;
        for (int k = 0; k < n; k++) {
            total += budgets[k];
        }
        double[] target = new double[n];
        for (int k = 0; k < n; k++) {
            target[k] = budgets[k] / total;
        }
        // Working space: y = scale ∘ x on M = diag(scale)^-1 Σ diag(scale)^-1 (scale = σ, or 1 for the seed).
        double[] vols = problem.volatilities();
        double[] scale;
        double[][] m;
        if (variant.correlationSpace()) {
            scale = vols;
            m = problem.correlation();
        } else {
            scale = new double[n];
            Arrays.fill(scale, 1.0);
            m = problem.covariance();
        }
        // Start in covariance space: the given point, sqrt(b_k)/σ_k for the exact step, 1/n otherwise.
        double[] y0 = new double[n];
        for (int k = 0; k < n; k++) {
            y0[k] = x0 != null ? x0[k] * scale[k]
                    : variant == Variant.EXACT ? Math.sqrt(target[k]) / vols[k] * scale[k]
                    : scale[k] / n;
        }
        return new Run(problem, options, target, scale, new BasketState(m, y0), deadline).execute();
    }

    /** The mutable state of one solve: counters and the loop. */
    private final class Run {
        private final RiskBudgetProblem problem;
        private final SolverOptions options;
        private final double[] target;
        private final double[] scale;
        private final BasketState st;
        private final Deadline deadline;
        private final int n;
        private final int cap;
        private final double tol;

        private long fullProducts = 1;
        private long confirmations;
        private long restRecomputations;
        private int steps;

        private SolveStatus failure;
        private String failureMessage;

        Run(RiskBudgetProblem problem, SolverOptions options, double[] target, double[] scale, BasketState st,
            Deadline deadline) {
            this.problem = problem;
            this.options = options;
            this.target = target;
            this.scale = scale;
            this.st = st;
            this.deadline = deadline;
            this.n = st.n;
            this.cap = options.maxIterationsOr(defaultMaxSteps(n));
            this.tol = options.tolerance();
        }

        SolveResult execute() {
            int sinceRefresh = 0;
            int quiet = 0;
            int nextConfirm = 0;
            options.observe(0, st.view(), scale);
            while (true) {
                if (sinceRefresh >= n) {
                    refresh();
                    sinceRefresh = 0;
                }
                if (!st.varianceValid()) {
                    if (sinceRefresh > 0) {
                        refresh();
                        sinceRefresh = 0;
                    }
                    if (!st.varianceValid()) {
                        return finish(SolveStatus.NUMERICAL_BREAKDOWN,
                                "portfolio variance s^2 = " + st.variance() + " is not positive and finite");
                    }
                }
                int i = st.worst(target);
                double err = st.worstError();
                if (Double.isNaN(err)) {
                    return finish(SolveStatus.NUMERICAL_BREAKDOWN, "CtR of asset " + (i + 1) + " is NaN");
                }
                if (err <= tol && steps >= nextConfirm) {
                    if (sinceRefresh > 0) {
                        refresh();
                        sinceRefresh = 0;
                        i = st.worst(target);
                        err = st.worstError();
                    }
                    if (err <= tol) {
                        confirmations++;
                        fullProducts++;
                        double residual = harnessResidual(covarianceWeights());
                        if (ConvergenceTest.passes(residual, tol)) {
                            return finish(SolveStatus.CONVERGED, String.format(
                                    "max|CtR - b| = %.3e <= tol %.1e after %d steps", residual, tol, steps));
                        }
                    }
                    nextConfirm = steps + n;
                }
                if (steps >= cap) {
                    return finish(SolveStatus.MAX_ITERATIONS, String.format(
                            "step cap %d reached with max|CtR - b| = %.3e > tol %.1e", cap, err, tol));
                }
                if (deadline.passed()) {
                    return finish(SolveStatus.TIME_LIMIT, String.format(
                            "time limit %s reached after %d steps with max|CtR - b| = %.3e",
                            options.timeLimit(), steps, err));
                }
                double old = st.weight(i);
                double v = proposal(i);
                if (failure != null) {
                    return finish(failure, failureMessage);
                }
                double delta = st.set(i, v);
                steps++;
                options.observe(steps, st.view(), scale);
                sinceRefresh++;
                if (Math.abs(delta) <= STAGNATION_THRESHOLD * old) {
                    if (++quiet >= n) {
                        return finish(SolveStatus.STAGNATED, String.format(
                                "no weight changed by more than 4u relative in the last %d steps; "
                                        + "max|CtR - b| = %.3e > tol %.1e", n, err, tol));
                    }
                } else {
                    quiet = 0;
                }
            }
        }

        /** @return the new weight of asset i, or NaN with {@link #failure} set */
        private double proposal(int i) {
            double w = st.weight(i);
            double p = st.marginal(i);
            double d = st.diagonal(i);
            double s2 = st.variance();
            double ctr = st.ctr(i);
            double c = ctr - target[i];
            switch (variant) {
                case PUBLISHED: {
                    double a = TaylorStep.publishedA(w, p, d, s2);
                    double b = TaylorStep.publishedB(w, p, d, s2);
                    if (a == 0 && b == 0) {
                        return fail(SolveStatus.NO_ADMISSIBLE_STEP, i, ctr, "a = b = 0: eq. (2) defines no step");
                    }
                    if (a != 0 && TaylorStep.discriminant(a, b, c) < 0) {
                        return fail(SolveStatus.NEGATIVE_DISCRIMINANT, i, ctr, String.format(
                                "b^2 - 4ac = %.6g < 0 (a = %.6g, b = %.6g, c = %.6g)",
                                TaylorStep.discriminant(a, b, c), a, b, c));
                    }
                    return admissible(i, ctr, w, TaylorStep.publishedRoot(a, b, c), a, b, c);
                }
                case CORRECTED: {
                    double a = TaylorStep.correctedA(w, p, d, s2);
                    double b = TaylorStep.correctedB(w, p, d, s2);
                    double disc = TaylorStep.discriminant(a, b, c);
                    if (disc < 0) {
                        return fail(SolveStatus.NEGATIVE_DISCRIMINANT, i, ctr, String.format(
                                "B^2 - 4Ac = %.6g < 0 (A = %.6g, B = %.6g, c = %.6g)", disc, a, b, c));
                    }
                    return admissible(i, ctr, w, TaylorStep.stableRoot(a, b, c), a, b, c);
                }
                default: {
                    double restVar = st.restVariance(i);
                    if (!(restVar > 0)) {
                        restRecomputations++;
                        fullProducts++;
                        restVar = st.restVarianceFresh(i);
                        if (!(restVar > 0)) {
                            return fail(SolveStatus.NO_ADMISSIBLE_STEP, i, ctr, String.format(
                                    "the variance of the other assets is %.6g (not positive)", restVar));
                        }
                    }
                    double v = ExactCoordinateStep.positiveRoot(target[i], d, st.restCovariance(i), restVar);
                    return admissible(i, ctr, w, v - w, Double.NaN, Double.NaN, restVar);
                }
            }
        }

        /**
         * Checks a step Δ: finite, and {@code ω_i + Δ > 0}. The last three arguments only describe a failure
         * (the Taylor coefficients, or {@code s_{-i}²} for the exact step).
         *
         * @return the new weight, or NaN with a failure set
         */
        private double admissible(int i, double ctr, double w, double delta, double a, double b, double c) {
            if (!Double.isFinite(delta)) {
                return fail(SolveStatus.NO_ADMISSIBLE_STEP, i, ctr, "step is " + delta + " (" + detail(a, b, c) + ")");
            }
            double v = w + delta;
            if (!(v > 0)) {
                return fail(SolveStatus.INVALID_ITERATE, i, ctr, String.format(
                        "step %.6g would set the weight %.6g to %.6g <= 0 (%s)", delta, w, v, detail(a, b, c)));
            }
            return v;
        }

        private String detail(double a, double b, double c) {
            switch (variant) {
                case PUBLISHED:
                    return String.format("a = %.6g, b = %.6g, c = %.6g%s", a, b, c,
                            b == 0 ? "; eq. (2) divides by 2b = 0" : "");
                case CORRECTED:
                    return String.format("A = %.6g, B = %.6g, c = %.6g", a, b, c);
                default:
                    return String.format("s_-i^2 = %.6g", c);
            }
        }

        private double fail(SolveStatus status, int i, double ctr, String detail) {
            failure = status;
            failureMessage = String.format("step %d, asset %d (CtR %.6g, budget %.6g): %s; the last admissible "
                    + "iterate is returned", steps + 1, i + 1, ctr, target[i], detail);
            return Double.NaN;
        }

        private void refresh() {
            st.refresh();
            fullProducts++;
        }

        /** @return the weights in covariance space, unnormalised */
        private double[] covarianceWeights() {
            double[] x = st.weights();
            for (int k = 0; k < n; k++) {
                x[k] /= scale[k];
            }
            return x;
        }

        /** The common test exactly as {@link SolveResult#conclude} applies it: normalise, then a fresh Σw. */
        private double harnessResidual(double[] x) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += x[k];
            }
            double f = 1.0 / sum;
            double[] w = new double[n];
            for (int k = 0; k < n; k++) {
                w[k] = x[k] * f;
            }
            return ConvergenceTest.residual(problem, w);
        }

        private SolveResult finish(SolveStatus status, String message) {
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("steps", (long) steps);
            counters.put("fullProducts", fullProducts);
            counters.put("confirmations", confirmations);
            if (variant == Variant.EXACT) {
                counters.put("restRecomputations", restRecomputations);
            }
            double[] x = covarianceWeights();
            String msg = message;
            if (status != SolveStatus.CONVERGED) {
                double residual = harnessResidual(x);
                if (ConvergenceTest.passes(residual, tol)) {
                    msg = String.format("%s; the returned weights pass the common test nonetheless "
                            + "(max|RRC - b| = %.3e from a fresh product)", message, residual);
                }
            }
            return SolveResult.conclude(id(), problem, options, x, status, steps, counters, msg);
        }
    }
}
