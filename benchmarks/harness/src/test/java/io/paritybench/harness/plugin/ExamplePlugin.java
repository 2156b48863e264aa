package io.paritybench.harness.plugin;

import io.paritybench.core.Deadline;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.SolverProvider;
import io.paritybench.core.reference.ReferenceSolver;
import java.util.List;
import java.util.Map;

/**
 * A plug-in as a user would write one, packed into its own jar by {@link PluginTest} (it is not registered on the
 * test class path): {@code plugin-exact} delegates to the reference solver, {@code plugin-equal} returns equal
 * weights and leaves the verdict to the common convergence test.
 */
public final class ExamplePlugin implements SolverProvider {

    @Override
    public List<RiskBudgetSolver> solvers() {
        return List.of(new Exact(), new Equal());
    }

    static final class Exact implements RiskBudgetSolver {
        @Override
        public String id() {
            return "plugin-exact";
        }

        @Override
        public String description() {
            return "plug-in test solver: the reference solver under another id";
        }

        @Override
        public SolveResult solve(RiskBudgetProblem p, SolverOptions o) {
            SolverPreamble.begin(this, p, o);
            SolveResult r = new ReferenceSolver().solve(p, o);
            return new SolveResult(id(), r.weights(), r.status(), r.iterations(), r.residual(), r.counters(),
                    r.message());
        }
    }

    static final class Equal implements RiskBudgetSolver {
        @Override
        public String id() {
            return "plugin-equal";
        }

        @Override
        public String description() {
            return "plug-in test solver: equal weights";
        }

        @Override
        public SolveResult solve(RiskBudgetProblem p, SolverOptions o) {
            Deadline deadline = SolverPreamble.begin(this, p, o);
            double[] w = new double[p.n()];
            java.util.Arrays.fill(w, 1.0 / p.n());
            return SolveResult.conclude(id(), p, o, w, deadline.passed() ? SolveStatus.TIME_LIMIT
                    : SolveStatus.TOLERANCE_NOT_MET, 0, Map.of(), "equal weights");
        }
    }
}
