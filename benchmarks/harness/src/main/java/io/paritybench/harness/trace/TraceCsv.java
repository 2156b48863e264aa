package io.paritybench.harness.trace;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code trace.csv}: one row per traced point of one problem, header {@value #HEADER}; {@code status} is the
 * solver's final status. Numbers are written in their shortest
 * round-trip form; an unknown value (no reference, non-finite weights) is an empty cell. A solver that cannot run
 * on the problem (or threw) has one row with an empty iteration and the reason in {@code status}.
 */
final class TraceCsv {

    static final String HEADER = "solver,iteration,seconds,max_abs_rrc_err,max_rel_rrc_err,w_rel,point,status";

    private TraceCsv() {
    }

    static void write(Path file, List<SolverTrace> traces) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').build())) {
            p.printRecord((Object[]) HEADER.split(","));
            for (SolverTrace t : traces) {
                if (!t.ran()) {
                    p.printRecord(t.solver(), "", "", "", "", "", "", t.message());
                    continue;
                }
                if (t.points().isEmpty()) { // ran, but nothing to judge (an external command's timeout)
                    p.printRecord(t.solver(), "", "", "", "", "", "", t.statusLabel() + ": "
                            + (t.note().isEmpty() ? t.message() : t.note()));
                    continue;
                }
                for (TracePoint q : t.points()) {
                    p.printRecord(t.solver(), q.iteration(), num(q.seconds()), num(q.maxAbsRrcError()),
                            num(q.maxRelRrcError()), num(q.maxRelWeightError()), q.kind().label(), t.statusLabel());
                }
            }
        }
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
