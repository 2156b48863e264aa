package io.paritybench.harness;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.harness.external.ExternalSolvers;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paritybench list}: the solvers on the class path (and those of {@code --external FILE}), one line each: id, what it is and the paper. */
@Command(name = "list", description = "List the solvers: id, what it is and the paper.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--external", paramLabel = "FILE",
            description = "Also list the external solvers defined in FILE (one 'ID: COMMAND' per line).")
    java.nio.file.Path external;

    @Override
    public Integer call() {
        ExternalSolvers.use(external);
        List<RiskBudgetSolver> solvers = ExternalSolvers.all();
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
