package io.paritybench.jmh.report;

/**
 * What the report says about how it was produced.
 *
 * @param profile    the {@code scripts/bench} profile ({@code quick}, {@code default}, {@code full}) or a free name
 * @param command    the command line that produced the results
 * @param commit     the git commit (with {@code -dirty} when the work tree had changes), or empty
 * @param date       when the run started (free text)
 * @param jmhFile    the raw JMH JSON file, relative to the report
 * @param plotFile   the plot, relative to the report, or null if none was written
 * @param loadBefore 1-minute load average when the run started, NaN if unknown
 * @param cores      logical CPUs of the machine
 * @param steal      share of CPU time stolen by the hypervisor over the run, NaN if unknown
 */
public record ReportInfo(String profile, String command, String commit, String date, String jmhFile, String plotFile,
                         double loadBefore, int cores, double steal) {

    /** Steal share above which a run is contended. */
    static final double STEAL_LIMIT = 0.01;

    /** @return whether the run was contended: load at start above half the cores, or steal above 1% */
    public boolean contended() {
        return loadBefore > 0.5 * cores || steal > STEAL_LIMIT;
    }
}
