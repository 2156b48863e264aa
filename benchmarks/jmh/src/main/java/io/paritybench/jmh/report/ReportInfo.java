package io.paritybench.jmh.report;

/**
 * What the report says about how it was produced.
 *
 * @param profile   the {@code scripts/bench} profile ({@code quick}, {@code default}, {@code full}) or a free name
 * @param command   the command line that produced the results
 * @param commit    the git commit (with {@code -dirty} when the work tree had changes), or empty
 * @param date      when the run started (free text)
 * @param jmhFile   the raw JMH JSON file, relative to the report
 * @param plotFile  the plot, relative to the report, or null if none was written
 */
public record ReportInfo(String profile, String command, String commit, String date, String jmhFile, String plotFile) {
}
