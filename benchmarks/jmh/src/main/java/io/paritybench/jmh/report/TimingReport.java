package io.paritybench.jmh.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns JMH JSON result files (comma-separated) and the benchmarks' side file into {@code timing.md}, {@code timing.csv} and
 * {@code timing.png} in an output directory.
 *
 * <pre>
 * java -cp benchmarks.jar io.paritybench.jmh.report.TimingReport --jmh results/jmh/default.json \
 *      --side results/jmh/default.side.jsonl --out results [--profile default] [--command "..."] [--commit SHA]
 * </pre>
 */
public final class TimingReport {

    private static final Set<String> OPTIONS = Set.of("jmh", "side", "out", "profile", "command", "commit", "date");

    private TimingReport() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Arguments a;
        try {
            a = Arguments.parse(args, OPTIONS);
            a.require("jmh");
            a.require("out");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: TimingReport --jmh FILE.json [--side FILE.jsonl] --out DIR [--profile NAME]"
                    + " [--command TEXT] [--commit SHA] [--date TEXT]");
            System.exit(2);
            return;
        }
        Path out = Path.of(a.require("out"));
        Files.createDirectories(out);
        List<JmhResult> results = new ArrayList<>();
        Path jmh = null;
        for (String f : a.require("jmh").split(",")) {
            jmh = jmh == null ? Path.of(f) : jmh;
            results.addAll(JmhResults.read(Path.of(f)));
        }
        String side = a.get("side", null);
        List<Map<String, String>> records = SideRecords.read(side == null ? null : Path.of(side));
        TimingTable table = TimingTable.of(results, records);
        Path png = out.resolve("timing.png");
        boolean plotted = TimingPlot.write(table, png);
        if (!plotted) {
            Files.deleteIfExists(png);
        }
        ReportInfo info = new ReportInfo(a.get("profile", "custom"), a.get("command", "(not recorded)"),
                a.get("commit", ""), a.get("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
                relative(out, jmh), plotted ? png.getFileName().toString() : null);
        MarkdownReport.write(table, info, out.resolve("timing.md"));
        CsvReport.write(table, out.resolve("timing.csv"));
        System.err.printf("timing report: %d solver configurations (%d timed), %d kernel sizes, %d n = 2 rows -> %s%n",
                table.solverRows().size(), table.solverRows().stream().filter(SolverRow::timed).count(),
                table.kernelRows().size(), table.twoAssetRows().size(), out.resolve("timing.md"));
    }

    private static String relative(Path base, Path file) {
        try {
            return base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
