package io.paritybench.core;

/** Bad input: the message names what is wrong (which entry, asset or budget) so a user can fix it. */
public class InvalidProblemException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidProblemException(String message) {
        super(message);
    }
}
