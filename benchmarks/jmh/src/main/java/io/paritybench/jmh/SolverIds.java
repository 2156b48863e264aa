package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the solver ids of the service loader ({@link Solvers}) as one comma-separated list, for
 * {@code -p solver=...}: with {@code --general}, only the solvers that handle a problem with more than two assets
 * (the others, closed forms for n = 2, belong to {@code TwoAssetBenchmark} only).
 */
public final class SolverIds {

    private SolverIds() {
    }

    public static void main(String[] args) {
        boolean general = args.length > 0 && args[0].equals("--general");
        System.out.println(String.join(",", general ? general() : Solvers.ids()));
    }

    /** @return the ids of the solvers that do not reject a 3-asset problem as misuse */
    static List<String> general() {
        RiskBudgetProblem p = RiskBudgetProblem.of(new double[][] {{1, 0.1, 0}, {0.1, 1, 0.2}, {0, 0.2, 1}},
                new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0});
        SolverOptions options = SolverOptions.defaults().withTimeLimit(Duration.ofSeconds(5));
        List<String> out = new ArrayList<>();
        for (RiskBudgetSolver s : Solvers.all()) {
            try {
                s.solve(p, options);
                out.add(s.id());
            } catch (IllegalArgumentException e) {
                // misuse: the solver does not handle n = 3
            } catch (RuntimeException e) {
                out.add(s.id()); // a solver bug is the benchmark's to report, not a reason to leave the solver out
            }
        }
        return out;
    }
}
