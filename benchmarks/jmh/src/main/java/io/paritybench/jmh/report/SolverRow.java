package io.paritybench.jmh.report;


/**
 * One configuration of {@code SolverBenchmark}: the time and the solve statistics, or why it was not timed.
 *
 * @param solver              solver id
 * @param family              problem family
 * @param n                   number of assets
 * @param seed                seed of the problem
 * @param kappa               κ(Σ) as given to JMH
 * @param tol                 tolerance as given to JMH
 * @param cap                 time cap in seconds as given to JMH
 * @param outcome             how the configuration ended
 * @param detail              the failing statuses with their shares, or the probe's explanation; empty when OK
 * @param time                the time per solve, null if not timed
 * @param solves              measured solves (events), NaN if not timed
 * @param iterationsPerSolve  solver iterations per solve (its own unit), NaN if unknown
 * @param failRate            share of measured solves that did not converge, NaN if not timed
 * @param outsideAccuracyRate share of measured solves with a residual above the achievable one, NaN if not timed
 * @param matvecs             median time / mean time of one n×n matrix–vector product, NaN if unknown
 * @param factorisations      median time / median time of one n×n Cholesky factorisation, NaN if unknown
 * @param residualChecks      median time / median time of one residual check of the harness, NaN if unknown
 * @param gc                  allocation and collections during the measurement
 * @param load                largest 1-minute load average seen at the start or end of a trial, NaN if unknown
 * @param steal               largest steal share of a trial, NaN if unknown
 * @param probe               the probe record of the side file, {@link ProbeSummary#NONE} if none
 */
public record SolverRow(String solver, String family, int n, String seed, String kappa, String tol, String cap,
                        Outcome outcome, String detail, TimeSummary time, double solves, double iterationsPerSolve,
                        double failRate, double outsideAccuracyRate, double matvecs, double factorisations,
                        double residualChecks, JmhResult.Gc gc, double load, double steal, ProbeSummary probe) {

    public SolverRow {
        probe = probe == null ? ProbeSummary.NONE : probe;
        detail = detail == null ? "" : detail;
        seed = seed == null ? "1" : seed;
        gc = gc == null ? JmhResult.Gc.NONE : gc;
    }

    /** @return κ(Σ) as a number, NaN when it is not one (the structured factor rows have none) */
    public double kappaValue() {
        try {
            return Double.parseDouble(kappa);
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    /** @return the tolerance as a number */
    public double tolValue() {
        return Double.parseDouble(tol);
    }

    /** @return the seed as a number (0 if not one) */
    public long seedValue() {
        try {
            return Long.parseLong(seed);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return whether the row has a time and it is steady (or too short to tell) */
    public boolean steady() {
        return time == null || time.steady();
    }

    /** @return whether the row has a time per solve */
    public boolean timed() {
        return time != null;
    }
}
