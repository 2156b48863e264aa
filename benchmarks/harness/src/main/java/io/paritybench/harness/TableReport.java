package io.paritybench.harness;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * The human-readable form of a {@link SolveReport}: a summary (solver, status, iterations, time, budget errors,
 * counters, message) and one line per asset, by name when the input file named the assets. Weights are rounded to
 * 12 decimals here; use {@code --format json} or {@code csv} for exact values.
 */
public final class TableReport {

    private TableReport() {
    }

    /** Writes the summary and the per-asset table. */
    public static void write(SolveReport r, Writer out) throws IOException {
        StringBuilder s = new StringBuilder();
        line(s, "solver", r.solver());
        line(s, "status", r.status() + (r.converged() ? "" : "  (did not converge)"));
        line(s, "iterations", Integer.toString(r.iterations()));
        line(s, "seconds", f("%.6f", r.seconds()));
        if (!Double.isNaN(r.solverSeconds())) {
            line(s, "solver seconds", f("%.6f", r.solverSeconds()) + " (its own timing)");
        }
        String verdict = "  (tolerance " + f("%.1e", r.tolerance()) + (r.withinTolerance() ? ", met)" : ", NOT met)");
        boolean rel = r.criterion() == io.paritybench.core.Criterion.REL;
        line(s, "max|RRC-b|", f("%.3e", r.maxAbsBudgetError()) + (rel ? "" : verdict));
        line(s, "max|RRC/b-1|", f("%.3e", r.maxRelBudgetError()) + (rel ? verdict : ""));
        line(s, "counters", counters(r.counters()));
        line(s, "message", r.message().isEmpty() ? "-" : CliErrors.oneLine(r.message()));
        s.append('\n');

        int width = "asset".length();
        for (String a : r.assets()) {
            width = Math.max(width, a.length());
        }
        String row = "%-" + width + "s  %15s  %15s  %15s  %10s%n";
        s.append(f(row, "asset", "weight", "RRC", "budget", "RRC-b"));
        double[] w = r.weights();
        double[] rrc = r.riskContributions();
        double[] b = r.budgets();
        for (int i = 0; i < w.length; i++) {
            s.append(f(row, r.assets().get(i), f("%.12f", w[i]), f("%.12f", rrc[i]), f("%.12f", b[i]),
                    f("%.2e", rrc[i] - b[i])));
        }
        out.write(s.toString());
        out.flush();
    }

    private static void line(StringBuilder s, String key, String value) {
        s.append(f("%-13s %s%n", key, value));
    }

    private static String counters(Map<String, Long> c) {
        if (c.isEmpty()) {
            return "-";
        }
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Long> e : c.entrySet()) {
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return s.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
