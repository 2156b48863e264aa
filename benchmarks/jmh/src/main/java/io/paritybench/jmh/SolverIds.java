package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.Solvers;
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

    /** @return the ids of the solvers that support a 3-asset problem ({@link RiskBudgetSolver#supports}) */
    static List<String> general() {
        RiskBudgetProblem p = RiskBudgetProblem.of(new double[][] {{1, 0.1, 0}, {0.1, 1, 0.2}, {0, 0.2, 1}},
                new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0});
        List<String> out = new ArrayList<>();
        for (RiskBudgetSolver s : Solvers.all()) {
            if (s.supports(p)) {
                out.add(s.id());
            }
        }
        return out;
    }
}
