package io.paritybench.harness.sweep.report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code paritybench report}: the publishable report of a sweep. */
@Command(name = "report", sortOptions = false,
        description = {"Write REPORT.md from sweep results: outcome rates by solver x kappa, x n, x family; accuracy "
                + "against the reference and the double-precision floor; breaking points; iterations; the n = 2 "
                + "grid; Dolan-More performance profiles (SVG and PNG); every table also as CSV and LaTeX; the "
                + "environment of the sweep."},
        footer = {"", "Example:", "  paritybench report --in results/sweep/sweep.csv --out results/REPORT.md"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", paramLabel = "FILE", description = "Results CSV (default results/sweep/sweep.csv).")
    Path in = Path.of("results", "sweep", "sweep.csv");

    @Option(names = "--out", paramLabel = "FILE", description = "Report to write (default results/REPORT.md).")
    Path out = Path.of("results", "REPORT.md");

    @Option(names = "--assets", paramLabel = "DIR",
            description = "Folder for tables/ and figures/ (default: the folder of the report, so that reports "
                    + "written to different folders never overwrite each other's files).")
    Path assets;

    @Option(names = "--skip-bad-rows",
            description = "Report on the good rows of a file with malformed or torn rows (their count is printed); "
                    + "without it such a file is rejected naming the first bad line.")
    boolean skipBadRows;

    @Override
    public Integer call() {
        if (!java.nio.file.Files.isRegularFile(in)) {
            throw new IllegalArgumentException(in + ": no such results file (run paritybench sweep first)");
        }
        Path dir = assets != null ? assets : out.toAbsolutePath().getParent();
        SweepReport.Written w = SweepReport.write(in, out, dir, skipBadRows);
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (w.skipped() > 0) {
            err.printf("report: skipped %d malformed or torn row(s) of %s%n", w.skipped(), in);
        }
        err.printf("report: %d rows, %d files written%n", w.rows(), w.files().size());
        err.flush();
        spec.commandLine().getOut().println(w.report());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
