package io.paritybench.core.oracle;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import java.util.Map;

/**
 * The n = 2 risk-budgeting portfolio in closed form (Roncalli 2013; ALGORITHMS.md §4.1), in the
 * cancellation-free ratio form: with {@code t = (b_1 − b_2)ρ/2} and {@code s = sqrt(t² + b_1 b_2)},
 * {@code r = w_1/w_2 = (σ_2/σ_1)·(s + t)/b_2} if {@code t ≥ 0}, else {@code (σ_2/σ_1)·b_1/(s − t)};
 * {@code w_1 = r/(1 + r)}, {@code w_2 = 1/(1 + r)}.
 *
 * <p>This is the {@code +} root of the textbook quadratic rationalised, so it has no {@code 0/0} at {@code A = 0}
 * (e.g. {@code b = ½, σ_1 = σ_2}) and no cancellation near it; measured error ≤ 4.5e-16 relative (§8.4). Cost O(1).
 * {@link #supports(RiskBudgetProblem)} refuses n ≠ 2 (and {@code solve} then throws {@link IllegalArgumentException}).
 */
public final class ClosedFormTwoAssets implements RiskBudgetSolver {

    public static final String ID = "closed-form-n2";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "n = 2 closed form, cancellation-free ratio form of the quadratic (Roncalli 2013; ALGORITHMS.md 4.1)";
    }

    /**
     * @return the weights {@code (w_1, w_2)} for vols σ_1, σ_2, correlation ρ ∈ (−1, 1] and budgets b_1, b_2
     */
    public static double[] weights(double sigma1, double sigma2, double rho, double b1, double b2) {
        double t = 0.5 * (b1 - b2) * rho;
        double s = Math.sqrt(t * t + b1 * b2);
        double r = (sigma2 / sigma1) * (t >= 0 ? (s + t) / b2 : b1 / (s - t));
        return new double[] {r / (1 + r), 1 / (1 + r)};
    }

    /** @return true for n = 2 and the volatility risk measure only */
    @Override
    public boolean supports(RiskBudgetProblem problem) {
        return problem.n() == 2 && RiskBudgetSolver.super.supports(problem);
    }

    @Override
    public SolveResult solve(RiskBudgetProblem p, SolverOptions o) {
        SolverPreamble.begin(this, p, o);
        double s1 = Math.sqrt(p.covariance(0, 0));
        double s2 = Math.sqrt(p.covariance(1, 1));
        double rho = p.covariance(0, 1) / s1 / s2;
        double[] w = weights(s1, s2, rho, p.budget(0), p.budget(1));
        o.observe(0, w, null); // no iterations: the one point is the answer
        return SolveResult.conclude(ID, p, o, w, SolveStatus.TOLERANCE_NOT_MET, 0, Map.of(),
                "closed form");
    }
}
