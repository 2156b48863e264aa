package io.paritybench.harness;

import io.paritybench.core.Criterion;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code solve} reports: the solver's result plus figures the harness computes itself from the returned weights
 * (relative risk contributions and budget errors from a fresh Σw via {@link RiskMetrics}); nothing here is taken
 * from the solver except its weights, status, iteration count, counters and message.
 *
 * @param solver            solver id
 * @param status            the solver's status
 * @param iterations        iterations in the solver's own unit
 * @param seconds           wall time of the {@code solve} call, measured by the harness with {@link System#nanoTime()}
 * @param tolerance         the tolerance on {@code max|RRC − b|} the solver was given
 * @param assets            asset names (from the file, else asset1..assetN)
 * @param assetsNamed       whether the input file named the assets
 * @param weights           the returned weights
 * @param budgets           the budgets b
 * @param riskContributions relative risk contributions RRC_i = w_i(Σw)_i / w'Σw, computed by the harness
 * @param maxAbsBudgetError {@code max_i |RRC_i − b_i|}, computed by the harness
 * @param maxRelBudgetError {@code max_i |RRC_i / b_i − 1|}, computed by the harness
 * @param counters          the solver's work counters
 * @param message           the solver's explanation of its status
 * @param measure           the risk measure's label ({@code volatility}, {@code var:0.99}, {@code es:0.975})
 * @param risk              {@code R(w)} of the returned weights under that measure, computed by the harness
 * @param solverSeconds     the solver's own report of its solve time (external solvers; NaN otherwise), never
 *                          mixed with {@code seconds}
 * @param criterion         which budget error {@code tolerance} bounds ({@code --criterion abs|rel})
 */
public record SolveReport(String solver, SolveStatus status, int iterations, double seconds, double tolerance,
                          List<String> assets, boolean assetsNamed, double[] weights, double[] budgets,
                          double[] riskContributions, double maxAbsBudgetError, double maxRelBudgetError,
                          Map<String, Long> counters, String message, String measure, double risk,
                          double solverSeconds, Criterion criterion) {

    /** A report without a self-reported time, judged by the absolute criterion. */
    public SolveReport(String solver, SolveStatus status, int iterations, double seconds, double tolerance,
                       List<String> assets, boolean assetsNamed, double[] weights, double[] budgets,
                       double[] riskContributions, double maxAbsBudgetError, double maxRelBudgetError,
                       Map<String, Long> counters, String message, String measure, double risk) {
        this(solver, status, iterations, seconds, tolerance, assets, assetsNamed, weights, budgets, riskContributions,
                maxAbsBudgetError, maxRelBudgetError, counters, message, measure, risk, Double.NaN, Criterion.ABS);
    }

    /** @return a copy with the solver's self-reported solve time */
    public SolveReport withSolverSeconds(double s) {
        return new SolveReport(solver, status, iterations, seconds, tolerance, assets, assetsNamed, weights, budgets,
                riskContributions, maxAbsBudgetError, maxRelBudgetError, counters, message, measure, risk, s,
                criterion);
    }

    /** A report for the volatility measure with the risk not given. */
    public SolveReport(String solver, SolveStatus status, int iterations, double seconds, double tolerance,
                       List<String> assets, boolean assetsNamed, double[] weights, double[] budgets,
                       double[] riskContributions, double maxAbsBudgetError, double maxRelBudgetError,
                       Map<String, Long> counters, String message) {
        this(solver, status, iterations, seconds, tolerance, assets, assetsNamed, weights, budgets, riskContributions,
                maxAbsBudgetError, maxRelBudgetError, counters, message, "volatility", Double.NaN);
    }

    public SolveReport {
        assets = List.copyOf(assets);
        weights = weights.clone();
        budgets = budgets.clone();
        riskContributions = riskContributions.clone();
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        criterion = criterion == null ? Criterion.ABS : criterion;
    }

    /** Builds the report, recomputing every accuracy figure from the weights. */
    public static SolveReport of(RiskBudgetProblem problem, boolean assetsNamed, SolverOptions options,
                                 SolveResult result, double seconds) {
        return of(problem, assetsNamed, options.tolerance(), Criterion.ABS, result, seconds);
    }

    /**
     * Builds the report, recomputing every accuracy figure from the weights.
     *
     * @param tolerance the tolerance the user asked for, on the error {@code criterion} names
     */
    public static SolveReport of(RiskBudgetProblem problem, boolean assetsNamed, double tolerance, Criterion criterion,
                                 SolveResult result, double seconds) {
        double[] w = result.weights();
        RiskMetrics.BudgetErrors e = RiskMetrics.budgetErrors(problem, w);
        return new SolveReport(result.solverId(), result.status(), result.iterations(), seconds, tolerance,
                problem.assetNames(), assetsNamed, w, problem.budgets(),
                RiskMetrics.relativeRiskContributions(problem, w), e.abs(), e.rel(), result.counters(),
                result.message(), problem.measure().label(), RiskMetrics.risk(problem, w), Double.NaN, criterion);
    }

    /** @return the budget error the criterion names */
    public double judgedError() {
        return criterion == Criterion.REL ? maxRelBudgetError : maxAbsBudgetError;
    }

    /** @return whether the solver reported success (status CONVERGED) */
    public boolean success() {
        return status.isSuccess();
    }

    /**
     * @return whether the harness's own check passes on the returned weights: {@code max|RRC − b| ≤ tolerance}, or
     *         {@code max|RRC/b − 1| ≤ tolerance} under the relative criterion
     */
    public boolean withinTolerance() {
        return judgedError() <= tolerance;
    }

    /** @return success as the exit code sees it: status CONVERGED and the harness's check passed */
    public boolean converged() {
        return success() && withinTolerance();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] budgets() {
        return budgets.clone();
    }

    @Override
    public double[] riskContributions() {
        return riskContributions.clone();
    }

    /** @return the number of assets */
    public int n() {
        return weights.length;
    }
}
