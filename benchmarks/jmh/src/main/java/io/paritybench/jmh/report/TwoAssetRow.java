package io.paritybench.jmh.report;


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
 * @param errors              the side record of the trial (the maxima written by the tear-down, or the reason it
 *                            was not timed), {@link SideRecord.TwoAsset#NONE} if none
 */
public record TwoAssetRow(String solver, String tol, Outcome outcome, String detail, TimeSummary time,
                          double iterationsPerSolve, double failRate, double outsideAccuracyRate,
                          SideRecord.TwoAsset errors) {

    public TwoAssetRow {
        detail = detail == null ? "" : detail;
        errors = errors == null ? SideRecord.TwoAsset.NONE : errors;
    }
}
