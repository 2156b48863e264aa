package io.paritybench.jmh;

/** Ends a trial whose combination is not timed (see {@link Verdict}); the reason is in the side file. */
public final class NotTimedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotTimedException(String message) {
        super(message, null, false, false);
    }
}
