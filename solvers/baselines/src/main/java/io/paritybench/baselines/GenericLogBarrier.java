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
import org.hipparchus.optim.nonlinear.vector.constrained.InequalityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.TwiceDifferentiableFunction;

/**
 * The Bruder–Roncalli constrained form (seed 001, corrected as in ALGORITHMS.md §3.3) handed to a generic
 * constrained optimiser: {@code y* = argmin σ(y) = sqrt(y'Σy)} subject to {@code Σ_i b_i ln y_i ≥ c} and
 * {@code y ≥ 0}, with <em>no</em> sum constraint, then {@code w = y* / 1'y*}. The KKT conditions
 * {@code (Σy)_i/σ(y) = λ b_i/y_i} make the rescaled minimiser the risk-budgeting portfolio for any c; adding
 * {@code 1'y = 1} (as seed 001 first writes) would not.
 *
 * <p>The optimiser is Hipparchus's {@code SQPOptimizerS} with default settings (damped BFGS, step test 1e-9), run
 * through {@link GuardedSqp} (cap, boundary, non-finite values and exceptions become statuses). Σ is divided by its
 * mean variance first (§2.2 item 1); the start is the options' initial point or the diagonal solution
 * {@code y_0 ∝ sqrt(b_i)/σ_i} with {@code 1'y_0 = 1}, and {@code c = Σ_i b_i ln y_{0,i}}, so the start lies on the
 * constraint and the solution has {@code 1'y* ≈ 1}. The logarithm is evaluated as is: a trial point with
 * {@code y_i ≤ 0} gives a non-finite constraint value, which Hipparchus does not guard against.
 *
 * <p>The problem is convex, so unlike {@code ls-generic} it has no spurious minimisers (on the hedged pair it ends
 * within 2e-6 of the solution). What fails is the optimiser: the bounds {@code y + d ≥ 0} of its QP are met only to
 * the ADMM tolerance, so iterates reach {@code y_i ≤ 0}, the logarithm becomes NaN and Hipparchus's eigen-
 * decompositions fail (NUMERICAL_BREAKDOWN); on {@code rs_n50_kappa1e4} its ADMM loop does not terminate and the
 * run is stopped at the time limit ({@link GuardedSqp}), reported INVALID_ITERATE because the iterate it had reached
 * already has negative weights; elsewhere its step test stops it at {@code max|RRC − b|} ≈ 1e-5 (STAGNATED).
 * Measured with Hipparchus 3.1 on the bundled cases.
 *
 * <p>Cost per iteration: O(n²) for σ, the constraint and their derivatives; O(n³) inside Hipparchus.
 */
public final class GenericLogBarrier implements RiskBudgetSolver {

    public static final String ID = "logbarrier-generic";
    /** Default SQP iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Bruder-Roncalli form min sigma(y) s.t. sum b_i ln y_i >= c, y >= 0, rescaled; Hipparchus SQP"
               + " (seed 001 corrected; ALGORITHMS.md 3.3)";
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        Deadline deadline = SolverPreamble.begin(this, problem, options);
        double[] y0 = Baselines.start(problem, options);
        double[] b = problem.budgets();
        double c = 0;
        for (int i = 0; i < b.length; i++) {
            c += b[i] * Math.log(y0[i]);
        }
        GuardedSqp.Outcome out = GuardedSqp.run(new Volatility(Baselines.scaledCovariance(problem), b.length), y0,
                options.maxIterationsOr(DEFAULT_MAX_ITERATIONS), deadline, options, new LogBudgetConstraint(b, c));
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("evaluations", out.evaluations());
        return SolveResult.conclude(ID, problem, options, out.point(), out.status(), out.iterations(), counters,
                out.message());
    }

    /** {@code σ(y) = sqrt(y'Σy)}, gradient {@code Σy/σ}, Hessian {@code (Σ − (Σy)(Σy)'/σ²)/σ}. */
    static final class Volatility extends TwiceDifferentiableFunction {
        private final int n;
        private final double[] cov;

        Volatility(double[] cov, int n) {
            this.n = n;
            this.cov = cov;
        }

        @Override
        public int dim() {
            return n;
        }

        @Override
        public double value(RealVector x) {
            double[] y = x.toArray();
            return Math.sqrt(Baselines.dot(y, Baselines.marginal(cov, y)));
        }

        @Override
        public RealVector gradient(RealVector x) {
            double[] y = x.toArray();
            double[] m = Baselines.marginal(cov, y);
            double s = Math.sqrt(Baselines.dot(y, m));
            for (int i = 0; i < n; i++) {
                m[i] /= s;
            }
            return new ArrayRealVector(m, false);
        }

        @Override
        public RealMatrix hessian(RealVector x) {
            double[] y = x.toArray();
            double[] m = Baselines.marginal(cov, y);
            double s = Math.sqrt(Baselines.dot(y, m));
            double[][] h = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    h[i][j] = (cov[i * n + j] - m[i] * m[j] / (s * s)) / s;
                }
            }
            return new Array2DRowRealMatrix(h, false);
        }
    }

    /**
     * The inequality constraints in Hipparchus's form {@code g(y) ≥ lower}: {@code g(y) = (Σ_i b_i ln y_i, y_1, …,
     * y_n)}, {@code lower = (c, 0, …, 0)}; Jacobian rows {@code (b_i / y_i)_i} and the identity.
     */
    static final class LogBudgetConstraint extends InequalityConstraint {
        private final double[] b;

        LogBudgetConstraint(double[] b, double c) {
            super(lower(b.length, c));
            this.b = b.clone();
        }

        private static RealVector lower(int n, double c) {
            ArrayRealVector l = new ArrayRealVector(n + 1);
            l.setEntry(0, c);
            return l;
        }

        @Override
        public int dim() {
            return b.length;
        }

        @Override
        public RealVector value(RealVector x) {
            int n = b.length;
            double[] g = new double[n + 1];
            double s = 0;
            for (int i = 0; i < n; i++) {
                double yi = x.getEntry(i);
                s += b[i] * Math.log(yi);
                g[i + 1] = yi;
            }
            g[0] = s;
            return new ArrayRealVector(g, false);
        }

        @Override
        public RealMatrix jacobian(RealVector x) {
            int n = b.length;
            double[][] jac = new double[n + 1][n];
            for (int i = 0; i < n; i++) {
                jac[0][i] = b[i] / x.getEntry(i);
                jac[i + 1][i] = 1.0;
            }
            return new Array2DRowRealMatrix(jac, false);
        }
    }
}
