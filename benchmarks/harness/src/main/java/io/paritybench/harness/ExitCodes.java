package io.paritybench.harness;

/** The process exit codes of {@code paritybench}; every subcommand uses these and no others. */
public final class ExitCodes {

    /** The command succeeded; for {@code solve}: the status is CONVERGED and the harness's own check passed. */
    public static final int OK = 0;
    /** An unexpected internal error (a bug): reported with its stack trace. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad input or usage: one line on stderr naming the file (or option) and the problem. */
    public static final int BAD_INPUT = 2;
    /** The solver did not converge; the result is still written, with its status. */
    public static final int NOT_CONVERGED = 3;

    private ExitCodes() {
    }
}
