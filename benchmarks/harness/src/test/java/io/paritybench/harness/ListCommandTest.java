package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.Solvers;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void printsOneLinePerSolverWithIdAndDescription() {
        CliRun run = CliRun.of("list");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        List<RiskBudgetSolver> solvers = Solvers.all();
        String[] lines = run.out().split("\\R");
        assertThat(lines).hasSize(solvers.size());
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i]).startsWith(solvers.get(i).id() + " ").endsWith(solvers.get(i).description());
        }
        assertThat(run.out()).containsPattern("(?m)^closed-form-n2 .*Roncalli");
    }

    @Test
    void helpGoesToStdoutWithExitCode0() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("list").contains("solve").contains("Exit codes");
    }
}
