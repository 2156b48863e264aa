package io.paritybench.harness;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.Solvers;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paritybench list}: the solvers on the class path, one line each: id, what it is and the paper. */
@Command(name = "list", description = "List the solvers: id, what it is and the paper.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<RiskBudgetSolver> solvers = Solvers.all();
        int width = 0;
        for (RiskBudgetSolver s : solvers) {
            width = Math.max(width, s.id().length());
        }
        PrintWriter out = spec.commandLine().getOut();
        for (RiskBudgetSolver s : solvers) {
            out.println(String.format("%-" + width + "s  %s", s.id(), CliErrors.oneLine(s.description())));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
