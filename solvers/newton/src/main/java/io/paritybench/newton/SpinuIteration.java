package io.paritybench.newton;

import io.paritybench.core.Deadline;
import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;
import io.paritybench.core.text.Numbers;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.newton.DampedNewton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The outer iteration shared by {@link LogBarrierNewton} and {@link TruncatedNewtonCg}: Spinu's (2013) damped
 * Newton method on {@code F(y) = ½ y'Cy − Σ b_i ln y_i} (ALGORITHMS.md §6.2, "recommended robust variant"), with the
 * Newton system solved by a {@link NewtonDirection}.
 *
 * <p>Iteration k: {@code g = Cy − b ⊘ y}, {@code d = b ⊘ y²}; if the common test ({@link ConvergenceTest}, on the
 * covariance-space weights {@code y ⊘ σ} normalised) passes, stop. Otherwise {@code Δ ≈ (C + diag d)⁻¹ g}, to a
 * forcing term the {@link NewtonDirection} derives from {@code ‖g‖_{M⁻¹}}, {@code M = diag(1 + d)} (exact after a
 * fresh factorisation), {@code λ = sqrt(g'Δ)}, {@code δ = max_i |Δ_i| / y_i}; damped phase while
 * {@code λ > λ* = 0.95 (3 − √5)/2}:
 * {@code y ← y − Δ/(1 + δ)} ({@link DampedNewton#dampedStep}, evaluated without cancellation; keeps {@code y > 0} and decreases F by at least {@code ω(λ*) = λ* − ln(1 + λ*)},
 * Spinu Thm 3.3; this needs only {@code g'Δ = Δ'HΔ}, which truncated conjugate gradients also satisfy); quadratic
 * phase (below {@link DampedNewton#switchThreshold}, which is λ* unless the budgets span more than about 1e24):
 * {@code y ← y − Δ}, halved while some {@code y_i ≤ 0} (a guard against rounding only; in exact arithmetic
 * {@code |Δ_i|/y_i ≤ λ < 1}).
 *
 * <p>Stagnation: in the quadratic phase a self-concordant function satisfies {@code λ⁺ ≤ (λ/(1 − λ))²}, so
 * {@code λ⁺ > λ/4} is impossible in exact arithmetic once {@code λ < 3 − 2√2 ≈ 0.17}. Two such iterations in a row
 * with accurate directions (the §6.2 rule, restricted to where it is a certain sign of rounding; after an inexact
 * direction the next one is requested accurate) mean that the decrement sits at the noise floor of double
 * precision: stop with {@link SolveStatus#STAGNATED}. So does a quadratic-phase step below the resolution of y
 * ({@code δ ≤ 4u}), and, as a backstop, {@value #NO_PROGRESS_WINDOW} quadratic iterations in a row that do not halve
 * the smallest decrement seen. A result is CONVERGED only through {@link SolveResult#conclude}.
 */
final class SpinuIteration {

    /** Spinu's switch between the damped and the quadratic phase, {@code 0.95 (3 − √5)/2 ≈ 0.3629}. */
    static final double LAMBDA_STAR = DampedNewton.LAMBDA_STAR;
    /** Below this decrement {@code λ⁺ > λ/4} cannot happen in exact arithmetic: {@code 3 − 2√2}. */
    static final double STAGNATION_ONSET = DampedNewton.STAGNATION_ONSET;
    /** Consecutive rounding-dominated quadratic iterations that stop the iteration. */
    static final int STAGNATION_STRIKES = DampedNewton.STAGNATION_STRIKES;
    /** Quadratic iterations without halving the best decrement that stop the iteration. */
    static final int NO_PROGRESS_WINDOW = DampedNewton.NO_PROGRESS_WINDOW;
    /** Halvings of the full step before the positivity guard gives up. */
    static final int MAX_HALVINGS = 60;
    /**
     * The common test is evaluated once the correlation-space residual (the same quantity, from the product Cy the
     * iteration has anyway) is within this factor of the tolerance; the final result is judged by the common test
     * in any case.
     */
    static final double PRESCREEN = 16;

    private SpinuIteration() {
    }

    /**
     * Runs the iteration.
     *
     * @param directions builds the Newton-system solver for the problem's correlation form
     * @param defaultCap iteration cap when the options leave it to the solver
     */
    static SolveResult run(String id, RiskBudgetProblem problem, SolverOptions options,
                           Function<CorrelationForm, NewtonDirection> directions, int defaultCap) {
        return run(id, problem, options, directions, defaultCap, options.deadlineFromNow());
    }

    /** Runs the iteration against a deadline the caller started ({@link io.paritybench.core.SolverPreamble#begin}). */
    static SolveResult run(String id, RiskBudgetProblem problem, SolverOptions options,
                           Function<CorrelationForm, NewtonDirection> directions, int defaultCap, Deadline deadline) {
        return new SpinuIteration.Run(problem, options, directions, deadline).solve(id, defaultCap);
    }

    /** The state of one solve. */
    private static final class Run {
        final RiskBudgetProblem problem;
        final SolverOptions options;
        final CorrelationForm form;
        final NewtonDirection direction;
        final Deadline deadline;
        final int n;
        final double[] b;
        final double[] y;
        final double[] cy;
        final double[] g;
        final double[] d;
        final double[] delta;
        final double[] w;
        long damped;
        long quadratic;
        long halvings;
        long matvecs;

        Run(RiskBudgetProblem problem, SolverOptions options, Function<CorrelationForm, NewtonDirection> directions,
            Deadline deadline) {
            this.problem = problem;
            this.options = options;
            this.deadline = deadline;
            this.form = CorrelationForm.of(problem);
            this.n = form.n;
            this.b = form.b;
            this.cy = new double[n];
            this.g = new double[n];
            this.d = new double[n];
            this.delta = new double[n];
            this.w = new double[n];
            if (options.hasInitialPoint()) {
                this.y = form.warmStart(options.initialPoint(), cy);
                matvecs++;
            } else {
                this.y = form.coldStart();
            }
            this.direction = directions.apply(form);
        }

        SolveResult solve(String id, int defaultCap) {
            int cap = options.maxIterationsOr(defaultCap);
            double tol = options.tolerance();
            int iterations = 0;
            DampedNewton.Stagnation stagnation = new DampedNewton.Stagnation();
            double switchAt = DampedNewton.switchThreshold(form.s);
            SolveStatus status;
            String message;
            while (true) {
                options.observe(iterations, y, form.sigma);
                if (!gradient()) {
                    status = SolveStatus.NUMERICAL_BREAKDOWN;
                    message = "non-finite gradient or non-positive iterate at iteration " + iterations;
                    break;
                }
                if (passesCommonTest(tol)) {
                    status = SolveStatus.CONVERGED;
                    message = "max|RRC-b| <= " + tol;
                    break;
                }
                if (iterations >= cap) {
                    status = SolveStatus.MAX_ITERATIONS;
                    message = "iteration cap " + cap + " reached";
                    break;
                }
                if (deadline.passed()) {
                    status = SolveStatus.TIME_LIMIT;
                    message = "time limit " + options.timeLimit() + " reached after " + iterations + " iterations";
                    break;
                }
                double ghat2 = 0;
                for (int i = 0; i < n; i++) {
                    ghat2 += g[i] * g[i] / (1 + d[i]);
                }
                NewtonDirection.Failure failure = direction.solve(d, g, delta, Math.sqrt(ghat2), stagnation.wantAccurate(),
                        deadline);
                if (failure != null) {
                    status = failure.status();
                    message = failure.message() + " at iteration " + iterations;
                    break;
                }
                boolean accurate = direction.lastWasAccurate();
                DampedNewton.Decrement dec = DampedNewton.Decrement.of(g, delta, y);
                double lambda2 = dec.lambda2();
                double rel = dec.delta();
                if (!(lambda2 >= 0) || !Double.isFinite(lambda2) || !Double.isFinite(rel)) {
                    status = SolveStatus.NUMERICAL_BREAKDOWN;
                    message = "Newton step is not finite or not a descent direction (g'Δ = " + lambda2
                            + ") at iteration " + iterations;
                    break;
                }
                double lambda = Math.sqrt(lambda2);
                double t;
                if (DampedNewton.damped(lambda, rel, switchAt)) {
                    t = Double.NaN;
                    damped++;
                    stagnation.damped();
                } else {
                    DampedNewton.Stop stop = stagnation.quadratic(lambda, rel, accurate);
                    if (stop == DampedNewton.Stop.STRIKES) {
                        status = SolveStatus.STAGNATED;
                        String note = direction.floorNote();
                        message = "Newton decrement stagnated at " + Numbers.sci(lambda, 3) + " ("
                                + (note.isEmpty() ? "noise floor of double precision" : note) + ") after "
                                + iterations + " iterations";
                        break;
                    }
                    if (stop == DampedNewton.Stop.RESOLUTION) {
                        status = SolveStatus.STAGNATED;
                        message = String.format("Newton step below the resolution of the iterate "
                                + "(max|Δ_i|/y_i = %.3e) after %d iterations", rel, iterations);
                        break;
                    }
                    if (stop == DampedNewton.Stop.NO_PROGRESS) {
                        status = SolveStatus.STAGNATED;
                        message = String.format("no progress of the Newton decrement (%.3e) in %d iterations, "
                                + "after %d iterations", lambda, NO_PROGRESS_WINDOW, iterations);
                        break;
                    }
                    t = fullStep();
                    quadratic++;
                }
                if (Double.isNaN(t)) {
                    DampedNewton.dampedStep(y, delta, rel);
                } else {
                    for (int i = 0; i < n; i++) {
                        y[i] -= t * delta[i];
                    }
                }
                iterations++;
                stagnation.stepped(lambda, !Double.isNaN(t));
            }
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("dampedSteps", damped);
            counters.put("quadraticSteps", quadratic);
            counters.put("stepHalvings", halvings);
            direction.addCounters(counters);
            counters.merge("matvecs", matvecs, Long::sum);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = y[i] / form.sigma[i];
            }
            return SolveResult.conclude(id, problem, options, x, status, iterations, counters, message);
        }

        /** {@code cy = Cy}, {@code g = Cy − b ⊘ y}, {@code d = b ⊘ y²}; false if anything is not finite. */
        private boolean gradient() {
            form.multiply(y, cy);
            matvecs++;
            boolean finite = true;
            for (int i = 0; i < n; i++) {
                double yi = y[i];
                double bi = b[i] / yi;
                g[i] = cy[i] - bi;
                d[i] = bi / yi;
                finite &= Double.isFinite(g[i]) && Double.isFinite(d[i]) && yi > 0;
            }
            return finite;
        }

        /**
         * The common test on {@code w = (y ⊘ σ)/1'(y ⊘ σ)}, evaluated when {@code max_i |y_i (Cy)_i / y'Cy − b_i/S|}
         * (the same residual computed in correlation space) is within {@link #PRESCREEN}·tol.
         */
        private boolean passesCommonTest(double tol) {
            double q = 0;
            for (int i = 0; i < n; i++) {
                q += y[i] * cy[i];
            }
            double worst = 0;
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(y[i] * cy[i] / q - b[i] / form.s));
            }
            form.weights(y, w);
            return worst <= PRESCREEN * tol && ConvergenceTest.passes(problem, w, tol);
        }

        /** The full step, halved while it would leave the positive orthant. */
        private double fullStep() {
            double t = 1.0;
            int halved = 0;
            while (!staysPositive(t) && halved < MAX_HALVINGS) {
                t *= 0.5;
                halved++;
            }
            halvings += halved;
            return t;
        }

        private boolean staysPositive(double t) {
            return DampedNewton.staysPositive(y, delta, t);
        }
    }
}
