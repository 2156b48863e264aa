package io.paritybench.harness;

/**
 * Bad input that the user can fix: the message names the file (or option) and the problem. Reported as one line
 * on stderr with exit code {@link ExitCodes#BAD_INPUT}.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param source the file or option the problem is in, e.g. {@code "cov.csv"} or {@code "--init"} */
    public InputException(String source, String problem) {
        super(source + ": " + problem);
    }

    public InputException(String message) {
        super(message);
    }
}
