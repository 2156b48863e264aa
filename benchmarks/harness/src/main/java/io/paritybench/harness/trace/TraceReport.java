package io.paritybench.harness.trace;

import io.paritybench.harness.sweep.report.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Writes the files of one trace: {@value #TRACE_CSV}, the time-to-accuracy table ({@value #MARKDOWN} with the
 * plots, and {@code time_to_accuracy.csv}) and the two plots.
 *
 * @param table the time-to-accuracy table
 * @param plots the plots' base names
 */
public record TraceReport(Table table, List<String> plots) {

    /** The trace itself. */
    public static final String TRACE_CSV = "trace.csv";
    /** The section for the published report. */
    public static final String MARKDOWN = "time_to_accuracy.md";
    /** Every file a trace writes (an existing one is overwritten only with --force). */
    public static final Set<String> FILES = Set.of(TRACE_CSV, MARKDOWN, "time_to_accuracy.csv",
            "residual_vs_time.png", "residual_vs_time.svg", "residual_vs_iteration.png", "residual_vs_iteration.svg");

    /**
     * @param label       the problem's name
     * @param description one line on the problem (n, κ)
     * @param settings    one line on the options and the repeats
     */
    public static TraceReport write(Path dir, String label, String description, List<SolverTrace> traces,
                                    String settings) throws IOException {
        TraceCsv.write(dir.resolve(TRACE_CSV), traces);
        Table t = TimeToLevel.table("time_to_accuracy", "Time to accuracy: " + label,
                traces.stream().filter(SolverTrace::ran).toList());
        Files.writeString(dir.resolve("time_to_accuracy.csv"), t.csv(), StandardCharsets.UTF_8);
        List<String> plots = TracePlots.write(dir, label, traces);
        StringBuilder md = new StringBuilder();
        md.append("### ").append(label).append("\n\n");
        md.append(description).append(". ").append(settings).append(".\n\n");
        md.append(t.markdown()).append('\n');
        md.append(t.caption()).append(".\n");
        for (SolverTrace s : traces) {
            if (!s.ran()) {
                md.append("\n- ").append(s.solver()).append(": ").append(s.message());
            } else if (s.reportedIterates() == 0 && s.note().isEmpty()) {
                md.append("\n- ").append(s.solver()).append(" reports no iterations to an observer: only its result "
                        + "is shown");
            }
            if (s.ran() && !s.matchesUntraced()) {
                md.append("\n- ").append(s.solver()).append(": the traced result differs from the untraced one");
            }
            if (!s.note().isEmpty()) {
                md.append("\n- ").append(s.solver()).append(": ").append(s.note());
            }
        }
        md.append("\n\n");
        for (String p : plots) {
            md.append("![").append(p.replace('_', ' ')).append("](").append(p).append(".png) ");
        }
        md.append("\n");
        Files.writeString(dir.resolve(MARKDOWN), md.toString(), StandardCharsets.UTF_8);
        return new TraceReport(t, plots);
    }
}
