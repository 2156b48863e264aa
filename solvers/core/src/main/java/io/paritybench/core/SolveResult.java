package io.paritybench.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a solve.
 *
 * @param solverId   the id of the solver that produced it
 * @param weights    the returned weights, normalised to sum to 1 when they are finite and positive; a finite iterate
 *                   with a non-positive entry is still scaled (by its sum when that is positive, else by its largest
 *                   magnitude), so that no unnormalised weights (say of order 1e150 from a rescaled barrier) are
 *                   written; a non-finite iterate is returned raw (so a caller can see what went wrong)
 * @param status     how the solve ended; {@link SolveStatus#CONVERGED} only if {@link ConvergenceTest} passed on
 *                   {@code weights}
 * @param iterations iterations in the solver's own unit (Newton iterations, sweeps, steps)
 * @param residual   {@code max_i |RRC_i − b_i|} of {@code weights}, recomputed by {@link #conclude} (NaN if the
 *                   weights are not finite)
 * @param counters   work counters, e.g. {@code matvecs}, {@code factorizations}, {@code cgIterations},
 *                   {@code clamps}; insertion-ordered and immutable
 * @param message    a human-readable explanation of the status
 */
public record SolveResult(String solverId, double[] weights, SolveStatus status, int iterations, double residual,
                          Map<String, Long> counters, String message) {

    public SolveResult {
        Objects.requireNonNull(solverId, "solverId");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(status, "status");
        weights = weights.clone();
        counters = counters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        message = message == null ? "" : message;
    }

    /**
     * Builds the result of a solve from the solver's final (unnormalised, positive) iterate and applies the common
     * convergence test: non-finite entries give {@link SolveStatus#NUMERICAL_BREAKDOWN}, a non-positive entry
     * {@link SolveStatus#INVALID_ITERATE} (unless the solver already named a more specific failure), otherwise the
     * weights are normalised and the status is {@link SolveStatus#CONVERGED} exactly when the residual is within
     * the tolerance. A solver that proposed CONVERGED but fails the common test is reported
     * {@link SolveStatus#STAGNATED}, never CONVERGED.
     *
     * @param proposed the status the solver would report if the common test does not pass
     */
    public static SolveResult conclude(String solverId, RiskBudgetProblem problem, SolverOptions options, double[] x,
                                       SolveStatus proposed, int iterations, Map<String, Long> counters, String message) {
        int n = problem.n();
        if (x == null || x.length != n) {
            throw new IllegalStateException(solverId + ": final iterate has the wrong length");
        }
        String msg = message == null ? "" : message;
        if (!RiskMetrics.allFinite(x)) {
            SolveStatus s = proposed.isNumericalFailure() ? proposed : SolveStatus.NUMERICAL_BREAKDOWN;
            return new SolveResult(solverId, x, s, iterations, Double.NaN, counters,
                    join(msg, "weight " + (firstNonFinite(x) + 1) + " is not finite"));
        }
        double sum = 0;
        int nonPositive = -1;
        for (int i = 0; i < n; i++) {
            sum += x[i];
            if (!(x[i] > 0) && nonPositive < 0) {
                nonPositive = i;
            }
        }
        if (nonPositive >= 0 || !(sum > 0) || !Double.isFinite(sum)) {
            SolveStatus s = proposed.isNumericalFailure() || proposed == SolveStatus.LOCAL_MINIMUM
                    ? proposed : SolveStatus.INVALID_ITERATE;
            double res = sum > 0 ? RiskMetrics.maxAbsBudgetError(problem, scaled(x, 1.0 / sum)) : Double.NaN;
            double[] shown = scaled(x, 1.0 / (sum > 0 ? sum : maxAbs(x)));
            return new SolveResult(solverId, shown, s, iterations, res, counters,
                    join(msg, nonPositive >= 0 ? "non-positive weight " + (nonPositive + 1) + " is " + x[nonPositive]
                            : "weights do not have a positive sum"));
        }
        double[] w = scaled(x, 1.0 / sum);
        double residual = ConvergenceTest.residual(problem, w);
        SolveStatus status;
        if (ConvergenceTest.passes(residual, options.tolerance())) {
            status = SolveStatus.CONVERGED;
        } else if (proposed == SolveStatus.CONVERGED) {
            status = SolveStatus.STAGNATED;
            msg = join(msg, String.format("the solver's own test passed but max|RRC-b| = %.3e > tol %.1e",
                    residual, options.tolerance()));
        } else {
            status = proposed;
        }
        return new SolveResult(solverId, w, status, iterations, residual, counters, msg);
    }

    /** @return true when the status is a success */
    public boolean isSuccess() {
        return status.isSuccess();
    }

    /** @return a copy of the weights */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** @return a counter's value, 0 if absent */
    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    private static double[] scaled(double[] x, double f) {
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            w[i] = x[i] * f;
        }
        return w;
    }

    /** @return {@code max_i |x_i|}, or 1 when every entry is zero (so that dividing by it changes nothing) */
    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m > 0 ? m : 1.0;
    }

    private static int firstNonFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                return i;
            }
        }
        return -1;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolveResult r && r.solverId.equals(solverId) && Arrays.equals(r.weights, weights)
                && r.status == status && r.iterations == iterations && Double.compare(r.residual, residual) == 0
                && r.counters.equals(counters) && r.message.equals(message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(solverId, Arrays.hashCode(weights), status, iterations, residual, counters, message);
    }

    @Override
    public String toString() {
        return "SolveResult[" + solverId + ", " + status + ", iterations=" + iterations + ", residual=" + residual
                + ", message=" + message + "]";
    }
}
