package io.paritybench.harness.trace;

import io.paritybench.harness.sweep.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time to accuracy: for each solver, the first time its trace reaches {@code max_i |RRC_i − b_i| ≤ L} for
 * {@code L} in {@link #LEVELS}, and its floor (the smallest residual of the trace and when it was first reached). A
 * solver stops at the first iterate that passes its tolerance, so the first crossing is the time a solve at
 * tolerance L takes (plus its final check). A level never reached shows "—" and the final status.
 *
 * @param solver   the solver id
 * @param seconds  time to each level of {@link #LEVELS}, NaN when never reached
 * @param floor    the smallest {@code max|RRC − b|} of the trace, NaN when there is no finite one
 * @param floorSeconds when the floor was first reached
 * @param status   the final status label
 */
public record TimeToLevel(String solver, double[] seconds, double floor, double floorSeconds, String status) {

    /** The accuracy levels of the table, on {@code max_i |RRC_i − b_i|}. */
    public static final double[] LEVELS = {1e-4, 1e-6, 1e-8, 1e-10, 1e-12};

    /** Shown for a level never reached. */
    public static final String NEVER = "—";

    /** @return the time-to-level row of one trace */
    public static TimeToLevel of(SolverTrace t) {
        double[] s = new double[LEVELS.length];
        java.util.Arrays.fill(s, Double.NaN);
        double floor = Double.NaN;
        double floorSeconds = Double.NaN;
        for (TracePoint p : t.points()) {
            double r = p.maxAbsRrcError();
            if (!(r >= 0)) {
                continue;
            }
            for (int k = 0; k < LEVELS.length; k++) {
                if (Double.isNaN(s[k]) && r <= LEVELS[k]) {
                    s[k] = p.seconds();
                }
            }
            if (Double.isNaN(floor) || r < floor) {
                floor = r;
                floorSeconds = p.seconds();
            }
        }
        return new TimeToLevel(t.solver(), s, floor, floorSeconds, t.statusLabel());
    }

    /** @return the table, one row per solver, as Markdown and CSV */
    public static Table table(String name, String title, List<SolverTrace> traces) {
        List<String> header = new ArrayList<>();
        header.add("solver");
        for (double l : LEVELS) {
            header.add("≤ " + level(l));
        }
        header.add("floor");
        header.add("final status");
        header.add("traced solves");
        List<List<String>> rows = new ArrayList<>();
        for (SolverTrace t : traces) {
            TimeToLevel r = of(t);
            List<String> row = new ArrayList<>();
            row.add(r.solver);
            for (double v : r.seconds) {
                row.add(Double.isNaN(v) ? NEVER + " (" + r.status + ")" : seconds(v));
            }
            row.add(Double.isNaN(r.floor) ? NEVER : sci(r.floor) + " at " + seconds(r.floorSeconds));
            row.add(r.status);
            row.add(Integer.toString(t.repeats()));
            rows.add(row);
        }
        return new Table(name, title, "time of the first traced iterate with max|RRC − b| ≤ the level (median of "
                + "the traced solves); " + NEVER + " with the final status when the level is never reached; floor: "
                + "the smallest max|RRC − b| of the trace and when it was first reached", header, rows);
    }

    /** @return {@code 1e-4} style */
    static String level(double l) {
        return "1e" + Math.round(Math.log10(l));
    }

    /** @return two significant digits, e.g. {@code 3.2e-15} */
    public static String sci(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.1e", v).replace("e-0", "e-").replace("e+0", "e");
    }

    /** @return seconds with a unit and three significant digits: {@code 412 µs}, {@code 3.10 ms}, {@code 1.25 s} */
    public static String seconds(double s) {
        if (Double.isNaN(s)) {
            return NEVER;
        }
        if (s < 1e-3) {
            return String.format(Locale.ROOT, "%.3g µs", s * 1e6);
        }
        if (s < 1) {
            return String.format(Locale.ROOT, "%.3g ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.3g s", s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeToLevel t && t.solver.equals(solver) && java.util.Arrays.equals(t.seconds, seconds)
                && Double.compare(t.floor, floor) == 0 && Double.compare(t.floorSeconds, floorSeconds) == 0
                && t.status.equals(status);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(solver, java.util.Arrays.hashCode(seconds), floor, floorSeconds, status);
    }

    @Override
    public String toString() {
        return "TimeToLevel[" + solver + ", " + java.util.Arrays.toString(seconds) + ", floor " + floor + " at "
                + floorSeconds + ", " + status + "]";
    }
}
