package io.paritybench.harness.external;

/** An external command failed (non-zero exit, no answer, malformed JSON): the EXCEPTION class of a trial. */
public final class ExternalSolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExternalSolverException(String message) {
        super(message);
    }
}
