package io.paritybench.harness;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code paritybench} command line: risk-parity solvers and an honest benchmark harness.
 *
 * <p>Subcommands are registered in one place, {@link #commandLine()}; each is one small class. Exit codes are those
 * of {@link ExitCodes}.
 */
@Command(name = "paritybench",
        description = "Risk-parity (risk-budgeting) solvers and an honest benchmark harness.",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Exit codes: 0 success (solve: converged)",
                "            3 the solver did not converge (the result is still written)",
                "            2 bad input or usage (one line on stderr)",
                "            1 internal error"})
public final class ParityBench implements Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("paritybench: " + OutOfMemory.message(java.util.List.of(args),
                    Runtime.getRuntime().maxMemory()));
            code = ExitCodes.INTERNAL_ERROR;
        }
        System.exit(code);
    }

    /** @return the command line with every subcommand and the error handling installed */
    public static CommandLine commandLine() {
        CliErrors errors = new CliErrors();
        CommandLine cmd = new CommandLine(new ParityBench())
                .addSubcommand(new ListCommand())
                .addSubcommand(new SolveCommand())
                .addSubcommand(new GenerateCommand())
                .addSubcommand(new CheckCommand())
                .addSubcommand(new TraceCommand())
                .addSubcommand(new io.paritybench.harness.sweep.SweepCommand())
                .addSubcommand(new io.paritybench.harness.sweep.MergeCommand())
                .addSubcommand(new io.paritybench.harness.sweep.report.ReportCommand())
                .addSubcommand(new io.paritybench.harness.external.PeersCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        cmd.setUsageHelpAutoWidth(false);
        return cmd;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command; one of: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
