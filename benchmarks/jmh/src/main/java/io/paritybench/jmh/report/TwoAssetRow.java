package io.paritybench.jmh.report;

import java.util.Map;

/**
 * One solver on the n = 2 grid.
 *
 * @param solver              solver id
 * @param tol                 tolerance as given to JMH
 * @param outcome             OK, FAILED (some solves did not converge) or why it was not timed
 * @param detail              failing statuses with their shares, or the reason it was not timed
 * @param time                mean time per solve over the grid, null if not timed
 * @param iterationsPerSolve  iterations per solve, NaN if unknown
 * @param failRate            share of measured solves that did not converge
 * @param outsideAccuracyRate share of measured solves with a residual above the achievable one
 * @param errors              the maxima written by the benchmark's tear-down (side file), empty if none
 */
public record TwoAssetRow(String solver, String tol, Outcome outcome, String detail, TimeSummary time,
                          double iterationsPerSolve, double failRate, double outsideAccuracyRate,
                          Map<String, String> errors) {

    public TwoAssetRow {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        detail = detail == null ? "" : detail;
    }

    /** @return a numeric field of the maxima, NaN if absent */
    public double error(String key) {
        String v = errors.get(key);
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
