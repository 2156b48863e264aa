package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.Solvers;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the solver ids of the service loader ({@link Solvers}) as one comma-separated list, for
 * {@code -p solver=...}: with {@code --general}, only the solvers that handle a problem with more than two assets
 * (the others, closed forms for n = 2, belong to {@code TwoAssetBenchmark} only); with {@code --factor}, the solvers
 * with a factor-form path ({@link FactorBenchmark}).
 */
public final class SolverIds {

    private SolverIds() {
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "";
        List<String> ids = switch (which) {
            case "--general" -> general();
            case "--factor" -> factor();
            case "" -> Solvers.ids();
            default -> {
                System.err.println("SolverIds: unknown option " + which + " (--general, --factor or none)");
                System.exit(2);
                yield List.of();
            }
        };
        System.out.println(String.join(",", ids));
    }

    /**
     * @return the ids of the solvers with a factor-form path: those that support a small structured factor problem
     *         ({@code Σ = BFB' + D}, never materialised), the solvers of {@link FactorBenchmark}
     */
    static List<String> factor() {
        RiskBudgetProblem p = io.paritybench.core.generate.ProblemGenerator.factorProblem(FactorBenchmark.spec("50x3"));
        List<String> out = new ArrayList<>();
        for (RiskBudgetSolver s : Solvers.all()) {
            if (s.supports(p)) {
                out.add(s.id());
            }
        }
        return out;
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
