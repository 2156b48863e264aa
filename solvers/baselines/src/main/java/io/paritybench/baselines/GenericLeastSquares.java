package io.paritybench.baselines;

import io.paritybench.core.Deadline;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearEqualityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearInequalityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.TwiceDifferentiableFunction;

/**
 * What practitioners try first (seeds 001 and 003: fmincon, SLSQP): the least-squares objective in absolute
 * units, {@code f(w) = Σ_i (w_i (Σw)_i − b_i w'Σw)²} subject to {@code 1'w = 1, w ≥ 0} (ALGORITHMS.md §3.5),
 * handed to a generic constrained SQP optimiser — Hipparchus's {@code SQPOptimizerS} with its default settings
 * (damped BFGS Hessian, step test {@code 1e-9}), run through {@link GuardedSqp} so that its iteration cap, boundary
 * points, non-finite values and exceptions become statuses.
 *
 * <p>Σ is first divided by its mean variance (the solution is unchanged, §2.2 item 1) so the objective is O(1);
 * without it the optimiser's absolute stopping tests fire at once (seed 003 rescaled Σ by 1e6 for the same reason).
 * Start: the options' initial point, else the diagonal solution {@code w_i ∝ sqrt(b_i)/σ_i}.
 *
 * <p>The objective is non-convex with spurious minimisers on the boundary (§3.5): for hedging assets the
 * optimiser ends at {@code w_i ≈ 0} ({@link io.paritybench.core.SolveStatus#LOCAL_MINIMUM}), and its step test,
 * in absolute units, usually stops it well above tight tolerances (STAGNATED). Measured with Hipparchus 3.1 on the
 * bundled cases: CONVERGED only where the start is already the solution (ERC with equal correlations); STAGNATED at
 * {@code max|RRC − b|} 1e-9…4e-5 on easy cases; LOCAL_MINIMUM on the hedged pair; NUMERICAL_BREAKDOWN on the rest,
 * from exceptions inside Hipparchus — its damped BFGS update is not exactly symmetric, so its own symmetric
 * eigen-decomposition throws "non symmetric matrix" after a few iterations, and from n = 50 the eigen-decomposition
 * inside its ADMM QP fails to converge in the first iteration.
 *
 * <p>Cost per iteration: O(n²) for f and its gradient, O(n³) inside Hipparchus (BFGS update with an
 * eigen-decomposition check, the ADMM QP with its own eigen-decompositions and an unbounded number of O(n²) ADMM
 * iterations).
 */
public final class GenericLeastSquares implements RiskBudgetSolver {

    public static final String ID = "ls-generic";
    /** Default SQP iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "least squares sum_i (w_i (Sigma w)_i - b_i w'Sigma w)^2 on the simplex, Hipparchus SQP"
               + " (the fmincon/SLSQP approach of seeds 001/003; ALGORITHMS.md 3.5)";
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        Deadline deadline = SolverPreamble.begin(this, problem, options);
        int n = problem.n();
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[][] identity = new double[n][n];
        for (int i = 0; i < n; i++) {
            identity[i][i] = 1.0;
        }
        GuardedSqp.Outcome out = GuardedSqp.run(new Objective(Baselines.scaledCovariance(problem), problem.budgets()),
                Baselines.start(problem, options), options.maxIterationsOr(DEFAULT_MAX_ITERATIONS), deadline, options,
                new LinearEqualityConstraint(new double[][] {ones}, new double[] {1.0}),
                new LinearInequalityConstraint(identity, new double[n]));
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("evaluations", out.evaluations());
        return SolveResult.conclude(ID, problem, options, out.point(), out.status(), out.iterations(), counters,
                out.message());
    }

    /**
     * {@code f(w) = Σ_i r_i²}, {@code r_i = w_i m_i − b_i V}, {@code m = Σw}, {@code V = w'm}; gradient
     * {@code 2J'r} with {@code J_ij = δ_ij m_i + w_i Σ_ij − 2 b_i m_j}. The Hessian returned is the Gauss–Newton
     * {@code 2J'J}; Hipparchus uses it only when asked to ({@code SQPOption.setUseFunHessian}), not by default.
     */
    static final class Objective extends TwiceDifferentiableFunction {
        private final int n;
        private final double[] cov;
        private final double[] b;

        Objective(double[] cov, double[] b) {
            this.n = b.length;
            this.cov = cov;
            this.b = b;
        }

        @Override
        public int dim() {
            return n;
        }

        @Override
        public double value(RealVector x) {
            double[] w = x.toArray();
            double[] m = Baselines.marginal(cov, w);
            double v = Baselines.dot(w, m);
            double f = 0;
            for (int i = 0; i < n; i++) {
                double r = w[i] * m[i] - b[i] * v;
                f += r * r;
            }
            return f;
        }

        private double[][] jacobian(double[] w, double[] m) {
            double[][] jac = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    jac[i][j] = w[i] * cov[i * n + j] - 2 * b[i] * m[j];
                }
                jac[i][i] += m[i];
            }
            return jac;
        }

        @Override
        public RealVector gradient(RealVector x) {
            double[] w = x.toArray();
            double[] m = Baselines.marginal(cov, w);
            double v = Baselines.dot(w, m);
            double[][] jac = jacobian(w, m);
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                double r = w[i] * m[i] - b[i] * v;
                for (int j = 0; j < n; j++) {
                    g[j] += 2 * jac[i][j] * r;
                }
            }
            return new ArrayRealVector(g, false);
        }

        @Override
        public RealMatrix hessian(RealVector x) {
            double[] w = x.toArray();
            double[][] jac = jacobian(w, Baselines.marginal(cov, w));
            double[][] h = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += jac[k][i] * jac[k][j];
                    }
                    h[i][j] = 2 * s;
                }
            }
            return new Array2DRowRealMatrix(h, false);
        }
    }
}
