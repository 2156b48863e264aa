package io.paritybench.jmh.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Turns JMH JSON result files and the benchmarks' side file into {@code timing.md}, {@code timing.csv} and
 * {@code timing.png} in an output directory.
 *
 * <pre>
 * java -cp benchmarks.jar io.paritybench.jmh.report.TimingReport --jmh results/jmh/default.json \
 *      --side results/jmh/default.side.jsonl --out results [--profile default] [--command "..."] [--commit SHA]
 * </pre>
 */
@Command(name = "TimingReport", mixinStandardHelpOptions = true,
        description = "Writes timing.md, timing.csv and timing.png from JMH JSON results and the side file.")
public final class TimingReport implements Callable<Integer> {

    @Option(names = "--jmh", required = true, split = ",", paramLabel = "FILE.json",
            description = "JMH JSON result files (comma-separated)")
    private List<Path> jmh;

    @Option(names = "--side", paramLabel = "FILE.jsonl", description = "the side file of the run")
    private Path side;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    private Path out;

    @Option(names = "--profile", defaultValue = "custom", description = "profile name")
    private String profile;

    @Option(names = "--command", defaultValue = "(not recorded)", description = "the command that ran JMH")
    private String command;

    @Option(names = "--commit", defaultValue = "", description = "git commit of the run")
    private String commit;

    @Option(names = "--date", description = "when the run started")
    private String date;

    @Option(names = "--load-before", defaultValue = "NaN", description = "1-minute load average at the start")
    private double loadBefore;

    @Option(names = "--cores", defaultValue = "0", description = "logical CPUs (default: this JVM's)")
    private int cores;

    @Option(names = "--steal", defaultValue = "NaN", description = "share of CPU time stolen over the run (0..1)")
    private double steal;

    private TimingReport() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new TimingReport()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        List<JmhResult> results = new ArrayList<>();
        for (Path f : jmh) {
            results.addAll(JmhResults.read(f));
        }
        List<SideRecord> records;
        try {
            records = SideRecords.read(side);
        } catch (IllegalArgumentException e) {
            System.err.println("timing report: " + e.getMessage());
            return 2;
        }
        TimingTable table = TimingTable.of(results, records);
        Path png = out.resolve("timing.png");
        boolean plotted = TimingPlot.write(table, png);
        if (!plotted) {
            Files.deleteIfExists(png);
        }
        ReportInfo info = new ReportInfo(profile, command, commit,
                date != null ? date : ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                relative(out, jmh.get(0)), plotted ? png.getFileName().toString() : null, loadBefore,
                cores > 0 ? cores : Runtime.getRuntime().availableProcessors(), steal);
        MarkdownReport.write(table, info, out.resolve("timing.md"));
        CsvReport.write(table, out.resolve("timing.csv"));
        long[] steady = table.steadyCount();
        System.err.printf("timing report: %d solver configurations (%d timed, %d steady), %d kernel sizes, %d n = 2 rows,"
                        + " %d fits -> %s%n", table.solverRows().size(), steady[1], steady[0], table.kernelRows().size(),
                table.twoAssetRows().size(), table.fits().size(), out.resolve("timing.md"));
        return 0;
    }

    private static String relative(Path base, Path file) {
        try {
            return base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
